using IamLab.Interactive.Views;
using IamLab.World;
using IamLab.World.Errors;
using IamLab.World.Sts;
using Microsoft.DotNet.Interactive;

namespace IamLab.Interactive.Commands;

/// <summary>Shows what an STS call produced (the session, or AWS's error with the engine's decision) and checks <c>--expect</c>.</summary>
internal static class SessionOutcome
{
    public static void Show(KernelInvocationContext context, LabWorld world, string operation, IamResult<AssumeRoleResult> result, string? expect,
        Func<DecisionView?>? explainDenial = null)
    {
        if (result.IsSuccess)
        {
            var session = result.Value.Session;
            context.Display(new SessionView(session, world.Sts.Chain(session.AccessKeyId), world.Time.GetUtcNow())
            {
                Claims = session.Claims.Count > 0 ? session.Claims : null,
            });
            Arguments.ExpectOutcome(expect, null);
            return;
        }

        var error = result.Error!;
        var decision = error.Code == "AccessDenied" ? explainDenial?.Invoke() : null;
        context.Display(new StsFailureView(operation, error.Code, error.Message, decision));
        Arguments.ExpectOutcome(expect, error.Code);
    }
}
