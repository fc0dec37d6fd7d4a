namespace IamLab.Policy.Validation;

/// <summary>What a policy document is for; it decides which elements it may hold and its size limit.</summary>
public enum DocumentKind
{
    /// <summary>A managed identity-based policy (6,144 characters).</summary>
    Identity,
    /// <summary>An inline policy of a user (2,048 characters, all of a user's inline policies together).</summary>
    InlineUser,
    /// <summary>An inline policy of a role (10,240 characters, all of a role's inline policies together).</summary>
    InlineRole,
    /// <summary>An inline policy of a group (5,120 characters).</summary>
    InlineGroup,
    /// <summary>A role's trust policy (2,048 characters by default; a quota increase allows up to 4,096).</summary>
    Trust,
    /// <summary>A resource-based policy such as an S3 bucket policy (20 KB).</summary>
    Resource,
    /// <summary>A service control policy (5,120 characters).</summary>
    ServiceControl,
    /// <summary>A resource control policy (5,120 characters).</summary>
    ResourceControl,
    /// <summary>An inline session policy passed to AssumeRole (2,048 characters).</summary>
    Session,
    /// <summary>A permissions boundary, which is a managed policy (6,144 characters).</summary>
    Boundary,
}
