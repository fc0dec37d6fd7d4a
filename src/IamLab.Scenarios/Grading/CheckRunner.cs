using IamLab.Scenarios.Model;

namespace IamLab.Scenarios.Grading;

/// <summary>Runs one check against a built world and turns its outcome into a <see cref="CheckResult"/>.</summary>
internal static partial class CheckRunner
{
    public static CheckResult Run(CheckSpec check, Scenario scenario, BuiltWorld built, IReadOnlyList<ReportFinding> findings, Func<string, string> pathOf,
        LearnerFiles? files = null)
    {
        if (check.Attack is not null)
        {
            return Attack(check, scenario, built, files ?? LearnerFiles.None, pathOf);
        }

        if (check.Findings is not null)
        {
            return Findings(check, built, files ?? LearnerFiles.None, pathOf);
        }

        built.Clock.Set(check.At ?? scenario.Clock);
        if (check.NoFindings.Count > 0)
        {
            return NoFindings(check, findings);
        }

        var runner = new StepRunner(built);
        for (var i = 0; i < check.Steps.Count; i++)
        {
            var step = check.Steps[i];
            if (step.After > TimeSpan.Zero)
            {
                // after: the world's clock moves forward before the step, so sessions made by earlier steps age (and expire).
                built.Clock.Set(built.Clock.GetUtcNow() + step.After);
            }

            var outcome = runner.Run(step, out var problem);
            if (outcome is null)
            {
                return Result(check, CheckStatus.Error, $"The scenario's check is wrong at {step.Spot}: {problem}", Explained.None, pathOf);
            }

            var last = i == check.Steps.Count - 1;
            if (!last && !outcome.Succeeded)
            {
                var message = $"Step {i + 1} ({step.Describe()}) was refused with {outcome.Describe()}, so the check could not go on.";
                return Result(check, CheckStatus.Fail, message, WithAws(outcome), pathOf);
            }

            if (last)
            {
                var expect = check.Expect!;
                return outcome.Matches(expect)
                    ? Result(check, CheckStatus.Pass, $"{outcome.Describe()}, as expected.", Explained.None, pathOf)
                    : Result(check, CheckStatus.Fail, $"Expected {expect}, got {outcome.Describe()}.", WithAws(outcome), pathOf);
            }
        }

        return Result(check, CheckStatus.Error, "The check has no steps.", Explained.None, pathOf);
    }

    private static Explained WithAws(StepOutcome outcome) =>
        outcome.ErrorMessage is null ? outcome.Explained : outcome.Explained with { Lines = [$"AWS says: {outcome.ErrorCode}: {outcome.ErrorMessage}", .. outcome.Explained.Lines] };

    private static CheckResult NoFindings(CheckSpec check, IReadOnlyList<ReportFinding> findings)
    {
        var found = findings.Where(f => check.NoFindings.Contains(f.Code, StringComparer.Ordinal)).ToList();
        if (found.Count == 0)
        {
            return new CheckResult(check.Name, check.Hidden, check.Weight, CheckStatus.Pass, $"No {string.Join(" or ", check.NoFindings)} finding.", check.Hint, [], null, 0);
        }

        var first = found[0];
        var lines = check.Hidden ? [] : found.Select(f => $"{Path.GetFileName(f.File)}:{f.Line}:{f.Column}: {f.Code}: {f.Message}").ToList();
        return new CheckResult(check.Name, check.Hidden, check.Weight, CheckStatus.Fail, $"The submission has {found.Count} {first.Code} finding(s).", check.Hint,
            lines, first.File, first.Line);
    }

    private static CheckResult Result(CheckSpec check, CheckStatus status, string message, Explained explained, Func<string, string> pathOf)
    {
        if (check.Hidden)
        {
            // INVARIANT: nothing derived from a hidden check leaves here: no explanation, no AWS message, no step, no
            // expectation, and not where the teacher's file is wrong (that goes to the teacher through `iamlab check`).
            var said = status switch
            {
                CheckStatus.Pass => "Passed.",
                CheckStatus.Fail => "Failed.",
                _ => "This hidden check could not run; your teacher's check needs fixing (not your submission).",
            };
            return new CheckResult(check.Name, true, check.Weight, status, said, check.Hint, [],
                status == CheckStatus.Pass || check.File is null ? null : pathOf(check.File), check.File is null ? 0 : 1);
        }

        var file = explained.File ?? check.File;
        var line = explained.File is not null ? explained.Line : file is null ? 0 : 1;
        return new CheckResult(check.Name, false, check.Weight, status, message, check.Hint, status == CheckStatus.Pass ? [] : explained.Lines,
            file is null ? null : pathOf(file), line);
    }
}
