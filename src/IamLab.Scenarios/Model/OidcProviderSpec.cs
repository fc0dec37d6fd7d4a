namespace IamLab.Scenarios.Model;

/// <summary>An OIDC provider in an account.</summary>
public sealed record OidcProviderSpec(string Account, string Url, IReadOnlyList<string> ClientIds);
