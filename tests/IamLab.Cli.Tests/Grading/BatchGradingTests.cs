using System.Text.Json;
using Xunit;

namespace IamLab.Cli.Tests.Grading;

public class BatchGradingTests
{
    [Fact]
    public async Task Submissions_AreAllGraded_IntoCsvAndJsonGradebooks()
    {
        var class_ = Repo.Scratch();
        CopyInto(Repo.Solution("cross-account-external-id"), Path.Combine(class_, "alice"));
        CopyInto(Repo.Example, Path.Combine(class_, "bob"));
        Directory.CreateDirectory(Path.Combine(class_, "carol"));
        File.WriteAllText(Path.Combine(class_, "carol", "trust-policy.json"), "{ not json");
        File.WriteAllText(Path.Combine(class_, "carol", "caller-policy.json"), "{}");
        var output = Repo.Scratch();

        var (status, stdout, stderr) = await Repo.Run("grade", "cross-account-external-id", "--submissions", class_, "--output", output);

        Assert.Equal(1, status);
        Assert.Contains("graded 3 submissions: 1 passed, 1 failed, 1 unreadable", stdout);
        Assert.Contains("carol", stderr);
        var csv = File.ReadAllLines(Path.Combine(output, "gradebook.csv"));
        Assert.StartsWith("submission,score,maxScore,percent,status,failedChecks,check:right-external-id-works,", csv[0]);
        Assert.StartsWith("alice,15,15,100.0,passed,,pass,pass,", csv[1]);
        Assert.StartsWith("bob,8,15,53.3,failed,", csv[2]);
        Assert.StartsWith("carol,0,15,0.0,unreadable,", csv[3]);
        var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "gradebook.json"))).RootElement;
        var rows = json.GetProperty("submissions").EnumerateArray().ToList();
        Assert.Equal(["alice", "bob", "carol"], rows.Select(r => r.GetProperty("submission").GetString()));
        Assert.Equal(15, rows[0].GetProperty("results").GetProperty("score").GetInt32());
        Assert.Equal("SUBMISSION_JSON_SYNTAX", rows[2].GetProperty("problems")[0].GetProperty("code").GetString());
    }

    [Fact]
    public async Task EmptyClassFolder_ExitTwo()
    {
        var (status, _, error) = await Repo.Run("grade", "cross-account-external-id", "--submissions", Repo.Scratch());

        Assert.Equal(2, status);
        Assert.Contains("no sub-folders", error);
    }

    private static void CopyInto(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }
    }
}
