namespace IamLab.Policy.Evaluation;

/// <summary>The condition keys AWS sets from the caller's identity on every request.</summary>
internal static class PrincipalKeys
{
    public static void AddDefaults(Caller caller, RequestContext context)
    {
        context.SetDefault("aws:PrincipalIsAWSService", caller.Kind == PrincipalKind.Service ? "true" : "false");
        switch (caller.Kind)
        {
            case PrincipalKind.Service:
                context.SetDefault("aws:PrincipalServiceName", caller.Text);
                return;
            case PrincipalKind.Anonymous:
                context.SetDefault("aws:PrincipalType", "Anonymous");
                context.SetDefault("aws:userid", "anonymous");
                return;
            case PrincipalKind.Federated or PrincipalKind.CanonicalUser:
                return;
        }

        context.SetDefault("aws:PrincipalAccount", caller.Account!);
        switch (caller.Kind)
        {
            case PrincipalKind.Root:
                context.SetDefault("aws:PrincipalArn", caller.Arn);
                context.SetDefault("aws:PrincipalType", "Account");
                context.SetDefault("aws:userid", caller.Account!);
                break;
            case PrincipalKind.User:
                context.SetDefault("aws:PrincipalArn", caller.Arn);
                context.SetDefault("aws:PrincipalType", "User");
                context.SetDefault("aws:username", caller.Name!);
                break;
            case PrincipalKind.AssumedRole or PrincipalKind.Role:
                context.SetDefault("aws:PrincipalArn", caller.RoleArn!);
                context.SetDefault("aws:PrincipalType", "AssumedRole");
                break;
            case PrincipalKind.FederatedUser:
                context.SetDefault("aws:PrincipalArn", caller.Arn);
                context.SetDefault("aws:PrincipalType", "FederatedUser");
                break;
        }
    }
}
