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
        IamLab.Lessons.Chains.ChainAttempt attempt)
    {
        notebook.Chains.Record(attempt, result, world.Time.GetUtcNow());
        if (result.IsSuccess)
        {
            var session = result.Value.Session;
            context.Display(new SessionView(session, world.Sts.Chain(session.AccessKeyId), world.Time.GetUtcNow())
            {
                Claims = session.Claims.Count > 0 ? session.Claims : null,
            });
            CommandArguments.ExpectOutcome(expect, null);
            return;
        }

        var error = result.Error!;
        // The check STS made and refused with, when an authorization refused: its explanation is of the decision actually made.
        var decision = error.Check is { } check ? new DecisionView(check.Explanation) { DenialMessage = error.Message } : null;
        context.Display(new StsFailureView(operation, error.Code, error.Message, decision));
        CommandArguments.ExpectOutcome(expect, error.Code);
    }
}
