namespace IamLab.Scenarios.Model;

/// <summary>The world a scenario's checks run in (see docs/scenario-format.md, "World").</summary>
public sealed record WorldSpec
{
    /// <summary>Account ids.</summary>
    public IReadOnlyList<string> Accounts { get; init; } = [];

    /// <summary>Customer managed policies.</summary>
    public IReadOnlyList<ManagedPolicySpec> Policies { get; init; } = [];

    /// <summary>Groups.</summary>
    public IReadOnlyList<GroupSpec> Groups { get; init; } = [];

    /// <summary>Users.</summary>
    public IReadOnlyList<UserSpec> Users { get; init; } = [];

    /// <summary>Roles.</summary>
    public IReadOnlyList<RoleSpec> Roles { get; init; } = [];

    /// <summary>Service-linked roles.</summary>
    public IReadOnlyList<ServiceLinkedRoleSpec> ServiceLinkedRoles { get; init; } = [];

    /// <summary>Instance profiles.</summary>
    public IReadOnlyList<InstanceProfileSpec> InstanceProfiles { get; init; } = [];

    /// <summary>S3 buckets.</summary>
    public IReadOnlyList<BucketSpec> Buckets { get; init; } = [];

    /// <summary>SAML provider ARNs (backed by the lab IdP).</summary>
    public IReadOnlyList<string> SamlProviders { get; init; } = [];

    /// <summary>OIDC providers (backed by lab issuers).</summary>
    public IReadOnlyList<OidcProviderSpec> OidcProviders { get; init; } = [];

    /// <summary>The organization, if any.</summary>
    public OrganizationSpec? Organization { get; init; }
}
