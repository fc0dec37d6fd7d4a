using System.Globalization;

namespace IamLab.Policy.Matching;

/// <summary>
/// An IPv4 or IPv6 address or CIDR block, as the IpAddress and NotIpAddress operators compare them.
/// Parsing allocates nothing, so checking a request's source address costs no garbage.
/// </summary>
public readonly record struct IpNetwork(UInt128 Address, int PrefixLength, bool IsV6)
{
    /// <summary>True when <paramref name="address"/> (a single address) lies inside this block. IPv4 never matches IPv6.</summary>
    public bool Contains(IpNetwork address)
    {
        if (address.IsV6 != IsV6)
        {
            return false;
        }

        var width = IsV6 ? 128 : 32;
        if (PrefixLength == 0)
        {
            return true;
        }

        var shift = width - PrefixLength;
        return (address.Address >> shift) == (Address >> shift);
    }

    /// <summary>Parses an address or a CIDR block (<c>203.0.113.0/24</c>, <c>2001:db8::/32</c>); an address alone is a /32 or /128.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out IpNetwork network)
    {
        network = default;
        var slash = text.IndexOf('/');
        var addressText = slash < 0 ? text : text[..slash];
        bool isV6;
        UInt128 address;
        if (addressText.Contains(':'))
        {
            isV6 = true;
            if (!TryParseV6(addressText, out address))
            {
                return false;
            }
        }
        else
        {
            isV6 = false;
            if (!TryParseV4(addressText, out var v4))
            {
                return false;
            }

            address = v4;
        }

        var width = isV6 ? 128 : 32;
        var prefix = width;
        if (slash >= 0)
        {
            var prefixText = text[(slash + 1)..];
            if (prefixText.IsEmpty || prefixText.Length > 3 || !int.TryParse(prefixText, NumberStyles.None, CultureInfo.InvariantCulture, out prefix) || prefix > width)
            {
                return false;
            }
        }

        network = new IpNetwork(address, prefix, isV6);
        return true;
    }

    private static bool TryParseV4(ReadOnlySpan<char> text, out uint value)
    {
        value = 0;
        var octets = 0;
        while (true)
        {
            var dot = text.IndexOf('.');
            var part = dot < 0 ? text : text[..dot];
            if (part.IsEmpty || part.Length > 3 || !int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var octet) || octet > 255)
            {
                return false;
            }

            value = (value << 8) | (uint)octet;
            octets++;
            if (dot < 0)
            {
                return octets == 4;
            }

            if (octets == 4)
            {
                return false;
            }

            text = text[(dot + 1)..];
        }
    }

    private static bool TryParseV6(ReadOnlySpan<char> text, out UInt128 value)
    {
        value = 0;
        Span<ushort> groups = stackalloc ushort[8];
        var gap = text.IndexOf("::", StringComparison.Ordinal);
        int count;
        if (gap < 0)
        {
            if (!TryParseGroups(text, groups, out count) || count != 8)
            {
                return false;
            }
        }
        else
        {
            if (text[(gap + 2)..].Contains("::", StringComparison.Ordinal))
            {
                return false;
            }

            Span<ushort> tail = stackalloc ushort[8];
            if (!TryParseGroups(text[..gap], groups, out var headCount) || !TryParseGroups(text[(gap + 2)..], tail, out var tailCount) || headCount + tailCount > 7)
            {
                return false;
            }

            groups[headCount..].Clear();
            tail[..tailCount].CopyTo(groups[(8 - tailCount)..]);
            count = 8;
        }

        foreach (var group in groups)
        {
            value = (value << 16) | group;
        }

        return count == 8;
    }

    private static bool TryParseGroups(ReadOnlySpan<char> text, Span<ushort> groups, out int count)
    {
        count = 0;
        if (text.IsEmpty)
        {
            return true;
        }

        while (true)
        {
            var colon = text.IndexOf(':');
            var part = colon < 0 ? text : text[..colon];
            if (colon < 0 && part.Contains('.'))
            {
                // An IPv4 tail such as ::ffff:192.0.2.1 fills the last two groups.
                if (count > 6 || !TryParseV4(part, out var v4))
                {
                    return false;
                }

                groups[count++] = (ushort)(v4 >> 16);
                groups[count++] = (ushort)v4;
                return true;
            }

            if (part.IsEmpty || part.Length > 4 || count >= 8 || !ushort.TryParse(part, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var group))
            {
                return false;
            }

            groups[count++] = group;
            if (colon < 0)
            {
                return true;
            }

            text = text[(colon + 1)..];
        }
    }
}
