namespace IamLab.World.Iam;

/// <summary>An OpenID Connect identity provider: issuer URL (without https://), client ids (audiences) and thumbprints.</summary>
public sealed record OidcProvider(string Arn, string Url, IReadOnlyList<string> ClientIds, IReadOnlyList<string> Thumbprints, DateTimeOffset CreateDate);
