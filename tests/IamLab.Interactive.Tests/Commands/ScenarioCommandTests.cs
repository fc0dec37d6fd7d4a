using IamLab.Interactive.Tests.Extension;
using IamLab.Scenarios.Grading;

namespace IamLab.Interactive.Tests.Commands;

[Collection(KernelTestGroup.Name)]
public sealed class ScenarioCommandTests
{
    private static readonly string Scenarios = Notebooks.RepositoryPaths.Scenarios;

    private const string SolutionTrust = """
        {
          "Version": "2012-10-17",
          "Statement": [{
            "Effect": "Allow",
            "Principal": { "Federated": "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com" },
            "Action": "sts:AssumeRoleWithWebIdentity",
            "Condition": {
              "StringEquals": { "token.actions.githubusercontent.com:aud": "sts.amazonaws.com" },
              "StringLike": { "token.actions.githubusercontent.com:sub": "repo:myorg/myrepo:*" }
            }
          }]
        }
        """;

    [Fact]
    public async Task Starting_a_scenario_shows_its_files_and_visible_checks_and_builds_its_world()
    {
        using var kernel = new TestKernel();
        var cell = await kernel.RunAsync($"#!lab-scenario github-oidc --scenarios \"{Scenarios}\"");

        Assert.True(cell.Succeeded, cell.Failure);
        Assert.Contains("<code>github-oidc</code>", cell.Html);
        Assert.Contains("<code>trust-policy.json</code> — trust", cell.Html);
        Assert.Contains("<code>main-branch-deploys</code>", cell.Html);
        Assert.NotNull(kernel.Notebook.World);
        Assert.True(kernel.Notebook.World!.Accounts["123456789012"].Roles.ContainsKey("GitHubActionsRole"));
    }

    [Fact]
    public async Task Policy_cells_are_graded_by_the_same_grader_and_used_by_the_world()
    {
        using var kernel = new TestKernel();
        Assert.True((await kernel.RunAsync($"#!lab-scenario github-oidc --scenarios \"{Scenarios}\"")).Succeeded);
        var starter = await kernel.RunAsync("#!lab-grade");
        var starterReport = Assert.IsType<GradeReport>(kernel.Notebook.LastGrade);
        var policy = await kernel.RunAsync("#!lab-policy trust-policy.json\n" + SolutionTrust);
        var flow = await kernel.RunAsync("#!lab-github-oidc arn:aws:iam::123456789012:role/GitHubActionsRole --repo myorg/myrepo --session-name deploy --expect allowed");
        var fork = await kernel.RunAsync("#!lab-github-oidc arn:aws:iam::123456789012:role/GitHubActionsRole --repo someone/myrepo --expect denied");
        var graded = await kernel.RunAsync("#!lab-grade");
        var report = Assert.IsType<GradeReport>(kernel.Notebook.LastGrade);

        Assert.True(starter.Succeeded, starter.Failure);
        Assert.True(starterReport.Score < starterReport.MaxScore);
        Assert.Contains($"score {starterReport.Score} / {starterReport.MaxScore}", starter.Html);
        Assert.Contains("background:#cf222e", starter.Html);
        Assert.True(policy.Succeeded, policy.Failure);
        Assert.Contains("the github-oidc world now uses it", policy.Html);
        Assert.True(flow.Succeeded, flow.Failure);
        Assert.True(fork.Succeeded, fork.Failure);
        Assert.True(graded.Succeeded, graded.Failure);
        Assert.Equal(report.MaxScore, report.Score);
        Assert.Contains($"score {report.MaxScore} / {report.MaxScore}", graded.Html);
        Assert.Contains("background:#1a7f37", graded.Html);
    }

    [Fact]
    public async Task Saml_flow_in_a_scenario_is_signed_by_the_scenarios_identity_provider()
    {
        using var kernel = new TestKernel();
        Assert.True((await kernel.RunAsync($"#!lab-scenario saml-federation --scenarios \"{Scenarios}\" --solution")).Succeeded);
        var cell = await kernel.RunAsync("#!lab-saml arn:aws:iam::123456789012:role/FederatedDeveloperAccess --provider arn:aws:iam::123456789012:saml-provider/MyCompanySSO --user alice@example.com --expect allowed");
        var other = await kernel.RunAsync("#!lab-saml arn:aws:iam::123456789012:role/FederatedDeveloperAccess --provider arn:aws:iam::123456789012:saml-provider/PartnerIdP --user mallory --expect denied");

        Assert.True(cell.Succeeded, cell.Failure);
        Assert.Contains("arn:aws:sts::123456789012:assumed-role/FederatedDeveloperAccess/alice@example.com", cell.Html);
        Assert.True(other.Succeeded, other.Failure);
    }

    [Fact]
    public async Task Saml_source_identity_and_transitive_keys_reach_the_assertion_and_the_trust_decides()
    {
        using var kernel = new TestKernel();
        Assert.True((await kernel.RunAsync($"#!lab-scenario saml-federation --scenarios \"{Scenarios}\" --solution")).Succeeded);
        var withSource = await kernel.RunAsync("#!lab-saml arn:aws:iam::123456789012:role/FederatedDeveloperAccess --provider arn:aws:iam::123456789012:saml-provider/MyCompanySSO --user alice@example.com --source-identity alice --expect denied");
        var withTransitive = await kernel.RunAsync("#!lab-saml arn:aws:iam::123456789012:role/FederatedDeveloperAccess --provider arn:aws:iam::123456789012:saml-provider/MyCompanySSO --user alice@example.com --attribute team=dev --transitive-tag-keys team --expect denied");

        // The solution's trust allows neither sts:SetSourceIdentity nor sts:TagSession: each call is refused for the one it lacks.
        Assert.True(withSource.Succeeded, withSource.Failure);
        Assert.Contains("sts:SetSourceIdentity", withSource.Html);
        Assert.True(withTransitive.Succeeded, withTransitive.Failure);
        Assert.Contains("sts:TagSession", withTransitive.Html);
    }

    [Fact]
    public async Task Expected_score_not_reached_fails_the_grade_cell()
    {
        using var kernel = new TestKernel();
        Assert.True((await kernel.RunAsync($"#!lab-scenario cross-account-external-id --scenarios \"{Scenarios}\"")).Succeeded);
        var cell = await kernel.RunAsync("#!lab-grade --expect-score 100");
        var report = Assert.IsType<GradeReport>(kernel.Notebook.LastGrade);

        Assert.Equal($"#!lab-grade: EXPECTATION_FAILED: expected a score of at least 100, but it is {report.Score} of {report.MaxScore}.", cell.Failure);
        Assert.Contains("Hint:", cell.Html);
    }

    [Fact]
    public async Task Solution_scores_full_marks()
    {
        using var kernel = new TestKernel();
        var start = await kernel.RunAsync($"#!lab-scenario cross-account-external-id --scenarios \"{Scenarios}\" --solution");
        var cell = await kernel.RunAsync("#!lab-grade");
        var report = Assert.IsType<GradeReport>(kernel.Notebook.LastGrade);

        Assert.True(start.Succeeded, start.Failure);
        Assert.Contains("the reference solution is in place", start.Html);
        Assert.True(cell.Succeeded, cell.Failure);
        Assert.Equal(report.MaxScore, report.Score);
    }

    [Theory]
    [InlineData("#!lab-scenario no-such-scenario --scenarios \"{0}\"", "#!lab-scenario: UNKNOWN_SCENARIO: No scenario \"no-such-scenario\" in {0}; the scenarios are: ")]
    [InlineData("#!lab-scenario --scenarios \"{0}\"", "#!lab-scenario: USAGE: ID (--id) is required. Run #!lab-scenario --help.")]
    [InlineData("#!lab-scenario github-oidc --scenarios \"{0}/nowhere\"", "#!lab-scenario: UNKNOWN_SCENARIO: The scenarios folder {0}/nowhere does not exist.")]
    [InlineData("#!lab-grade", "#!lab-grade: NO_SCENARIO: Grading needs a scenario: run #!lab-scenario ID first.")]
    [InlineData("#!lab-grade --expect-score all", "#!lab-grade: USAGE: --expect-score must be a whole number, not \"all\".")]
    public async Task Bad_arguments_fail_with_a_clear_message(string code, string message)
    {
        using var kernel = new TestKernel();
        var cell = await kernel.RunAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, code, Scenarios));

        Assert.StartsWith(string.Format(System.Globalization.CultureInfo.InvariantCulture, message, Scenarios), cell.Failure);
    }

    [Fact]
    public async Task Policy_cell_for_a_file_the_scenario_does_not_have_is_refused()
    {
        using var kernel = new TestKernel();
        Assert.True((await kernel.RunAsync($"#!lab-scenario github-oidc --scenarios \"{Scenarios}\"")).Succeeded);
        var cell = await kernel.RunAsync("#!lab-policy permissions.json\n{}");

        Assert.Equal("#!lab-policy: UNKNOWN_FILE: The scenario github-oidc has no file \"permissions.json\"; its files are: trust-policy.json.", cell.Failure);
    }

    [Fact]
    public async Task Hidden_folder_that_does_not_exist_is_refused()
    {
        using var kernel = new TestKernel();
        Assert.True((await kernel.RunAsync($"#!lab-scenario github-oidc --scenarios \"{Scenarios}\"")).Succeeded);
        var cell = await kernel.RunAsync($"#!lab-grade --hidden \"{Scenarios}/no-hidden-here\"");

        Assert.Equal($"#!lab-grade: USAGE: --hidden: the folder {Scenarios}/no-hidden-here does not exist.", cell.Failure);
    }
}

[Collection(KernelTestGroup.Name)]
public sealed class ScenarioEndpointTests
{
    [Fact]
    public async Task Policy_cell_restarts_a_running_endpoint_over_the_rebuilt_world()
    {
        var scenarios = Path.Combine(Path.GetDirectoryName(typeof(ScenarioEndpointTests).Assembly.Location)!, "..", "..", "..", "..", "..", "scenarios");
        using var kernel = new TestKernel();
        try
        {
            Assert.True((await kernel.RunAsync($"#!lab-scenario github-oidc --scenarios \"{Path.GetFullPath(scenarios)}\"")).Succeeded);
            var start = await kernel.RunAsync("#!lab-endpoint --account 123456789012");
            var before = kernel.Notebook.EndpointUrl;
            var oldWorld = kernel.Notebook.World;
            var cell = await kernel.RunAsync("#!lab-policy trust-policy.json\n{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"ec2.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}");

            Assert.True(start.Succeeded, start.Failure);
            Assert.True(cell.Succeeded, cell.Failure);
            Assert.NotSame(oldWorld, kernel.Notebook.World);
            Assert.Equal(before, kernel.Notebook.EndpointUrl);
            Assert.Contains("lab endpoint running", cell.Html);
            Assert.Equal("123456789012", Environment.GetEnvironmentVariable("AWS_ACCESS_KEY_ID"));
        }
        finally
        {
            await kernel.RunAsync("#!lab-endpoint --stop");
        }
    }
}
