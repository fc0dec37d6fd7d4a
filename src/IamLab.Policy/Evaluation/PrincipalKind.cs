namespace IamLab.Policy.Evaluation;

/// <summary>What kind of caller makes a request.</summary>
public enum PrincipalKind
{
    /// <summary>An account's root user (or a bare account id).</summary>
    Root,
    /// <summary>An IAM user.</summary>
    User,
    /// <summary>An IAM role named directly (rare as a caller; sessions are the usual form).</summary>
    Role,
    /// <summary>A role session, <c>arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION</c>.</summary>
    AssumedRole,
    /// <summary>A federated user session from GetFederationToken.</summary>
    FederatedUser,
    /// <summary>An AWS service principal such as <c>ec2.amazonaws.com</c>.</summary>
    Service,
    /// <summary>A SAML or OIDC identity provider (or a web identity provider) vouching for a caller.</summary>
    Federated,
    /// <summary>An S3 canonical user.</summary>
    CanonicalUser,
    /// <summary>An unauthenticated caller.</summary>
    Anonymous,
}
