namespace IamLab.Endpoint.Tests.Auth;

/// <summary>The secret lookup the verifier is given in tests: one known key.</summary>
internal static class SecretStore
{
    public static string? Lookup(string accessKeyId) =>
        accessKeyId == SdkClients.AccessKeyId ? SdkClients.Secret : null;

    public static string? WrongSecret(string accessKeyId) =>
        accessKeyId == SdkClients.AccessKeyId ? "not-the-secret" : null;
}
