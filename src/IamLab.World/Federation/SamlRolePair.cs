namespace IamLab.World.Federation;

/// <summary>
/// One value of the <c>https://aws.amazon.com/SAML/Attributes/Role</c> attribute: a role the user may assume and the
/// SAML provider that vouches for it.
/// </summary>
/// <param name="RoleArn">The ARN of the IAM role, e.g. <c>arn:aws:iam::111111111111:role/FederatedDeveloperAccess</c>.</param>
/// <param name="ProviderArn">The ARN of the SAML provider, e.g. <c>arn:aws:iam::111111111111:saml-provider/MyCompanySSO</c>.</param>
public sealed record SamlRolePair(string RoleArn, string ProviderArn)
{
    /// <summary>
    /// The attribute value: <c>ROLE_ARN,PROVIDER_ARN</c>, or <c>PROVIDER_ARN,ROLE_ARN</c> when
    /// <paramref name="providerFirst"/> is true (AWS accepts both orders).
    /// </summary>
    /// <param name="providerFirst">Whether to write the provider ARN first.</param>
    /// <returns>The comma-separated pair.</returns>
    public string ToAttributeValue(bool providerFirst = false) =>
        providerFirst ? $"{ProviderArn},{RoleArn}" : $"{RoleArn},{ProviderArn}";
}
