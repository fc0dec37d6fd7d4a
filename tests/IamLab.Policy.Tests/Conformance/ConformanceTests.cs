using IamLab.Policy.Cases;
using IamLab.Policy.Evaluation;
using Xunit;

namespace IamLab.Policy.Tests.Conformance;

/// <summary>Runs every conformance case, each named "topic / file / case name".</summary>
public class ConformanceTests
{
    [Theory]
    [MemberData(nameof(ConformanceCases.All), MemberType = typeof(ConformanceCases))]
    public void Case_DecidesAsAwsDocuments(string file, int index, string name)
    {
        Assert.True(index >= 0, $"{file}: {name}");
        var (cases, _) = CaseReader.ReadMany(File.ReadAllText(Path.Combine(ConformanceCases.Root, file)));
        var evalCase = cases[index];

        // Cases may hold deliberately invalid policy values (to test failing closed), but the case itself must be readable.
        Assert.Empty(evalCase.Diagnostics.Where(d => d.Code.Contains("CASE", StringComparison.Ordinal) || d.Code is "MISSING_REQUEST" or "INVALID_EXPECTED").Select(d => d.ToString()));
        Assert.NotNull(evalCase.Request);

        // A case that asserts nothing is refused: every conformance case must name its expected decision (or refusal).
        Assert.True(evalCase.HasExpectation, $"{name}: the case has no \"expected\"");

        // The same evaluation as `iamlab eval`: a case whose policies have errors is refused, not decided.
        var outcome = CaseOutcome.Evaluate(evalCase, trace: true);
        var explanation = outcome.Result is { } traced ? Explanation.Render(DecisionExplanation.Of(evalCase.Request!, traced, outcome.Collector, evalCase.Policies)) : "refused: " + string.Join("; ", evalCase.Diagnostics.Select(d => d.ToString()));
        var got = outcome.Result?.Decision.ToName() ?? "refused";
        var want = evalCase.ExpectsRefusal ? "refused" + (evalCase.ExpectedErrors.Count > 0 ? $" with {string.Join(", ", evalCase.ExpectedErrors)}" : string.Empty) : evalCase.Expected!.Value.ToName();
        Assert.True(outcome.Pass, $"{name}: expected {want}, got {got}\n{explanation}");

        // The fast path (no collector) must reach the same decision as the traced one.
        if (outcome.Result is { } result)
        {
            Assert.Equal(result.Decision, Authorizer.Authorize(evalCase.Request!, evalCase.Policies).Decision);
        }
    }

    [Fact]
    public void Suite_HasAtLeast300Cases_EachFileNamingItsDocumentation()
    {
        var total = 0;
        foreach (var file in ConformanceCases.Files())
        {
            var text = File.ReadAllText(file);
            var (cases, error) = CaseReader.ReadMany(text);
            Assert.Null(error);
            total += cases.Count;
            Assert.Contains("docs.aws.amazon.com", text, StringComparison.Ordinal);
        }

        Assert.True(total >= 300, $"the conformance suite has {total} cases");
    }
}
