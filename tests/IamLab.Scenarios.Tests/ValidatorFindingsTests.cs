using IamLab.Scenarios.Grading;
using IamLab.Scenarios.Loading;
using IamLab.Scenarios.Security;

namespace IamLab.Scenarios.Tests;

/// <summary>A problem both the validator and the grader's scanner look for shows once in a grade report, under the grader's code.</summary>
public class ValidatorFindingsTests
{
    private const string Id = "service-linked-roles";

    [Fact]
    public void IamStarOnStar_IsReportedOnce_AsSecPassRoleStar()
    {
        var report = Grade(PolicyWith("""{ "Effect": "Allow", "Action": "iam:*", "Resource": "*" }"""));

        var passRole = Assert.Single(report.Findings, f => f.Code is "SEC_PASSROLE_STAR" or "PASS_ROLE_WITH_STAR_IN_RESOURCE");
        Assert.Equal("SEC_PASSROLE_STAR", passRole.Code);
        Assert.Equal(7, passRole.Line);
    }

    [Fact]
    public void NotActionAndNotResource_AreReportedOnceEach_UnderTheGradersCodes()
    {
        var report = Grade(PolicyWith(
            """{ "Effect": "Allow", "NotAction": "iam:DeleteRole", "Resource": "*" }""",
            """{ "Effect": "Allow", "Action": "iam:ListRoles", "NotResource": "arn:aws:iam::123456789012:role/AppRole" }"""));

        var codes = report.Findings.Select(f => f.Code).Order(StringComparer.Ordinal).ToList();

        Assert.Equal(["SEC_ALLOW_NOT_ACTION", "SEC_ALLOW_NOT_RESOURCE"], codes);
    }

    [Fact]
    public void IgnoredGraderCode_HidesTheValidatorsFindingForTheSameProblemToo()
    {
        var scenario = ScenarioLoader.Load(Repo.Scenario(Id)).Scenario! with { IgnoreFindings = [FindingCodes.PassRoleStar] };
        using var grader = new Grader(scenario);

        var report = grader.Grade(PolicyWith("""{ "Effect": "Allow", "Action": "iam:*", "Resource": "*" }""")).Report!;

        Assert.DoesNotContain(report.Findings, f => f.Code is "SEC_PASSROLE_STAR" or "PASS_ROLE_WITH_STAR_IN_RESOURCE");
    }

    [Fact]
    public void Mapping_NamesOnlyGraderCodes()
    {
        Assert.All(ValidatorFindings.Mapping.Values, code => Assert.Contains(code, FindingCodes.All));
        Assert.Equal(FindingCodes.PassRoleStar, ValidatorFindings.GraderCodeFor("PASS_ROLE_WITH_STAR_IN_RESOURCE"));
        Assert.Null(ValidatorFindings.GraderCodeFor("FORALLVALUES_WITH_SINGLE_VALUED_KEY"));
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
