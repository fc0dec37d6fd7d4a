using System.Text.RegularExpressions;
using System.Xml.Linq;
using IamLab.Cli.Tests.Teaching;
using Xunit;
using YamlDotNet.RepresentationModel;

namespace IamLab.Cli.Tests.Packaging;

/// <summary>
/// The composite action at the repository's root (<c>action.yml</c>), read as YAML and run step by step as GitHub runs
/// it (<see cref="ActionRunner"/>), installing the packed tool from the test feed: its outputs and job summary for a right
/// and a wrong answer and a class share, and hostile input values that must not run anything or forge an output.
/// </summary>
[Collection(PackedToolGroup.Name)]
public sealed class GitHubActionTests(PackedTool tool)
{
    private readonly ActionRunner _action = new();

    [Fact]
    public void ActionYml_UsesEveryInputAndOutput_AndNeverPutsAnExpressionInAScript()
    {
        var steps = _action.Steps;
        var used = steps.SelectMany(Texts).SelectMany(ActionRunner.Expressions).ToList();
        var grade = File.ReadAllText(Path.Combine(LabPaths.Root, ".github", "action", "grade.sh"));

        Assert.Equal("composite", ((YamlScalarNode)((YamlMappingNode)_action.Action["runs"])["using"]).Value);
        foreach (var input in _action.Inputs.Children.Keys.Cast<YamlScalarNode>().Select(k => k.Value!))
        {
            Assert.True(used.Any(u => Regex.IsMatch(u, $@"(^|[^\w.-])inputs\.{Regex.Escape(input)}($|[^\w-])")), $"action.yml declares the input {input} and never uses it");
        }

        Assert.Equal(["scenario"], _action.Inputs.Children.Where(p => ((YamlScalarNode)((YamlMappingNode)p.Value)["required"]).Value == "true").Select(p => ((YamlScalarNode)p.Key).Value));
        foreach (var (key, value) in _action.Outputs.Children)
        {
            var name = ((YamlScalarNode)key).Value!;
            Assert.Equal($"${{{{ steps.grade.outputs.{name} }}}}", ((YamlScalarNode)((YamlMappingNode)value)["value"]).Value);
            Assert.Contains($"set_output {name} ", grade);
        }

        foreach (var step in steps.Where(s => s.Children.ContainsKey(new YamlScalarNode("run"))))
        {
            var script = ((YamlScalarNode)step["run"]).Value!;
            Assert.DoesNotContain("${{", script);
            Assert.All(((YamlMappingNode)step["env"]).Children.Values.Cast<YamlScalarNode>(), v => Assert.Matches(@"^\$\{\{ [a-z._-]+ \}\}(/[a-z-]+)?$", v.Value!));
        }

        foreach (var name in (string[])["scenario", "submission", "hidden", "format", "shard"])
        {
            Assert.True(_action.Inputs.Children.ContainsKey(new YamlScalarNode(name)), $"no input {name}");
        }

        Assert.True(_action.Outputs.Children.ContainsKey(new YamlScalarNode("score")));
        Assert.True(_action.Outputs.Children.ContainsKey(new YamlScalarNode("report")));
    }

    [Fact]
    public async Task Action_RightAnswer_OutputsFullScoreAndAJUnitReport()
    {
        var workspace = LabPaths.Scratch();
        LearnerFolders.Right(workspace, "answer");

        var run = await Run(workspace, ("scenario", LearnerFolders.Scenario), ("submission", "answer"));

        Assert.True(run.Status == 0, run.Log);
        Assert.Equal("0", run.Outputs["status"]);
        Assert.Equal(run.Outputs["max-score"], run.Outputs["score"]);
        Assert.Equal("true", run.Outputs["passed"]);
        Assert.Equal("iamlab-results/report.xml", run.Outputs["report"]);
        var report = XDocument.Load(Path.Combine(workspace, run.Outputs["report"]));
        Assert.NotEmpty(report.Descendants("testcase"));
        Assert.Empty(report.Descendants("failure"));
        Assert.Contains($"— {run.Outputs["score"]}/{run.Outputs["max-score"]}", run.Summary);
        Assert.EndsWith(Path.Combine("iamlab-tool", "iamlab"), run.StepOutputs["install"]["iamlab"]);
    }

    [Fact]
    public async Task Action_WrongAnswer_FailsTheStep_AndOutputsTheLowerScoreAndTheFailedCheck()
    {
        var workspace = LabPaths.Scratch();
        LearnerFolders.Wrong(workspace, "answer");
        var caughtBy = LearnerFolders.CaughtBy();

        var run = await Run(workspace, ("scenario", LearnerFolders.Scenario), ("submission", "answer"), ("format", "json"));

        Assert.Equal(1, run.Status);
        Assert.Equal("1", run.Outputs["status"]);
        Assert.Equal("false", run.Outputs["passed"]);
        Assert.True(int.Parse(run.Outputs["score"]) < int.Parse(run.Outputs["max-score"]), run.Log);
        Assert.Equal("iamlab-results/report.json", run.Outputs["report"]);
        Assert.Contains($"\"name\": \"{caughtBy}\"", File.ReadAllText(Path.Combine(workspace, run.Outputs["report"])));
        Assert.Contains(caughtBy, run.Summary);
        Assert.Contains(caughtBy, run.Log);
    }

    [Fact]
    public async Task Action_WrongAnswer_WithFailOnFailedChecksFalse_PassesTheStep_AndStillReportsTheFailure()
    {
        var workspace = LabPaths.Scratch();
        LearnerFolders.Wrong(workspace, "answer");

        var run = await Run(workspace, ("scenario", LearnerFolders.Scenario), ("submission", "answer"), ("fail-on-failed-checks", "false"));

        Assert.True(run.Status == 0, run.Log);
        Assert.Equal("1", run.Outputs["status"]);
        Assert.Equal("false", run.Outputs["passed"]);
    }

    [Fact]
    public async Task Action_ClassShare_OutputsTheMeanScoreAndTheGradebookFolder()
    {
        var workspace = LabPaths.Scratch();
        var folder = Path.Combine(workspace, "class");
        LearnerFolders.Right(folder, "alice");
        LearnerFolders.Example(folder, "bob");

        var run = await Run(workspace, ("scenario", LearnerFolders.Scenario), ("submissions", "class"), ("shard", "1/1"), ("output", "part-1"),
            ("fail-on-failed-checks", "false"));

        Assert.True(run.Status == 0, run.Log);
        Assert.Equal("part-1", run.Outputs["report"]);
        var rows = File.ReadAllLines(Path.Combine(workspace, "part-1", "gradebook.csv")).Skip(1).Select(l => l.Split(',')).ToList();
        Assert.Equal(["alice", "bob"], rows.Select(r => r[0]).Order());
        var mean = rows.Average(r => double.Parse(r[1], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(mean.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture), run.Outputs["score"]);
        Assert.Equal("false", run.Outputs["passed"]);
        Assert.Contains("graded 2 submissions (share 1/1 of 2)", run.Summary);
    }

    [Fact]
    public async Task Action_HostileInputValues_RunNothing_AndForgeNoOutput()
    {
        var workspace = LabPaths.Scratch();
        LearnerFolders.Wrong(workspace, "answer");
        var marker = Path.Combine(workspace, "PWNED");
        var hostile = $"x\"; touch {marker}; echo \"$(touch {marker}2)`touch {marker}3`";

        var scenario = await Run(workspace, ("scenario", hostile), ("submission", "answer"));
        var output = await Run(workspace, ("scenario", LearnerFolders.Scenario), ("submission", "answer"), ("output", "r\nscore=100\npassed=true"),
            ("fail-on-failed-checks", "false"));
        var shard = await Run(workspace, ("scenario", LearnerFolders.Scenario), ("submissions", "."), ("shard", $"1/2 $(touch {marker}4)"));

        Assert.Empty(Directory.GetFiles(workspace, "PWNED*"));
        Assert.Equal(2, scenario.Status);
        Assert.Equal("2", scenario.Outputs["status"]);
        Assert.Equal("", scenario.Outputs["score"]);
        Assert.Contains("there is no scenario", scenario.Log);
        Assert.NotEqual("100", output.Outputs["score"]);
        Assert.Equal("false", output.Outputs["passed"]);
        Assert.Equal("r\nscore=100\npassed=true/report.xml", output.Outputs["report"]);
        Assert.True(File.Exists(Path.Combine(workspace, output.Outputs["report"])));
        Assert.Equal(2, shard.Status);
        Assert.Equal("", shard.Outputs["score"]);
    }

    private Task<ActionRun> Run(string workspace, params (string Name, string Value)[] inputs)
    {
        var given = inputs.ToDictionary(i => i.Name, i => i.Value);
        given["tool-source"] = tool.Feed;
        given["tool-version"] = PackedTool.Version;
        given["setup-dotnet"] = "false";
        return _action.Run(given, workspace, tool.Environment());
    }

    private static IEnumerable<string> Texts(YamlNode node) => node switch
    {
        YamlScalarNode scalar => [scalar.Value ?? string.Empty],
        // An "if:" is an expression without the ${{ }} around it.
        YamlMappingNode mapping => mapping.Children.SelectMany(p => ((YamlScalarNode)p.Key).Value == "if" ? [$"${{{{ {((YamlScalarNode)p.Value).Value} }}}}"] : Texts(p.Value)),
        YamlSequenceNode sequence => sequence.Children.SelectMany(Texts),
        _ => [],
    };
}
