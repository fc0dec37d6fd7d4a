using System.Globalization;

namespace IamLab.Interactive.Formatting;

/// <summary>Masks secrets for display: the first four characters, then how long the rest is.</summary>
public static class Secrets
{
    /// <summary>"wJal… (40 characters, hidden)"; an empty or missing secret shows as "(none)".</summary>
    public static string Mask(string? secret)
    {
        if (string.IsNullOrEmpty(secret))
        {
            return "(none)";
        }

        var shown = secret.Length <= 8 ? string.Empty : secret[..4];
        return string.Create(CultureInfo.InvariantCulture, $"{shown}… ({secret.Length} characters, hidden)");
    }
}
