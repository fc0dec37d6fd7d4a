using System.Globalization;

namespace IamLab.Scenarios.Mutation;

/// <summary>An Allow's IpAddress range widened: 8 bits shorter for IPv4 (a /24 becomes a /16; an address a /24), 16 for IPv6.</summary>
internal sealed class CidrWidening : IMutationOperator
{
    public IEnumerable<PolicyMutation> Mutate(PolicyDocument document)
    {
        foreach (var site in ConditionSites.Of(document).Where(s => ConditionOperatorName.Parse(s.Operator).Is("IpAddress")))
        {
            var values = PolicyDocument.Values(site.Values).Select(v => v.Value).ToList();
            if (values.Count == 0 || values.All(v => Widen(v) == v))
            {
                continue;
            }

            var widened = ConditionSites.Map(site.Values, Widen);
            var json = document.With(site.Index, s => ((System.Text.Json.Nodes.JsonObject)((System.Text.Json.Nodes.JsonObject)s["Condition"]!)[site.Operator]!)[site.Key] = widened);
            yield return new PolicyMutation(site.Path, MutationOperators.CidrWidened,
                $"{site.Key} {string.Join(", ", values)} → {string.Join(", ", values.Select(Widen))}", json);
        }
    }

    internal static string Widen(string cidr)
    {
        var slash = cidr.IndexOf('/', StringComparison.Ordinal);
        var address = slash < 0 ? cidr : cidr[..slash];
        var v6 = address.Contains(':', StringComparison.Ordinal);
        var full = v6 ? 128 : 32;
        if (!System.Net.IPAddress.TryParse(address, out var ip)
            || !int.TryParse(slash < 0 ? full.ToString(CultureInfo.InvariantCulture) : cidr[(slash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var bits)
            || bits <= 0 || bits > full)
        {
            return cidr;
        }

        var wider = Math.Max(0, bits - (v6 ? 16 : 8));
        var bytes = ip.GetAddressBytes();
        for (var i = 0; i < bytes.Length * 8; i++)
        {
            if (i >= wider)
            {
                bytes[i / 8] &= (byte)~(0x80 >> (i % 8));
            }
        }

        return $"{new System.Net.IPAddress(bytes)}/{wider.ToString(CultureInfo.InvariantCulture)}";
    }
}
