using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using IamLab.Scenarios.Grading;
using IamLab.Scenarios.Loading;
using IamLab.Scenarios.Reports;
using Xunit;

namespace IamLab.Cli.Tests.Grading;

/// <summary>
/// Grades a class of generated hostile submissions (random bytes, deep nesting, huge strings, links, odd folder names,
/// other encodings, hostile text inside valid policies) and checks that every learner is graded or refused, nothing
/// hangs or crashes, and no report lets a learner's text act as terminal control, XML, Markdown/HTML or a spreadsheet formula.
/// </summary>
public class HostileSubmissionFuzzTests
{
    private const string Id = "cross-account-external-id";
    private const int Learners = 2000;
    private static readonly string[] Hostile =
    [
        "\u001b[2J\u001b]0;owned\u0007", "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "](http://evil.example)",
        "=HYPERLINK(\"http://evil\")", "+1", "-1", "@SUM(1)", "|a|b|", "```", "**bold** _it_", "\u202eevil\u202c", "\u0000\u0001\u0008",
        "\u0085\u009b", "\ud800", "😀", "%0A::error::fake", "line\nbreak", "\r\n", "\\", "\"", "'", "&amp;", "]]>", "\uFFFE",
    ];

    [Fact]
    public async Task AClassOfHostileSubmissions_IsGradedCompletely_AndEveryReportStaysSafe()
    {
        var random = new Random(20261203);
        var class_ = Repo.Scratch();
        for (var i = 0; i < Learners; i++)
        {
            var name = FolderName(random, i);
            var folder = Path.Combine(class_, name);
            Directory.CreateDirectory(folder);
            WriteFile(random, Path.Combine(folder, "trust-policy.json"));
            WriteFile(random, Path.Combine(folder, "caller-policy.json"));
        }

        var output = Repo.Scratch();
        var (status, stdout, stderr) = await Repo.Run("grade", Id, "--submissions", class_, "--output", output, "--format", "junit");

        Assert.Contains(status, new[] { 0, 1 });
        Assert.Contains($"graded {Learners} submissions", stdout);
        AssertTerminalSafe(stdout);
        AssertTerminalSafe(stderr);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "gradebook.json")));
        var rows = json.RootElement.GetProperty("submissions").EnumerateArray().ToList();
        Assert.Equal(Learners, rows.Count);
        Assert.Equal(Directory.GetDirectories(class_).Select(Path.GetFileName).Order(StringComparer.Ordinal), rows.Select(r => r.GetProperty("submission").GetString()));
        Assert.All(rows, r => Assert.Contains(r.GetProperty("status").GetString(), new[] { "passed", "failed", "unreadable" }));
        Assert.Contains(rows, r => r.GetProperty("status").GetString() == "failed");
        Assert.Contains(rows, r => r.GetProperty("status").GetString() == "unreadable");
        XDocument.Parse(File.ReadAllText(Path.Combine(output, "gradebook.junit.xml")));
        var records = CsvRecords(File.ReadAllText(Path.Combine(output, "gradebook.csv")));
        Assert.Equal(Learners + 1, records.Count);
        Assert.All(records.SelectMany(r => r), field => Assert.False(field.Length > 0 && field[0] is '=' or '+' or '-' or '@', $"formula field {field}"));

        using var grader = new Grader(ScenarioLoader.Load(Repo.Scenario(Id)).Scenario!);
        foreach (var folder in Directory.GetDirectories(class_).Take(400))
        {
            if (GuardedGrading.Grade(grader, folder, GuardedGrading.DefaultTimeout, refuseLinkedFolder: true).Report is not { } report)
            {
                continue;
            }

            var markdown = MarkdownReport.Write(report);
            AssertTerminalSafe(markdown);
            Assert.All(MarkdownLines.OutsideCodeFences(markdown), line =>
            {
                // Outside code, a learner's '<' or '](' is always backslash-escaped; the report's own tags are the only HTML.
                Assert.DoesNotMatch(@"(?<!\\)<(?!/?(details|summary|b)>)", line);
                Assert.DoesNotMatch(@"(?<!\\)\]\(", line);
            });
            Assert.All(GitHubAnnotations.Lines(report, Path.GetTempPath()), line => { AssertTerminalSafe(line); Assert.DoesNotContain('\n', line); });
            JsonDocument.Parse(ResultsJson.Write(report)).Dispose();
        }
    }

    private static string FolderName(Random random, int i)
    {
        var odd = random.Next(4) == 0 ? Hostile[random.Next(Hostile.Length)].Replace("/", "_", StringComparison.Ordinal).Replace("\ud800", "?", StringComparison.Ordinal).Replace("\0", "0", StringComparison.Ordinal) : string.Empty;
        return $"{odd}learner-{i:D4}";
    }

    private static void WriteFile(Random random, string path)
    {
        switch (random.Next(10))
        {
            case 0:
                var bytes = new byte[random.Next(0, 3000)];
                random.NextBytes(bytes);
                File.WriteAllBytes(path, bytes);
                break;
            case 1:
                var depth = random.Next(10, 30000);
                File.WriteAllText(path, new string('[', depth) + new string(']', random.Next(2) == 0 ? depth : 0));
                break;
            case 2:
                File.WriteAllText(path, Policy(new string('A', random.Next(100_000, 900_000)) + Text(random), random));
                break;
            case 3:
                File.WriteAllText(path, Policy(Text(random), random), new UnicodeEncoding(bigEndian: random.Next(2) == 0, byteOrderMark: true));
                break;
            case 4:
                File.CreateSymbolicLink(path, random.Next(2) == 0 ? "/dev/zero" : Path.Combine(Repo.Solution(Id), Path.GetFileName(path)));
                break;
            case 5:
                File.WriteAllText(path, string.Empty);
                break;
            default:
                File.WriteAllText(path, Policy(Text(random), random), new UTF8Encoding(encoderShouldEmitUTF8Identifier: random.Next(2) == 0));
                break;
        }
    }

    private static string Text(Random random) => string.Concat(Enumerable.Range(0, random.Next(1, 4)).Select(_ => Hostile[random.Next(Hostile.Length)]));

    // A policy valid enough to be graded, with hostile text where learners write free text or ARNs.
    private static string Policy(string text, Random random)
    {
        var quoted = JsonSerializer.Serialize(text);
        return random.Next(3) switch
        {
            0 => $$"""{"Version":"2012-10-17","Statement":[{"Sid":{{quoted}},"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111111111111:root"},"Action":"sts:AssumeRole"}]}""",
            1 => """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111111111111:root"},"Action":"sts:AssumeRole","Condition":{"StringEquals":{"sts:ExternalId":""" + quoted + "}}}]}",
            _ => $$"""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sts:AssumeRole","Resource":{{JsonSerializer.Serialize("arn:aws:iam::999999999999:role/" + text)}}}]}""",
        };
    }

    private static void AssertTerminalSafe(string text)
    {
        foreach (var c in text)
        {
            Assert.False(c != '\n' && c != '\r' && c != '\t' && char.IsControl(c), $"control character U+{(int)c:X4} reached the output");
            Assert.False(c is >= '\u202A' and <= '\u202E', "a bidirectional override reached the output");
        }
    }

    // RFC 4180: quoted fields may hold commas, quotes ("") and line breaks.
    private static List<List<string>> CsvRecords(string csv)
    {
        var records = new List<List<string>>();
        var record = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < csv.Length; i++)
        {
            var c = csv[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < csv.Length && csv[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                record.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\n')
            {
                record.Add(field.ToString());
                field.Clear();
                records.Add(record);
                record = [];
            }
            else
            {
                field.Append(c);
            }
        }

        return records;
    }
}
