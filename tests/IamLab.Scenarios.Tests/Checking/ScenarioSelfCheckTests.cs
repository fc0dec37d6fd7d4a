using IamLab.Scenarios.Checking;

namespace IamLab.Scenarios.Tests.Checking;

/// <summary>What <c>iamlab check</c> asserts of a scenario, one broken thing at a time on the demo scenario.</summary>
public class ScenarioSelfCheckTests
{
    private static SelfCheckReport Check(string scenarios) => ScenarioSelfCheck.Run(scenarios, DemoScenario.Id);

    private static string Folder(string scenarios) => Path.Combine(scenarios, DemoScenario.Id);

    [Fact]
    public void SoundScenario_HasNoProblem_AndSaysWhatItChecked()
    {
        var report = Check(DemoScenario.Write());

        Assert.True(report.IsSound, string.Join("\n", report.Problems));
        Assert.Equal("solution 6/6, starter 0/6, empty 0/6, 4 wrong and 2 right answers, 3 mutants (1 surviving, 0 undeclared), 1 hidden check(s)", report.Summary);
    }

    [Fact]
    public void WrongAnswerScoringFullMarks_IsAProblem()
    {
        var scenarios = DemoScenario.Write();
        DemoScenario.Wrong(Folder(scenarios), "not-wrong-at-all", DemoScenario.Trust("\"arn:aws:iam::111111111111:root\""), "works");

        var report = Check(scenarios);

        Assert.Contains("answers/wrong/not-wrong-at-all scores full marks (5/5) on the visible checks, though it is wrong: The mistake called not-wrong-at-all.", report.Problems);
        Assert.Contains("answers/wrong/not-wrong-at-all: its check works is pass, not fail.", report.Problems);
    }

    [Fact]
    public void WrongAnswerCaughtByAnotherCheckThanItNames_IsAProblem()
    {
        var scenarios = DemoScenario.Write();
        DemoScenario.Wrong(Folder(scenarios), "anyone", DemoScenario.Trust("\"*\""), "tag-session-refused");

        var report = Check(scenarios);

        Assert.Equal(["answers/wrong/anyone: its check tag-session-refused is pass, not fail."], report.Problems);
    }

    [Fact]
    public void WrongAnswerCaughtOnlyByAHiddenCheck_IsAProblem()
    {
        var scenarios = DemoScenario.Write();
        DemoScenario.Wrong(Folder(scenarios), "third-account", DemoScenario.Trust("[\"arn:aws:iam::111111111111:root\",\"arn:aws:iam::333333333333:root\"]"), "third-account-refused");

        var report = Check(scenarios);

        Assert.Equal(["answers/wrong/third-account: mistake.md names \"third-account-refused\", which is not a visible check of the scenario."], report.Problems);
    }

    [Fact]
    public void MistakeNoteOfThreeLines_IsAProblem()
    {
        var scenarios = DemoScenario.Write();
        DemoScenario.Put(Folder(scenarios), "answers/wrong/anyone/mistake.md", "Anyone.\nCaught by: others-refused\nAnd more.\n");

        var report = Check(scenarios);

        Assert.Equal(["answers/wrong/anyone: mistake.md must be exactly two lines (the mistake, then \"Caught by: CHECK\"); it has 3."], report.Problems);
    }

    [Fact]
    public void RightAnswerLosingAHiddenPoint_IsAProblem()
    {
        var scenarios = DemoScenario.Write();
        DemoScenario.Right(Folder(scenarios), "three-accounts", DemoScenario.Trust("[\"arn:aws:iam::111111111111:root\",\"arn:aws:iam::333333333333:root\"]"));

        var report = Check(scenarios);

        Assert.Equal("answers/right/three-accounts is right but hidden check third-account-refused is fail: Failed.", string.Join("\n", report.Problems));
    }

    [Fact]
    public void AnswerWithAnExtraFile_IsAProblem()
    {
        var scenarios = DemoScenario.Write();
        DemoScenario.Put(Folder(scenarios), "answers/right/account-id/notes.txt", "x");

        var report = Check(scenarios);

        Assert.Equal(["answers/right/account-id holds [notes.txt, trust-policy.json, why-right.md] but must hold [trust-policy.json, why-right.md]."], report.Problems);
    }

    [Fact]
    public void TooFewAnswers_AreProblems()
    {
        var scenarios = DemoScenario.Write();
        Directory.Delete(Path.Combine(Folder(scenarios), "answers", "wrong", "anyone"), recursive: true);
        Directory.Delete(Path.Combine(Folder(scenarios), "answers", "right"), recursive: true);

        var report = Check(scenarios);

        Assert.Equal(["answers/wrong/ holds 3 answer(s); a scenario needs at least 4.", "answers/right/ holds 0 answer(s); a scenario needs at least 2."], report.Problems);
    }

    [Fact]
    public void StarterEarningPointsForNothing_IsAProblem()
    {
        var scenarios = DemoScenario.Write();
        File.WriteAllText(Path.Combine(Folder(scenarios), "scenario.yaml"), DemoScenario.Yaml.Replace("    requires: [works]\n    request: { principal: \"arn:aws:iam::222222222222:root\"",
            "    request: { principal: \"arn:aws:iam::222222222222:root\"", StringComparison.Ordinal));

        var report = Check(scenarios);

        Assert.Contains("the starter scores 2/6, not 0: others-refused (2) earn points for nothing (give them requires: or weight 0).", report.Problems);
        Assert.Contains("the empty submission (every file a policy with no statement) scores 2/6, not 0: others-refused (2) earn points for nothing (give them requires: or weight 0).", report.Problems);
    }

    [Fact]
    public void HiddenCheckWithoutTests_OrQuotingAnotherSentence_IsAProblem()
    {
        var scenarios = DemoScenario.Write();
        var hidden = Path.Combine(scenarios, "hidden-example", "demo", "checks.yaml");
        File.WriteAllText(hidden, File.ReadAllText(hidden).Replace(DemoScenario.Task, "Only account 111111111111 may assume R.", StringComparison.Ordinal));

        var report = Check(scenarios);

        Assert.Equal([$"hidden check third-account-refused ({hidden}:2:5) quotes \"Only account 111111111111 may assume R.\", which is not in the task section of README.md."], report.Problems);
    }

    [Fact]
    public void TaskSentenceOutsideTheTaskSection_DoesNotCount()
    {
        var scenarios = DemoScenario.Write();
        DemoScenario.Put(Folder(scenarios), "README.md", $"# Demo\n\n{DemoScenario.Task}\n\n## Your task\n\nWrite trust-policy.json.\n");

        var report = Check(scenarios);

        Assert.Single(report.Problems, p => p.EndsWith("which is not in the task section of README.md.", StringComparison.Ordinal));
    }

    [Fact]
    public void UndeclaredSurvivingMutant_IsAProblem()
    {
        var scenarios = DemoScenario.Write();
        File.WriteAllText(Path.Combine(Folder(scenarios), "scenario.yaml"), DemoScenario.Yaml.Replace("equivalentMutants:", "equivalentMutantsGone:", StringComparison.Ordinal)
            .Replace("  - id: \"trust-policy.json $.Statement[0].Action wildcard-end\"\n    reason: An AWS principal cannot call AssumeRoleWithSAML or AssumeRoleWithWebIdentity, the other sts:Assume* actions.\n", "", StringComparison.Ordinal)
            .Replace("equivalentMutantsGone:\n", "", StringComparison.Ordinal));

        var report = Check(scenarios);

        Assert.Equal(["mutant \"trust-policy.json $.Statement[0].Action wildcard-end\" (Action \"sts:AssumeRole\" → \"sts:Assume*\") still earns full marks: kill it with a visible check, or declare it under equivalentMutants with a one-line reason if it is truly equivalent."],
            report.Problems);
    }

    [Fact]
    public void DeclaredMutantThatTheChecksKill_IsAStaleDeclaration()
    {
        var scenarios = DemoScenario.Write();
        File.WriteAllText(Path.Combine(Folder(scenarios), "scenario.yaml"), DemoScenario.Yaml.Replace(
            "  - id: \"trust-policy.json $.Statement[0].Action wildcard-end\"\n    reason: An AWS principal cannot call AssumeRoleWithSAML or AssumeRoleWithWebIdentity, the other sts:Assume* actions.\n",
            "  - id: \"trust-policy.json $.Statement[0].Action wildcard-end\"\n    reason: An AWS principal cannot call AssumeRoleWithSAML or AssumeRoleWithWebIdentity, the other sts:Assume* actions.\n  - id: \"trust-policy.json $.Statement[0].Action star\"\n    reason: Wrongly declared.\n  - id: \"trust-policy.json $.Statement[3].Resource star\"\n    reason: No such site.\n",
            StringComparison.Ordinal));

        var report = Check(scenarios);

        var folder = Path.Combine(Folder(scenarios), "scenario.yaml");
        Assert.Equal(
            $"{folder}:11:5: equivalentMutants names \"trust-policy.json $.Statement[0].Action star\", but the checks kill it (tag-session-refused); remove the declaration.\n"
            + $"{folder}:13:5: equivalentMutants names \"trust-policy.json $.Statement[3].Resource star\", which is no mutant of the solution.",
            string.Join("\n", report.Problems));
    }
}
