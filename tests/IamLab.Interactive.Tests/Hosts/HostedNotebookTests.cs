using System.Text.RegularExpressions;
using IamLab.Interactive.Tests.Notebooks;
using IamLab.Notebooks;
using Microsoft.DotNet.Interactive.Documents;

namespace IamLab.Interactive.Tests.Hosts;

/// <summary>
/// Every notebook, in every host a learner uses (dotnet-repl, Jupyter), in a fresh host process: with the solutions
/// in its exercise cells no cell fails and the charts are drawn offline; as committed (the starter text in the
/// exercise cells) the only cells that fail are those whose <c>--expect</c> depends on the learner's answer.
/// </summary>
public abstract partial class HostedNotebookTests(NotebookHost host)
{
    public static TheoryData<string> Notebooks() => [.. LabNotebooks.Names()];

    [Theory]
    [MemberData(nameof(Notebooks))]
    public async Task WithTheSolutions_NoCellFails_AndTheChartsAreDrawnOffline(string name)
    {
        var run = await HostedRuns.Get(host, answered: true, name);
        var executed = Executed(run);

        var errors = Errors(executed).Select(e => $"cell {e.Index} ({NotebookRunner.FirstLine(e.Cell.Contents)}): {e.Message}").ToList();
        Assert.True(errors.Count == 0, $"{host} {name}:\n{string.Join("\n", errors)}");
        Assert.True(run.ExitCode == 0, $"{host} {name} exited with {run.ExitCode}.\n{run.Log}");
        var code = executed.Elements.Where(c => c.KernelName == "csharp").ToList();
        Assert.All(code, cell => Assert.True(cell.Outputs.Count > 0 || !cell.Contents.TrimStart().StartsWith("#!lab-", StringComparison.Ordinal), $"{name}: \"{NotebookRunner.FirstLine(cell.Contents)}\" showed nothing"));

        foreach (var cell in NotebookOutputs.CellsStartingWith(executed, "#!lab-grade"))
        {
            var max = GradeExpectation().Match(cell.Contents).Groups[1].Value;
            Assert.Matches($@"\b{max}\s*/\s*{max}\b", NotebookOutputs.TextOf(cell));
        }

        var charts = new[] { "#!lab-timeline", "#!lab-access-graph", "#!lab-matrix", "#!lab-chain" }
            .SelectMany(c => NotebookOutputs.CellsStartingWith(executed, c)).ToList();
        Assert.NotEmpty(charts);
        Assert.All(charts, cell => Assert.Contains("newPlot", NotebookOutputs.TextOf(cell)));
        var html = string.Join("\n", NotebookOutputs.Html(executed));
        Assert.DoesNotMatch(@"<script[^>]+src=""https?://", html);
        Assert.True(html.Length > 1_000_000, $"{host} {name}: the charts' HTML is {html.Length:N0} characters; plotly.js inlined is over a million.");

        foreach (var cell in executed.Elements.Where(c => c.Contents.Contains("Client(", StringComparison.Ordinal) && c.Contents.Contains("Amazon", StringComparison.Ordinal)))
        {
            var stdout = NotebookOutputs.TextOf(cell);
            Assert.False(string.IsNullOrWhiteSpace(stdout), $"{host} {name}: an AWS SDK cell printed nothing");
        }
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public async Task Unanswered_OnlyTheExpectationsOnTheLearnersAnswerFail(string name)
    {
        var run = await HostedRuns.Get(host, answered: false, name);
        var executed = Executed(run);

        // A failing cell is acceptable only when it fails because of the learner's answer: a #!lab-* command's --expect
        // that did not hold (EXPECTATION_FAILED), or, after such a failure, what follows from it (a later cell asks for
        // the session the refused call did not make, a chart has no session to draw, AWS refuses an SDK call with
        // AccessDenied). A compile error, a missing assembly, an INTERNAL failure or a NullReferenceException is a broken
        // notebook, whatever the answer.
        var expectationFailed = false;
        var broken = new List<string>();
        foreach (var (index, cell, message) in Errors(executed))
        {
            if (cell.Contents.TrimStart().StartsWith("#!lab-", StringComparison.Ordinal) && cell.Contents.Contains("--expect", StringComparison.Ordinal)
                && message.Contains(": EXPECTATION_FAILED: ", StringComparison.Ordinal))
            {
                expectationFailed = true;
            }
            else if (!(expectationFailed && Consequence().IsMatch(message)))
            {
                broken.Add($"cell {index} ({NotebookRunner.FirstLine(cell.Contents)}): {message}");
            }
        }

        Assert.True(broken.Count == 0, $"{host} {name}:\n{string.Join("\n", broken)}");
        if (LabNotebooks.ScenarioOf(name) is not null)
        {
            // The starter is not a solution, and the notebook says so somewhere before the grade.
            Assert.True(expectationFailed, $"{host} {name}: with the starter text no --expect failed, so the notebook does not tell the learner the exercise is not done.");
        }

        // Every cell ran: the host did not stop at the first failure (so a learner sees every later cell too).
        var lastCode = executed.Elements.Last(c => c.KernelName == "csharp");
        Assert.True(lastCode.Outputs.Count > 0, $"{host} {name}: the last code cell has no output.\n{run.Log}");
    }

    /// <summary>
    /// Notebook 16 computes which of cross-account-external-id's checks an endpoint that enforces nothing gets wrong: the
    /// lab answers all twelve as AWS does (the scenario's reference answer), an endpoint that allows every call only the two
    /// that expect "allowed", and each refused check says why.
    /// </summary>
    [Fact]
    public async Task RealWorld_ShowsWhichChecksAnEndpointThatEnforcesNothingGetsWrong_AndWhy()
    {
        var run = await HostedRuns.Get(host, answered: true, "16-in-the-real-world.ipynb");
        var executed = Executed(run);

        var cell = executed.Elements.Single(c => c.Contents.Contains("EnforcementComparison.Compare", StringComparison.Ordinal));
        var text = NotebookOutputs.TextOf(cell);
        Assert.Matches(@"right-external-id-works\s+allowed\s+allowed\s+allowed[ ]*\r?\n", text);
        Assert.Matches(@"wrong-external-id-refused\s+denied\s+AccessDenied \(implicitDeny\)\s+allowed \(wrong\)[ ]*\r?\n\s+why: the lab refused it \(AccessDenied \(implicitDeny\)\) by this rule", text);
        Assert.Contains("Answered as AWS: the lab 12 of 12, an endpoint that enforces nothing 2 of 12.", text);
        Assert.DoesNotContain("trust-requires-external-id", text);
    }

    private InteractiveDocument Executed(HostedRun run)
    {
        Assert.False(run.TimedOut, $"{host} {run.Notebook} did not finish in time.\n{run.Log}");
        Assert.True(run.Executed is not null, $"{host} wrote no notebook for {run.Notebook} (exit {run.ExitCode}).\n{run.Log}");
        return run.Executed;
    }

    private static IEnumerable<(int Index, InteractiveDocumentElement Cell, string Message)> Errors(InteractiveDocument executed) =>
        executed.Elements.SelectMany((cell, index) => cell.Outputs.OfType<ErrorElement>().Select(e => (index, cell, $"{e.ErrorName}: {e.ErrorValue}")));

    [GeneratedRegex(@": UNKNOWN_SESSION: |There is no session to draw yet|\bAmazon\.[\w.]+Exception: .*(not authorized|AccessDenied|Access Denied)", RegexOptions.Singleline)]
    private static partial Regex Consequence();

    [GeneratedRegex(@"--expect-score\s+(\d+)")]
    private static partial Regex GradeExpectation();
}
