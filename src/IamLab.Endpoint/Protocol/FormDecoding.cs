using System.Text;

namespace IamLab.Endpoint.Protocol;

/// <summary>Strict <c>application/x-www-form-urlencoded</c> decoding: <c>+</c> is a space, escapes must be valid UTF-8.</summary>
internal static class FormDecoding
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Splits <c>a=1&amp;b=2</c> into decoded pairs; returns an error message instead on bad input.</summary>
    public static (List<KeyValuePair<string, string>> Pairs, string? Error) Split(string? text)
    {
        var pairs = new List<KeyValuePair<string, string>>();
        foreach (var part in (text ?? string.Empty).TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            var name = Decode(equals < 0 ? part : part[..equals]);
            var value = equals < 0 ? string.Empty : Decode(part[(equals + 1)..]);
            if (name is null || value is null)
            {
                return (pairs, $"Invalid percent-encoding or UTF-8 in '{part}'.");
            }

            if (name.Length == 0)
            {
                return (pairs, $"Parameter without a name: '{part}'.");
            }

            pairs.Add(KeyValuePair.Create(name, value));
        }

        return (pairs, null);
    }

    private static string? Decode(string text)
    {
        if (!text.Contains('%', StringComparison.Ordinal))
        {
            return text.Replace('+', ' ');
        }

        var bytes = new List<byte>(text.Length);
        for (var i = 0; i < text.Length;)
        {
            if (text[i] == '%')
            {
                if (i + 2 >= text.Length || !Uri.IsHexDigit(text[i + 1]) || !Uri.IsHexDigit(text[i + 2]))
                {
                    return null;
                }

                bytes.Add(Convert.ToByte(text.Substring(i + 1, 2), 16));
                i += 3;
            }
            else
            {
                var next = text.IndexOf('%', i);
                var run = next < 0 ? text[i..] : text[i..next];
                bytes.AddRange(Encoding.UTF8.GetBytes(run.Replace('+', ' ')));
                i += run.Length;
            }
        }

        try
        {
            return StrictUtf8.GetString(bytes.ToArray());
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }
}
