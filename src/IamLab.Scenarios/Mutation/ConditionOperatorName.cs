namespace IamLab.Scenarios.Mutation;

/// <summary>A condition operator split into its set prefix (<c>ForAnyValue:</c>), base name and <c>IfExists</c> suffix.</summary>
internal readonly record struct ConditionOperatorName(string Prefix, string Base, bool IfExists)
{
    private const string Suffix = "IfExists";

    public static ConditionOperatorName Parse(string name)
    {
        var colon = name.IndexOf(':', StringComparison.Ordinal);
        var prefix = colon >= 0 ? name[..(colon + 1)] : string.Empty;
        var rest = name[prefix.Length..];
        var ifExists = rest.EndsWith(Suffix, StringComparison.OrdinalIgnoreCase) && rest.Length > Suffix.Length;
        return new ConditionOperatorName(prefix, ifExists ? rest[..^Suffix.Length] : rest, ifExists);
    }

    public bool Is(string name) => string.Equals(Base, name, StringComparison.OrdinalIgnoreCase);

    public string With(string baseName, bool? ifExists = null) => Prefix + baseName + ((ifExists ?? IfExists) ? Suffix : string.Empty);
}
