using IamLab.Policy.Diagnostics;

namespace IamLab.Scenarios.Security;

/// <summary>
/// The validator's security warnings that name a problem the grader's <see cref="SecurityScanner"/> also looks for.
/// The grader reports each such problem once, under its own code (docs/scenario-format.md, "Security findings"), so
/// that a scenario's <c>ignoreFindings</c> and a check's <c>noFindings</c> see one code for one problem.
/// </summary>
internal static class ValidatorFindings
{
    private static readonly Dictionary<string, string> GraderCodes = new(StringComparer.Ordinal)
    {
        [PolicyCodes.PassRoleWithStarInResource] = FindingCodes.PassRoleStar,
        [PolicyCodes.AllowWithNotAction] = FindingCodes.AllowNotAction,
        [PolicyCodes.AllowWithNotResource] = FindingCodes.AllowNotResource,
        [PolicyCodes.PublicTrust] = FindingCodes.PrincipalStarNoCondition,
    };

    /// <summary>Every validator code the grader reports under one of its own, and that code (for the docs and tests).</summary>
    public static IReadOnlyDictionary<string, string> Mapping => GraderCodes;

    /// <summary>The grader's code for the validator's <paramref name="validatorCode"/>, or null when the grader has none.</summary>
    public static string? GraderCodeFor(string validatorCode) => GraderCodes.GetValueOrDefault(validatorCode);
}
