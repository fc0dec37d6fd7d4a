using IamLab.Interactive.Tests.Notebooks;
using IamLab.Notebooks;
using Microsoft.DotNet.Interactive.Documents;

namespace IamLab.Interactive.Tests.Hosts;

/// <summary>
/// The packed extension, loaded by a notebook's own first cell into a fresh dotnet-repl process (the kernel of VS Code's
/// Polyglot Notebooks), runs one command of every kind, each showing what it is for. This is where a package that
/// lacks an assembly its commands load (System.Security.Cryptography.Xml for SAML, Microsoft.IdentityModel for OIDC,
/// ASP.NET Core for the endpoint) fails, as it would for a learner.
/// </summary>
[Collection(HostProcesses.Name)]
public sealed class EveryCommandKindTests
{
    private const string Account = "arn:aws:iam::123456789012";

    private static IEnumerable<InteractiveDocumentElement> PolicyCells(string scenario) =>
        IamLab.Scenarios.Loading.ScenarioLoader.Load(Path.Combine(RepositoryPaths.Scenarios, scenario)).Scenario!.Files
            .Select(f => Cell($"#!lab-policy {f.Name}\n{File.ReadAllText(Path.Combine(RepositoryPaths.Scenarios, scenario, "solution", f.Name)).Trim()}"));

    private static InteractiveDocumentElement Cell(string code) => new(code, "csharp");

    [Fact]
    public async Task PackedExtension_InAFreshDotnetRepl_RunsOneCommandOfEveryKind()
    {
        var cells = new List<(InteractiveDocumentElement Cell, string Shows)>
        {
            (Cell(LabNotebooks.Read("00-start-here.ipynb").Elements[0].Contents), "IamLab extension loaded: "),
            (Cell("#!lab-scenario github-oidc"), "GitHubActionsRole"),
        };
        cells.AddRange(PolicyCells("github-oidc").Select(c => (c, "Statement")));
        cells.Add((Cell($"#!lab-github-oidc --role {Account}:role/GitHubActionsRole --repo myorg/myrepo --session-name deploy-main --expect allowed"), "repo:myorg/myrepo:ref:refs/heads/main"));
        cells.Add((Cell("#!lab-scenario saml-federation"), "FederatedDeveloperAccess"));
        cells.AddRange(PolicyCells("saml-federation").Select(c => (c, "Statement")));
        var max = LabNotebooks.MaxScore("saml-federation");
        cells.AddRange(
        [
            (Cell($"#!lab-grade --expect-score {max}"), $"{max} / {max}"),
            (Cell($"#!lab-saml --role {Account}:role/FederatedDeveloperAccess --provider {Account}:saml-provider/MyCompanySSO --user alice@example.com --session-name alice --expect allowed"), "assumed-role/FederatedDeveloperAccess/alice"),
            (Cell($"#!lab-assume-role --role {Account}:role/FederatedDeveloperAccess --as {Account}:user/contractor --session-name contractor --expect denied"), "AccessDenied"),
            (Cell($"#!lab-simulate --action iam:CreateUser --resource {Account}:user/shadow-admin --session alice --expect denied"), "implicitDeny"),
            (Cell($"#!lab-endpoint --as {Account}:user/contractor"), "AWS_ENDPOINT_URL"),
            (Cell("""
                var sts = new Amazon.SecurityToken.AmazonSecurityTokenServiceClient(new Amazon.SecurityToken.AmazonSecurityTokenServiceConfig { ServiceURL = IamLab.Interactive.Lab.EndpointUrl });
                var me = await sts.GetCallerIdentityAsync(new Amazon.SecurityToken.Model.GetCallerIdentityRequest());
                Console.WriteLine("caller " + me.Arn);
                """), $"caller {Account}:user/contractor"),
            (Cell("#!lab-advance 2h"), "expired 1 h 0 min ago (ExpiredToken)"),
            (Cell($"#!lab-simulate --action s3:ListBucket --resource arn:aws:s3:::dev-artifacts --session alice --expect denied"), "ExpiredToken"),
            (Cell("#!lab-chain alice"), "The chain of alice"),
            (Cell("#!lab-timeline"), "newPlot"),
            (Cell("#!lab-access-graph"), "newPlot"),
            (Cell($"#!lab-matrix --actions s3:ListBucket,iam:CreateUser --resource arn:aws:s3:::dev-artifacts --principals alice"), "newPlot"),
        ]);

        var run = await HostedRuns.RunAsync(NotebookHost.DotnetRepl, new InteractiveDocument([.. cells.Select(c => c.Cell)]), "repl-every-command", "every-command.ipynb");

        Assert.False(run.TimedOut, run.Log);
        Assert.True(run.Executed is not null, $"dotnet-repl wrote no notebook (exit {run.ExitCode}).\n{run.Log}");
        for (var i = 0; i < cells.Count; i++)
        {
            var executed = run.Executed.Elements[i];
            var text = NotebookOutputs.TextOf(executed);
            Assert.True(!executed.Outputs.OfType<ErrorElement>().Any(), $"cell {i} ({NotebookRunner.FirstLine(executed.Contents)}) failed: {text}");
            Assert.True(text.Contains(cells[i].Shows, StringComparison.Ordinal), $"cell {i} ({NotebookRunner.FirstLine(executed.Contents)}) does not show \"{cells[i].Shows}\":\n{(text.Length > 2000 ? text[..2000] : text)}");
        }

        Assert.Equal(0, run.ExitCode);
    }
}
