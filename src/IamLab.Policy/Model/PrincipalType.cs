namespace IamLab.Policy.Model;

/// <summary>The kinds of principal a Principal or NotPrincipal element can name.</summary>
public enum PrincipalType
{
    /// <summary>AWS accounts, IAM users, roles and role sessions.</summary>
    Aws,
    /// <summary>AWS services such as <c>ec2.amazonaws.com</c>.</summary>
    Service,
    /// <summary>SAML or OIDC identity providers and the web identity providers.</summary>
    Federated,
    /// <summary>S3 canonical user ids.</summary>
    CanonicalUser,
}
