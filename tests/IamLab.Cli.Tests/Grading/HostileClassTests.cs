using System.Text.Json;
using System.Xml.Linq;
using Xunit;

namespace IamLab.Cli.Tests.Grading;

/// <summary>A class folder written by learners who attack the grader: every learner gets a line in the gradebook, nothing hangs, nothing escapes.</summary>
public class HostileClassTests
{
    private const string Id = "cross-account-external-id";

    [Fact]
    public async Task HostileLearners_AreEachRefusedOrGraded_AndTheGradebookIsWrittenSafely()
    {
        var class_ = Repo.Scratch();
        Copy(Repo.Solution(Id), Path.Combine(class_, "alice"));
        var bob = Copy(Repo.Example, Path.Combine(class_, "bob"));
        File.Delete(Path.Combine(bob, "trust-policy.json"));
        File.CreateSymbolicLink(Path.Combine(bob, "trust-policy.json"), "/dev/zero");
        Directory.CreateSymbolicLink(Path.Combine(class_, "carol"), Repo.Solution(Id));
        var dave = Copy(Repo.Example, Path.Combine(class_, "=HYPERLINK(x)"));
        var trust = File.ReadAllText(Path.Combine(dave, "trust-policy.json"));
        File.WriteAllText(Path.Combine(dave, "trust-policy.json"),
            trust.Replace("\"Effect\"", "\"Sid\": \"Evil\\u0001\\u001b[2J<b>|x|</b>\", \"Effect\"", StringComparison.Ordinal));
        var output = Repo.Scratch();

        var (status, stdout, stderr) = await Repo.Run("grade", Id, "--submissions", class_, "--output", output, "--format", "junit");

        Assert.Equal(1, status);
        Assert.Contains("graded 4 submissions: 1 passed, 1 failed, 2 unreadable", stdout);
        Assert.Contains("iamlab: bob: ", stderr);
        Assert.Contains("SUBMISSION_FILE_LINK", stderr);
        Assert.Contains("iamlab: carol: ", stderr);
        Assert.Contains("SUBMISSION_FOLDER_LINK", stderr);
        Assert.DoesNotContain('\u001b', stdout + stderr);
        var csv = File.ReadAllLines(Path.Combine(output, "gradebook.csv"));
        Assert.StartsWith("'=HYPERLINK(x),0,15,0.0,failed,", csv[1]);
        Assert.StartsWith("alice,15,15,100.0,passed,", csv[2]);
        Assert.StartsWith("bob,0,15,0.0,unreadable,", csv[3]);
        Assert.StartsWith("carol,0,15,0.0,unreadable,", csv[4]);
        var junit = XDocument.Parse(File.ReadAllText(Path.Combine(output, "gradebook.junit.xml")));
        Assert.Equal(2, junit.Root!.Elements("testsuite").Count());
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "gradebook.json")));
        Assert.Equal(4, json.RootElement.GetProperty("submissions").GetArrayLength());
    }

    [Fact]
    public async Task ControlCharactersInALearnersPolicy_NeverReachTheTerminalOrTheMarkdown()
    {
        var folder = Repo.CopyOf(Repo.Example);
        var path = Path.Combine(folder, "trust-policy.json");
        File.WriteAllText(path, File.ReadAllText(path).Replace("\"PartnerAccount\"", "\"A\\u001b]0;pwned\\u0007<img src=x>\"", StringComparison.Ordinal));

        var (_, text, _) = await Repo.Run("grade", Id, "--submission", folder);
        var (_, markdown, _) = await Repo.Run("grade", Id, "--submission", folder, "--format", "markdown");

        Assert.Contains("A\\u001b]0;pwned\\u0007<img src=x>", text);
        // The Sid is refused (INVALID_SID), and the finding quotes it outside a code fence: Markdown's metacharacters
        // are escaped with a backslash there, after the control characters were written as \u escapes.
        Assert.Contains("A\\\\u001b\\]0;pwned\\\\u0007\\<img src=x\\>", markdown);
        Assert.DoesNotContain('\u001b', text);
        Assert.DoesNotContain('\u0007', text);
        Assert.DoesNotContain('\u001b', markdown);
        Assert.All(MarkdownLines.OutsideCodeFences(markdown), line => Assert.DoesNotMatch(@"(?<!\\)<img", line));
    }

    private static string Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }

        return to;
    }
}
