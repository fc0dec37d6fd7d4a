namespace IamLab.World.Analysis;

/// <summary>What a node is.</summary>
public enum GraphNodeKind
{
    /// <summary>An account, standing for its root user (and, through it, the principals the account allows).</summary>
    Account,
    /// <summary>An IAM user.</summary>
    User,
    /// <summary>An IAM role.</summary>
    Role,
    /// <summary>An IAM SAML identity provider.</summary>
    SamlProvider,
    /// <summary>An IAM OIDC identity provider.</summary>
    OidcProvider,
    /// <summary>An AWS service principal named in a trust policy.</summary>
    Service,
}
