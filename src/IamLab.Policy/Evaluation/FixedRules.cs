namespace IamLab.Policy.Evaluation;

/// <summary>
/// Decisions AWS makes before, and regardless of, any policy: the documented special cases. Each rule names the
/// AWS page it follows; tests/conformance/special-cases/ holds the cases written from those pages.
/// </summary>
internal static class FixedRules
{
    // "arn:PARTITION:iam::aws:policy/...": "You cannot change the permissions defined in AWS managed policies"
    // (IAM User Guide, Managed policies and inline policies). Reading and attaching them are evaluated normally.
    private static readonly string[] ManagedPolicyChanges =
        ["iam:CreatePolicyVersion", "iam:DeletePolicy", "iam:DeletePolicyVersion", "iam:SetDefaultPolicyVersion", "iam:TagPolicy", "iam:UntagPolicy"];

    // IAM Identity Center's roles (path /aws-reserved/sso.amazonaws.com/, names AWSReservedSSO_*): "this role is only
    // modifiable by AWS" (IAM Identity Center User Guide, troubleshooting). PassRole and reads are evaluated normally.
    private static readonly string[] IdentityCenterRoleChanges =
    [
        "iam:AttachRolePolicy", "iam:DetachRolePolicy", "iam:PutRolePolicy", "iam:DeleteRolePolicy", "iam:PutRolePermissionsBoundary",
        "iam:DeleteRolePermissionsBoundary", "iam:UpdateRole", "iam:UpdateRoleDescription", "iam:UpdateAssumeRolePolicy", "iam:TagRole",
        "iam:UntagRole", "iam:DeleteRole",
    ];

    // Service-linked roles (path /aws-service-role/, names AWSServiceRoleFor*): their trust and permissions policies
    // belong to the service, "You cannot set the boundary for a service-linked role" (API_PutRolePermissionsBoundary),
    // they are deleted only through iam:DeleteServiceLinkedRole (UnmodifiableEntity otherwise); "You can edit the
    // description of any role" (IAM User Guide, Update a service-linked role), so UpdateRole(Description) and tags are
    // evaluated normally.
    private static readonly string[] ServiceLinkedRoleChanges =
    [
        "iam:AttachRolePolicy", "iam:DetachRolePolicy", "iam:PutRolePolicy", "iam:DeleteRolePolicy", "iam:PutRolePermissionsBoundary",
        "iam:DeleteRolePermissionsBoundary", "iam:UpdateAssumeRolePolicy", "iam:DeleteRole",
    ];

    // KMS alias management: "Cross-account use: No" (KMS API reference, CreateAlias/UpdateAlias/DeleteAlias), and
    // "The alias/aws/ prefix is reserved for AWS managed keys" (CreateAlias).
    private static readonly string[] AliasChanges = ["kms:CreateAlias", "kms:UpdateAlias", "kms:DeleteAlias"];

    /// <summary>
    /// The decision AWS makes whatever the policies say, with why in words, or false when the policies decide.
    /// </summary>
    public static bool TryDecide(AuthorizationRequest request, out Decision decision, out string why)
    {
        var action = request.Action;
        var caller = request.Caller;
        decision = Decision.ImplicitDeny;
        why = string.Empty;

        // "No permissions are required to perform this operation. If an administrator attaches a policy to your
        // identity that explicitly denies access to the sts:GetCallerIdentity action, you can still perform this
        // operation." (STS API reference, GetCallerIdentity). Identity, boundary, session, SCP and RCP alike.
        if (caller.HasIdentity && action.Equals("sts:GetCallerIdentity", StringComparison.OrdinalIgnoreCase))
        {
            decision = Decision.Allowed;
            why = "sts:GetCallerIdentity needs no permission: AWS answers it for any signed-in caller, even one an explicit Deny names.";
            return true;
        }

        var resource = request.Resource;
        if (!resource.StartsWith("arn:", StringComparison.Ordinal))
        {
            return false;
        }

        if (request.IsAwsOwned && resource.Contains(":iam::", StringComparison.Ordinal) && Is(action, ManagedPolicyChanges)
            && AuthorizationRequest.ResourcePart(resource).StartsWith("policy/", StringComparison.Ordinal))
        {
            why = $"{resource} is an AWS managed policy: only AWS changes it, so {action} is refused whatever the caller's policies say.";
            return true;
        }

        if (resource.Contains(":iam::", StringComparison.Ordinal) && AuthorizationRequest.ResourcePart(resource) is var part
            && part.StartsWith("role/", StringComparison.Ordinal))
        {
            var slash = part.LastIndexOf('/');
            var path = part[5..(slash + 1)];
            var name = part[(slash + 1)..];
            if (path.StartsWith("aws-reserved/sso.amazonaws.com/", StringComparison.Ordinal) && name.StartsWith("AWSReservedSSO_", StringComparison.Ordinal)
                && Is(action, IdentityCenterRoleChanges))
            {
                why = $"{name} is an IAM Identity Center role: \"this role is only modifiable by AWS\", so {action} is refused whatever the caller's policies say.";
                return true;
            }

            if ((path.StartsWith("aws-service-role/", StringComparison.Ordinal) || name.StartsWith("AWSServiceRoleFor", StringComparison.Ordinal))
                && Is(action, ServiceLinkedRoleChanges))
            {
                why = $"{name} is a service-linked role: its policies, boundary and deletion belong to its service, so {action} is refused whatever the caller's policies say.";
                return true;
            }
        }

        if (request.IsKmsAlias && Is(action, AliasChanges))
        {
            var alias = AuthorizationRequest.ResourcePart(resource);
            if (alias.StartsWith("alias/aws/", StringComparison.Ordinal))
            {
                why = $"{alias} begins with alias/aws/, which is reserved for AWS managed keys: {action} is refused whatever the caller's policies say.";
                return true;
            }

            if (caller.Account is not null && caller.Account != request.ResourceAccount)
            {
                why = $"{action} cannot be used across accounts: an alias is managed only from its own account ({request.ResourceAccount}).";
                return true;
            }
        }

        return false;
    }

    private static bool Is(string action, string[] actions)
    {
        foreach (var candidate in actions)
        {
            if (action.Equals(candidate, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
