using IamLab.Lessons.Labs;

namespace IamLab.Lessons.Tests.Labs;

/// <summary>
/// A labs app checks a command's arguments with the notebook commands' own code, so a wrong one gets the code and the
/// message a notebook cell fails with (tests/IamLab.Interactive.Tests/Commands asserts the same texts there).
/// </summary>
public sealed class LabAppArgumentTests
{
    [Theory]
    [InlineData("#!lab-assume-role --role arn:aws:iam::999999999999:role/X --as arn:aws:iam::111111111111:user/dev --from s1", "USAGE: --as and --from exclude each other; give one of them.")]
    [InlineData("#!lab-assume-role --role CrossAccountS3Access --as arn:aws:iam::111111111111:user/dev", "USAGE: --role must be an IAM role ARN such as arn:aws:iam::111111111111:role/NAME, not \"CrossAccountS3Access\".")]
    [InlineData("#!lab-assume-role --role arn:aws:iam::999999999999:role/X --as arn:aws:iam::111111111111:user/dev --duration an-hour", "USAGE: --duration must be a whole number of seconds, not \"an-hour\".")]
    [InlineData("#!lab-assume-role --role arn:aws:iam::999999999999:role/X --from nobody", "UNKNOWN_SESSION: No session \"nobody\": no session has been made yet (run #!lab-assume-role, #!lab-saml or #!lab-github-oidc first).")]
    [InlineData("#!lab-github-oidc --role arn:aws:iam::111111111111:role/R --repo o/r --branch main --environment prod", "USAGE: --branch, --environment and --pull-request exclude each other; give at most one.")]
    [InlineData("#!lab-saml --role arn:aws:iam::111111111111:role/R --provider idp --user alice", "USAGE: --provider must be a SAML provider ARN such as arn:aws:iam::111111111111:saml-provider/NAME, not \"idp\".")]
    [InlineData("#!lab-simulate s3:GetObject --resource arn:aws:s3:::b/k", "USAGE: one of --as and --session is required. Run #!lab-simulate --help.")]
    [InlineData("#!lab-simulate s3:GetObject --resource arn:aws:s3:::b/k --as arn:aws:iam::111111111111:root --expect yes", "USAGE: --expect must be allowed, explicitDeny, implicitDeny or denied, not \"yes\".")]
    [InlineData("#!lab-simulate s3:GetObject --resource arn:aws:s3:::b/k --as arn:aws:iam::111111111111:root --context team", "USAGE: --context: \"team\" is not KEY=VALUE; write --context \"KEY=VALUE,KEY=VALUE\".")]
    [InlineData("#!lab-advance --by 20m --to 2026-01-15T13:30:00Z", "USAGE: --by and --to exclude each other; give one of them.")]
    [InlineData("#!lab-advance --to \"2026-01-15 13:30\"", "USAGE: --to: \"2026-01-15 13:30\" is not an instant with its offset; write e.g. 2026-01-15T13:30:00Z, or a duration from now such as +20m.")]
    [InlineData("#!lab-events --last 0", "USAGE: --last takes a whole number of events, 1 or more; got '0'.")]
    [InlineData("#!lab-matrix s3:GetObject --resource arn:aws:s3:::b/k --principals nobody", "UNKNOWN_SESSION: No session \"nobody\": no session has been made yet (run #!lab-assume-role, #!lab-saml or #!lab-github-oidc first).")]
    [InlineData("#!lab-chain", "USAGE: SESSION (--session) is required. Run #!lab-chain --help.")]
    public void ABadArgument_IsMarkedWithTheNotebooksCodeAndMessage(string line, string expected)
    {
        var (output, app) = Started();
        using (app)
        {
            app.Run(line);

            var printed = output.ToString();
            Assert.Contains($"\n> {line}\n✗ {expected}\n", printed.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void ACommandBeforeAnyScenario_IsNoScenario()
    {
        var output = new StringWriter();
        using var app = LabApp.Start(["--no-pause"], "00-x", null, Path.Combine(Repository.Labs, "00-x.cs"), output);

        app.Run("#!lab-advance 20m");

        Assert.Contains("\n✗ NO_SCENARIO: No scenario is started (the lesson starts one with #!lab-scenario).\n", output.ToString().ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    [Fact]
    public void SamlSourceIdentity_ReachesTheAssertion_AndTheSolutionsTrustRefusesIt()
    {
        var output = new StringWriter();
        using var app = LabApp.Start(["--no-pause"], "00-x", null, Path.Combine(Repository.Labs, "00-x.cs"), output);
        app.Run("#!lab-scenario saml-federation --solution");

        // The solution's trust does not allow sts:SetSourceIdentity: the same sign-in without it is allowed.
        app.Run("#!lab-saml --role arn:aws:iam::123456789012:role/FederatedDeveloperAccess --provider arn:aws:iam::123456789012:saml-provider/MyCompanySSO --user alice@example.com --expect allowed");
        app.Run("#!lab-saml --role arn:aws:iam::123456789012:role/FederatedDeveloperAccess --provider arn:aws:iam::123456789012:saml-provider/MyCompanySSO --user alice@example.com --source-identity alice --expect denied");

        // A command that fails (an expectation missed, an unknown argument) prints "✗ CODE" at the start of a line.
        var printed = output.ToString().ReplaceLineEndings("\n");
        Assert.DoesNotContain("\n✗ ", printed, StringComparison.Ordinal);
        Assert.Contains("sts:SetSourceIdentity", printed, StringComparison.Ordinal);
    }

    private static (StringWriter Output, LabApp App) Started()
    {
        var output = new StringWriter();
        var app = LabApp.Start(["--no-pause"], "00-x", null, Path.Combine(Repository.Labs, "00-x.cs"), output);
        app.Run("#!lab-scenario role-chaining --solution");
        Assert.DoesNotContain("✗", output.ToString(), StringComparison.Ordinal);
        return (output, app);
    }
}
