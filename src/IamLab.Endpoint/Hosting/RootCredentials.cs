namespace IamLab.Endpoint.Hosting;

/// <summary>
/// The lab's root-user convention (LocalStack's too): an access key id that is a 12-digit account id, with the
/// secret <c>test</c>, signs as that account's root user; the account is created on first use.
/// </summary>
public static class RootCredentials
{
    /// <summary>The secret every root access key uses.</summary>
    public const string Secret = "test";

    /// <summary>The account used in examples and printed by <c>iamlab serve</c>.</summary>
    public const string DefaultAccountId = "000000000000";

    /// <summary>True when the access key id is a 12-digit account id.</summary>
    /// <param name="accessKeyId">The access key id.</param>
    /// <returns>Whether it names an account's root.</returns>
    public static bool IsRootKey(string accessKeyId) =>
        accessKeyId is { Length: 12 } && accessKeyId.All(char.IsAsciiDigit);
}
