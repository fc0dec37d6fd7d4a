using IamLab.Policy.Diagnostics;
using IamLab.Scenarios.Grading;
using IamLab.Scenarios.Loading;
using IamLab.Scenarios.Security;

namespace IamLab.Scenarios.Tests;

/// <summary>
/// The grade report's security findings come from one checker per problem: the validator for the policy-level ones (under
/// its codes), the scanner for those that need the scenario; each problem shows once, and ignoreFindings hides either.
/// </summary>
public class GradeReportFindingsTests
{
    private const string Id = "service-linked-roles";

    [Fact]
    public void IamStarOnStar_IsReportedOnce_UnderTheValidatorsCode()
    {
        var report = Grade(PolicyWith("""{ "Effect": "Allow", "Action": "iam:*", "Resource": "*" }"""));

        var passRole = Assert.Single(report.Findings);
        Assert.Equal(PolicyCodes.PassRoleWithStarInResource, passRole.Code);
        Assert.Equal("SECURITY_WARNING", passRole.Severity);
        Assert.Equal(7, passRole.Line);
        Assert.EndsWith("platform-admin-policy.json", passRole.File, StringComparison.Ordinal);
    }

    [Fact]
    public void NotActionAndNotResource_AreReportedOnceEach()
    {
        var report = Grade(PolicyWith(
            """{ "Effect": "Allow", "NotAction": "iam:DeleteRole", "Resource": "*" }""",
            """{ "Effect": "Allow", "Action": "iam:ListRoles", "NotResource": "arn:aws:iam::123456789012:role/AppRole" }"""));

        var codes = report.Findings.Select(f => f.Code).Order(StringComparer.Ordinal).ToList();

        Assert.Equal([PolicyCodes.AllowWithNotAction, PolicyCodes.AllowWithNotResource], codes);
    }

    [Fact]
    public void IgnoredValidatorCode_HidesTheFinding()
    {
        var scenario = ScenarioLoader.Load(Repo.Scenario(Id)).Scenario! with { IgnoreFindings = [PolicyCodes.PassRoleWithStarInResource] };
        using var grader = new Grader(scenario);

        var report = grader.Grade(PolicyWith("""{ "Effect": "Allow", "Action": "iam:*", "Resource": "*" }""")).Report!;

        Assert.Empty(report.Findings);
    }

    [Fact]
    public void EveryValidatorSecurityCode_IsOneAScenarioMayName_AndTheRetiredGraderCopiesAreNot()
    {
        Assert.Contains(PolicyCodes.PassRoleWithStarInResource, FindingCodes.All);
        Assert.Contains(PolicyCodes.OidcNoAudience, FindingCodes.All);
        Assert.Contains(FindingCodes.CrossAccountNoExternalId, FindingCodes.All);
        Assert.DoesNotContain("SEC_PASSROLE_STAR", FindingCodes.All);
        Assert.DoesNotContain("SEC_PRINCIPAL_STAR_NO_CONDITION", FindingCodes.All);
    }

    private static GradeReport Grade(string submission)
    {
        using var grader = new Grader(ScenarioLoader.Load(Repo.Scenario(Id)).Scenario!);
        return grader.Grade(submission).Report!;
    }

    // A submission folder whose platform-admin-policy.json holds the statements, the first Resource on line 7.
    private static string PolicyWith(params string[] statements)
    {
        var folder = Repo.Scratch();
        var body = string.Join(",\n", statements.Select(s => s.Replace(", \"", ",\n      \"", StringComparison.Ordinal).Replace("{ ", "    {\n      ", StringComparison.Ordinal).Replace(" }", "\n    }", StringComparison.Ordinal)));
        File.WriteAllText(Path.Combine(folder, "platform-admin-policy.json"), $"{{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n{body}\n  ]\n}}\n");
        return folder;
    }
}
