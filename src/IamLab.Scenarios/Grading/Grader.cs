using IamLab.Policy.Diagnostics;
using IamLab.Policy.Model;
using IamLab.Policy.Validation;
using IamLab.Scenarios.Attacks;
using IamLab.Scenarios.Model;
using IamLab.Scenarios.Security;
using IamLab.Scenarios.Submissions;

namespace IamLab.Scenarios.Grading;

/// <summary>
/// Grades submissions against one scenario (and its hidden checks): reads the files, validates them, builds the
/// world with them in place, runs every check and adds the security findings. One grader serves a whole class:
/// it is safe to call <see cref="Grade(string, int, bool)"/> from several threads, and the slow parts (identity provider keys, tokens)
/// are made once.
/// </summary>
public sealed class Grader : IDisposable
{
    private readonly Lazy<FederationKit?> federation;
    private readonly IReadOnlyList<CheckSpec> checks;

    /// <summary>A grader for <paramref name="scenario"/> with optional hidden checks.</summary>
    public Grader(Scenario scenario, IReadOnlyList<CheckSpec>? hiddenChecks = null)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        Scenario = scenario;
        checks = [.. scenario.Checks, .. hiddenChecks ?? []];
        federation = new Lazy<FederationKit?>(() => FederationKit.IsNeeded(scenario) ? new FederationKit(scenario) : null, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The scenario.</summary>
    public Scenario Scenario { get; }

    /// <summary>
    /// Makes what every grading shares (the identity providers' keys, the tokens): done by the first grading otherwise,
    /// and done here so that a time limit on one submission does not count it.
    /// </summary>
    public void Prepare() => _ = federation.Value;

    /// <summary>
    /// Grades the submission in <paramref name="submissionDirectory"/>, showing each check's hint at
    /// <paramref name="hintLevel"/> (1 the nudge, 2 the concept, 3 the answer; a check with fewer levels shows its last).
    /// With <paramref name="keepWorld"/> the outcome also hands back the world the checks ran in
    /// (<see cref="GradeOutcome.World"/>), for a report that draws it; a class keeps it only as long as it needs it.
    /// </summary>
    public GradeOutcome Grade(string submissionDirectory, int hintLevel = 1, bool keepWorld = false)
    {
        var (submission, problems) = SubmissionLoader.Load(Scenario, submissionDirectory);
        if (submission is null)
        {
            return new GradeOutcome(null, problems);
        }

        var (report, built) = GradeKeepingWorld(submission, hintLevel);
        return new GradeOutcome(report, []) { World = keepWorld && built is not null ? new GradedWorld(built, Scenario.Clock) : null };
    }

    /// <summary>Grades a submission already read, showing each check's hint at <paramref name="hintLevel"/>.</summary>
    public GradeReport Grade(Submission submission, int hintLevel = 1) => GradeKeepingWorld(submission, hintLevel).Report;

    private (GradeReport Report, BuiltWorld? World) GradeKeepingWorld(Submission submission, int hintLevel)
    {
        var (report, built) = GradeChecks(submission);
        var specs = checks.ToDictionary(c => c.Name, StringComparer.Ordinal);
        var results = RequiredChecks.Apply(checks, report.Checks)
            .Select(r => hintLevel == 1 ? r : r with { Hint = specs[r.Name].HintAt(hintLevel) }).ToList();
        var graded = report with { Checks = results, HintLevel = Math.Clamp(hintLevel, 1, 3) };
        return (graded.FullMarks ? graded with { Notes = Scenario.Notes } : graded, built);
    }

    // The report, and the world the checks ran in (null when grading stopped before it was built).
    private (GradeReport Report, BuiltWorld? World) GradeChecks(Submission submission)
    {
        ArgumentNullException.ThrowIfNull(submission);
        var errors = new List<ReportFinding>();
        var findings = new List<ReportFinding>();
        var trustAccounts = Scenario.World.Roles.Where(r => r.Trust.File is not null)
            .GroupBy(r => r.Trust.File!).ToDictionary(g => g.Key, g => Arn.Parse(g.First().Arn).Account, StringComparer.Ordinal);
        var attacks = new Dictionary<string, AttackFile>(StringComparer.Ordinal);
        var findingsFiles = new Dictionary<string, FindingsFile>(StringComparer.Ordinal);
        foreach (var file in Scenario.Files)
        {
            var text = submission.Files[file.Name];
            var path = submission.PathOf(file.Name);
            if (file.Form is FileForm.Attack or FileForm.Findings)
            {
                ReadLearnerYaml(file, text, path, errors, attacks, findingsFiles);
                findings.AddRange(SecurityScanner.Scan(path, text, null, DocumentKind.Identity, null)
                    .Select(s => new ReportFinding(s.Code, Diagnostic.SecurityWarningName, s.Message, s.File, s.Line, s.Column)));
                continue;
            }

            if (file.Kind is not { } kind)
            {
                errors.AddRange(RoleSettingsFile.Read(text).Diagnostics.Select(d =>
                    new ReportFinding(d.Code, d.SeverityName, d.Suggestion is null ? d.Message : $"{d.Message} Did you mean \"{d.Suggestion}\"?", path, d.Position.Line, d.Position.Column)));
                continue;
            }

            var read = PolicyValidator.Validate(text, kind);
            foreach (var d in read.Diagnostics)
            {
                var finding = new ReportFinding(d.Code, d.SeverityName, d.Suggestion is null ? d.Message : $"{d.Message} Did you mean \"{d.Suggestion}\"?", path, d.Position.Line, d.Position.Column);
                (d.Severity == Severity.Error ? errors : findings).Add(finding);
            }

            var policy = read.HasErrors ? null : read.Policy;
            findings.AddRange(SecurityScanner.Scan(path, text, policy, kind, trustAccounts.GetValueOrDefault(file.Name))
                .Select(s => new ReportFinding(s.Code, Diagnostic.SecurityWarningName, s.Message, s.File, s.Line, s.Column)));
        }

        // A scenario turns off the security findings that do not apply to it, whoever made them (validator or scanner).
        findings.RemoveAll(f => Scenario.IgnoreFindings.Contains(f.Code, StringComparer.Ordinal));

        if (errors.Count > 0)
        {
            var files = string.Join(", ", errors.Select(e => Path.GetFileName(e.File)).Distinct());
            return (Report(submission, NotRun($"Not run: fix the ERROR findings in {files} first."), errors, findings), null);
        }

        var (built, failure) = WorldBuilder.Build(Scenario, submission, federation.Value);
        if (built is null)
        {
            if (failure!.File is { } file)
            {
                errors.Add(new ReportFinding(failure.Code ?? GradingCodes.WorldRejected, Diagnostic.ErrorName, $"The lab's IAM refused {file}: {failure.Message}",
                    submission.PathOf(file), failure.Line, failure.Column));
                return (Report(submission, NotRun($"Not run: the lab's IAM refused {file}."), errors, findings), null);
            }

            return (Report(submission, checks.Select(c => new CheckResult(c.Name, c.Hidden, c.Weight, CheckStatus.Error,
                $"The scenario's world cannot be built: {failure.Message}", c.Hint, [], null, 0)).ToList(), errors, findings), null);
        }

        var learner = new LearnerFiles(attacks, findingsFiles, challenge => BuildFixed(challenge, submission));
        var results = checks.Select(c => CheckRunner.Run(c, Scenario, built, findings, submission.PathOf, learner)).ToList();
        return (Report(submission, results, errors, findings), built);
    }

    private void ReadLearnerYaml(ScenarioFile file, string text, string path, List<ReportFinding> errors,
        Dictionary<string, AttackFile> attacks, Dictionary<string, FindingsFile> findingsFiles)
    {
        IReadOnlyList<Loading.ScenarioProblem> problems;
        if (file.Form == FileForm.Attack)
        {
            var (attack, found) = AttackReader.Read(text, path, Scenario.Challenges.First(c => c.File == file.Name));
            problems = found;
            if (attack is not null)
            {
                attacks[file.Name] = attack;
            }
        }
        else
        {
            var (read, found) = FindingsReader.Read(text, path);
            problems = found;
            if (read is not null)
            {
                findingsFiles[file.Name] = read;
            }
        }

        errors.AddRange(problems.Select(p => new ReportFinding(p.Code, Diagnostic.ErrorName, p.Message, path, Math.Max(p.Spot.Line, 1), Math.Max(p.Spot.Column, 1))));
    }

    // The challenge's fixed world: the scenario's world with the challenge's fixes in place, built with the same submission.
    private (BuiltWorld? World, string? Problem) BuildFixed(ChallengeSpec challenge, Submission submission)
    {
        var (built, failure) = WorldBuilder.Build(Scenario with { World = FixedWorlds.Of(Scenario.World, challenge) }, submission, federation.Value);
        return (built, failure?.Message);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (federation.IsValueCreated)
        {
            federation.Value?.Dispose();
        }
    }

    private List<CheckResult> NotRun(string message) =>
        checks.Select(c => new CheckResult(c.Name, c.Hidden, c.Weight, CheckStatus.NotRun, message, c.Hint, [], null, 0)).ToList();

    private GradeReport Report(Submission submission, IReadOnlyList<CheckResult> results, List<ReportFinding> errors, List<ReportFinding> findings) => new()
    {
        Scenario = Scenario.Id,
        Title = Scenario.Title,
        Submission = submission.Directory,
        Checks = results,
        Errors = errors,
        Findings = findings,
    };
}
