namespace IamLab.Policy.Validation;

/// <summary>
/// The global condition keys AWS documents (reference_policies_condition-keys), with their documented
/// spelling and whether they hold one value or several.
/// </summary>
public static class ConditionKeys
{
    private static readonly string[] SingleValued =
    [
        "aws:CalledViaFirst", "aws:CalledViaLast", "aws:CurrentTime", "aws:EpochTime", "aws:FederatedProvider", "aws:MultiFactorAuthAge",
        "aws:MultiFactorAuthPresent", "aws:PrincipalAccount", "aws:PrincipalArn", "aws:PrincipalIsAWSService", "aws:PrincipalOrgID",
        "aws:PrincipalServiceName", "aws:PrincipalType", "aws:Referer", "aws:RequestedRegion", "aws:ResourceAccount", "aws:ResourceOrgID",
        "aws:SecureTransport", "aws:SourceAccount", "aws:SourceArn", "aws:SourceIdentity", "aws:SourceIp", "aws:SourceOrgID", "aws:SourceVpc",
        "aws:SourceVpce", "aws:TokenIssueTime", "aws:UserAgent", "aws:userid", "aws:username", "aws:ViaAWSService", "aws:VpcSourceIp",
        "aws:Ec2InstanceSourceVpc", "aws:Ec2InstanceSourcePrivateIPv4", "aws:AssumedRoot", "aws:SourceVpcArn", "aws:ChatbotSourceArn",
    ];

    private static readonly string[] MultiValued =
    [
        "aws:CalledVia", "aws:PrincipalOrgPaths", "aws:PrincipalServiceNamesList", "aws:ResourceOrgPaths", "aws:SourceOrgPaths", "aws:TagKeys",
    ];

    private static readonly string[] Prefixes = ["aws:PrincipalTag/", "aws:RequestTag/", "aws:ResourceTag/"];

    private static readonly Dictionary<string, bool> Known = SingleValued.Select(k => (k, false)).Concat(MultiValued.Select(k => (k, true)))
        .ToDictionary(p => p.k, p => p.Item2, StringComparer.OrdinalIgnoreCase);

    /// <summary>Every documented global key name.</summary>
    public static IEnumerable<string> GlobalKeys => SingleValued.Concat(MultiValued);

    /// <summary>Multivalued keys of other services the lab uses.</summary>
    private static readonly string[] ServiceMultiValued = ["sts:TransitiveTagKeys"];

    /// <summary>
    /// Looks up a key: whether it is a documented global key (or a tag key form), how AWS spells it,
    /// and whether it is multivalued. Keys of other services (s3:, sts:, SAML:, ...) are reported as not global.
    /// </summary>
    public static (bool IsGlobal, bool IsKnown, string? Documented, bool IsMultiValued) Lookup(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (!key.StartsWith("aws:", StringComparison.OrdinalIgnoreCase))
        {
            return (false, false, null, ServiceMultiValued.Contains(key, StringComparer.OrdinalIgnoreCase));
        }

        foreach (var prefix in Prefixes)
        {
            if (key.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return (true, true, prefix + key[prefix.Length..], false);
            }
        }

        var documented = GlobalKeys.FirstOrDefault(k => string.Equals(k, key, StringComparison.OrdinalIgnoreCase));
        return documented is null ? (true, false, null, false) : (true, true, documented, Known[documented]);
    }
}
