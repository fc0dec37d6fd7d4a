using System.Text;
using System.Text.RegularExpressions;
using IamLab.Cli.Tests.Teaching;
using Xunit;
using YamlDotNet.RepresentationModel;

namespace IamLab.Cli.Tests.Packaging;

/// <summary>
/// Runs the repository's <c>action.yml</c> as GitHub's runner runs a composite action, as far as its steps need: each
/// <c>run:</c> step with <c>bash --noprofile --norc -eo pipefail</c>, its <c>env:</c> evaluated from the inputs (the
/// action's defaults filled in), <c>github.action_path</c>, <c>runner.temp</c> and earlier steps' outputs, a fresh
/// <c>GITHUB_OUTPUT</c> file per step read back in both of GitHub's forms (<c>NAME=VALUE</c> and
/// <c>NAME&lt;&lt;DELIMITER</c>), one <c>GITHUB_STEP_SUMMARY</c> file; then the action's outputs. A <c>uses:</c> step is
/// skipped (only <c>actions/setup-dotnet</c>, which this machine's SDK stands in for, is allowed). An expression the
/// runner here does not know fails the test, so the action cannot grow one that goes untested.
/// </summary>
internal sealed partial class ActionRunner
{
    public static string ActionFile => Path.Combine(LabPaths.Root, "action.yml");

    public YamlMappingNode Action { get; } = Load();

    /// <summary>The action's steps, as declared.</summary>
    public IReadOnlyList<YamlMappingNode> Steps => ((YamlSequenceNode)((YamlMappingNode)Action["runs"])["steps"]).Children.Cast<YamlMappingNode>().ToList();

    public YamlMappingNode Inputs => (YamlMappingNode)Action["inputs"];

    public YamlMappingNode Outputs => (YamlMappingNode)Action["outputs"];

    /// <summary>Runs the action with <paramref name="inputs"/> in <paramref name="workspace"/>.</summary>
    public async Task<ActionRun> Run(IReadOnlyDictionary<string, string> inputs, string workspace, IReadOnlyDictionary<string, string> environment)
    {
        foreach (var name in inputs.Keys)
        {
            Assert.True(Inputs.Children.ContainsKey(name), $"action.yml has no input {name}");
        }

        var values = Inputs.Children.ToDictionary(p => ((YamlScalarNode)p.Key).Value!,
            p => inputs.TryGetValue(((YamlScalarNode)p.Key).Value!, out var given) ? given : Scalar((YamlMappingNode)p.Value, "default") ?? string.Empty);
        var temp = LabPaths.Scratch();
        var summary = Path.Combine(temp, "step-summary.md");
        var stepOutputs = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        var log = new StringBuilder();
        var status = 0;
        foreach (var step in Steps)
        {
            if (Scalar(step, "uses") is { } uses)
            {
                Assert.StartsWith("actions/setup-dotnet@", uses);
                continue;
            }

            var outputFile = Path.Combine(temp, $"output-{stepOutputs.Count}");
            File.WriteAllText(outputFile, string.Empty);
            var env = new Dictionary<string, string>(environment)
            {
                ["GITHUB_OUTPUT"] = outputFile,
                ["GITHUB_STEP_SUMMARY"] = summary,
                ["GITHUB_ACTION_PATH"] = LabPaths.Root,
                ["RUNNER_TEMP"] = temp,
                ["GITHUB_WORKSPACE"] = workspace,
            };
            if (step.Children.TryGetValue(new YamlScalarNode("env"), out var declared))
            {
                foreach (var (key, value) in ((YamlMappingNode)declared).Children)
                {
                    env[((YamlScalarNode)key).Value!] = Evaluate(((YamlScalarNode)value).Value!, values, stepOutputs, temp);
                }
            }

            Assert.Equal("bash", Scalar(step, "shell"));
            // Keys this runner does not model would be silently ignored: refuse them, so they cannot go untested.
            Assert.Empty(step.Children.Keys.Cast<YamlScalarNode>().Select(k => k.Value).Except(["name", "id", "shell", "env", "run"]));
            var (exit, output, error) = await ProcessRun.Run("bash", ["--noprofile", "--norc", "-eo", "pipefail", "-c", Scalar(step, "run")!], workspace, env, timeoutSeconds: 600);
            log.Append(output).Append(error);
            stepOutputs[Scalar(step, "id") ?? $"step{stepOutputs.Count}"] = ReadOutputs(File.ReadAllText(outputFile));
            if (exit != 0)
            {
                status = exit;
                break;
            }
        }

        var outputs = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in Outputs.Children)
        {
            outputs[((YamlScalarNode)key).Value!] = Evaluate(Scalar((YamlMappingNode)value, "value")!, values, stepOutputs, temp);
        }

        return new ActionRun(status, outputs, File.Exists(summary) ? File.ReadAllText(summary) : string.Empty, log.ToString(), stepOutputs);
    }

    /// <summary>Every <c>${{ ... }}</c> of <paramref name="text"/>, without the braces.</summary>
    public static IEnumerable<string> Expressions(string text) => ExpressionPattern().Matches(text).Select(m => m.Groups[1].Value.Trim());

    /// <summary>Reads a GITHUB_OUTPUT file as GitHub documents it.</summary>
    public static Dictionary<string, string> ReadOutputs(string text)
    {
        var outputs = new Dictionary<string, string>(StringComparer.Ordinal);
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var heredoc = line.IndexOf("<<", StringComparison.Ordinal);
            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (heredoc > 0 && (equals < 0 || heredoc < equals))
            {
                var delimiter = line[(heredoc + 2)..];
                var value = new List<string>();
                for (i++; i < lines.Length && lines[i] != delimiter; i++)
                {
                    value.Add(lines[i]);
                }

                Assert.True(i < lines.Length, $"GITHUB_OUTPUT: no closing delimiter {delimiter}");
                outputs[line[..heredoc]] = string.Join('\n', value);
            }
            else if (equals > 0)
            {
                outputs[line[..equals]] = line[(equals + 1)..];
            }
        }

        return outputs;
    }

    private static string Evaluate(string text, Dictionary<string, string> inputs, Dictionary<string, Dictionary<string, string>> steps, string temp) =>
        ExpressionPattern().Replace(text, match =>
        {
            var expression = match.Groups[1].Value.Trim();
            var parts = expression.Split('.');
            return parts switch
            {
                ["inputs", var name] => inputs[name],
                ["github", "action_path"] => LabPaths.Root,
                ["runner", "temp"] => temp,
                ["steps", var id, "outputs", var name] => steps.TryGetValue(id, out var outputs) ? outputs.GetValueOrDefault(name, string.Empty) : string.Empty,
                _ => throw new Xunit.Sdk.XunitException($"action.yml uses an expression this runner does not model: {expression}"),
            };
        });

    private static string? Scalar(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? ((YamlScalarNode)value).Value : null;

    private static YamlMappingNode Load()
    {
        var stream = new YamlStream();
        using var reader = new StreamReader(ActionFile);
        stream.Load(reader);
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    [GeneratedRegex(@"\$\{\{(.*?)\}\}")]
    private static partial Regex ExpressionPattern();
}

/// <summary>What a run of the action gave: the failed step's exit status (0 when all passed), the action's outputs, the job summary and the log.</summary>
internal sealed record ActionRun(int Status, Dictionary<string, string> Outputs, string Summary, string Log, Dictionary<string, Dictionary<string, string>> StepOutputs);
