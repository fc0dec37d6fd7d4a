using IamLab.Interactive.Views;
using IamLab.World;
using IamLab.World.Errors;
using IamLab.World.Sts;
using Microsoft.DotNet.Interactive;

namespace IamLab.Interactive.Commands;

/// <summary>Shows what an STS call produced (the session, or AWS's error with the decision of the check that refused) and checks <c>--expect</c>.</summary>
internal static class SessionOutcome
{
    public static void Show(KernelInvocationContext context, LabNotebook notebook, LabWorld world, string operation, IamResult<AssumeRoleResult> result, string? expect,
        Chains.ChainAttempt attempt)
    {
        if (result.IsSuccess)
        {
            var session = result.Value.Session;
            notebook.Hops[session.AccessKeyId] = new Chains.HopRecord(attempt.Call, AllowedBy(result.Value.Check), attempt.RequestedSeconds);
            context.Display(new SessionView(session, world.Sts.Chain(session.AccessKeyId), world.Time.GetUtcNow())
            {
                Claims = session.Claims.Count > 0 ? session.Claims : null,
            });
            Arguments.ExpectOutcome(expect, null);
            return;
        }

        var error = result.Error!;
        notebook.Refused.Add(new Chains.RefusedHop(attempt.CallerKey, attempt.CallerArn, attempt.RoleArn, attempt.SessionName, attempt.Call, error.Code, error.Message,
            world.Time.GetUtcNow()));
        // The check STS made and refused with, when an authorization refused: its explanation is of the decision actually made.
        var decision = error.Check is { } check ? new DecisionView(check.Explanation) { DenialMessage = error.Message } : null;
        context.Display(new StsFailureView(operation, error.Code, error.Message, decision));
        Arguments.ExpectOutcome(expect, error.Code);
    }

    /// <summary>The trust-policy statement(s) that allowed the call, from the check STS made: "trust policy statement 0 ("AllowDev")".</summary>
    private static string? AllowedBy(IamLab.World.Authorization.AccessCheck? check)
    {
        if (check?.Explanation is not { } explanation)
        {
            return null;
        }

        var granting = explanation.Granting.Where(s => s.Reference.Policy.Kind == IamLab.Policy.Evaluation.PolicyKind.Resource).ToList();
        if (granting.Count == 0)
        {
            granting = [.. explanation.Granting];
        }

        return granting.Count == 0 ? null : string.Join("; ", granting.Select(s =>
            $"{explanation.Describe(s.Reference.Policy)} statement {s.Reference.Statement}{(s.Reference.Sid is { } sid ? $" (\"{sid}\")" : string.Empty)}"));
    }
}
