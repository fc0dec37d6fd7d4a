using System.Text.Json.Nodes;
using System.Xml.Linq;
using IamLab.Scenarios.Reports.Sharding;
using Xunit;

namespace IamLab.Cli.Tests.Teaching;

/// <summary>
/// <c>grade --submissions DIR --shard i/n</c> and <c>gradebook merge</c>: the shares partition the class by name, and
/// their merge is the gradebook one unsharded run writes; parts that are not exactly the whole class are refused.
/// </summary>
public sealed class ShardMergeTests
{
    private const string External = "cross-account-external-id";

    [Fact]
    public async Task ThreeShares_Merged_AreTheUnshardedGradebook()
    {
        var class_ = Class(14);
        var whole = LabPaths.Scratch();
        var (status, _, error) = await Grade(class_, whole);
        Assert.True(status == 1, error);

        var parts = new List<string>();
        var graded = new List<string>();
        for (var i = 1; i <= 3; i++)
        {
            var part = LabPaths.Scratch();
            var run = await Grade(class_, part, "--shard", $"{i}/3");
            Assert.True(run.Status is 0 or 1, run.Error);
            var json = JsonNode.Parse(File.ReadAllText(Path.Combine(part, "gradebook.json")))!;
            Assert.Equal(i, (int)json["shard"]!["index"]!);
            Assert.Equal(3, (int)json["shard"]!["count"]!);
            graded.AddRange(json["submissions"]!.AsArray().Select(s => (string)s!["submission"]!));
            parts.Add(part);
        }

        var merged = LabPaths.Scratch();
        var merge = await CliRunner.Run(["gradebook", "merge", .. parts, "--output", merged]);

        Assert.True(merge.Status == 0, merge.Error);
        Assert.Equal(Directory.GetDirectories(class_).Select(Path.GetFileName).Order(StringComparer.Ordinal), graded.Order(StringComparer.Ordinal));
        Assert.Equal(File.ReadAllText(Path.Combine(whole, "gradebook.csv")), File.ReadAllText(Path.Combine(merged, "gradebook.csv")));
        Assert.Equal(File.ReadAllText(Path.Combine(whole, "gradebook.json")), File.ReadAllText(Path.Combine(merged, "gradebook.json")));
        var junit = XDocument.Load(Path.Combine(merged, "gradebook.junit.xml"));
        Assert.Equal(14 - 2, junit.Descendants("testsuite").Count()); // two of the fourteen cannot be read: no report, no suite
        Assert.Contains("14 submissions:", File.ReadAllText(Path.Combine(merged, "gradebook.html")));
    }

    [Fact]
    public async Task AShare_IsStable_AddingALearnerMovesNoOneElse()
    {
        var class_ = Class(10);
        var before = await ShareNames(class_, "2/3");
        CopyInto(Path.Combine(LabPaths.Scenarios, External, "starter"), Path.Combine(class_, "zed-newcomer"));

        var after = await ShareNames(class_, "2/3");

        Assert.Equal(before, after.Where(n => n != "zed-newcomer"));
        Assert.Equal(ShardSpec.ShareOf("zed-newcomer", 3) == 2, after.Contains("zed-newcomer"));
    }

    [Fact]
    public async Task Merge_WithAShareMissing_IsRefused_AndWritesNothing()
    {
        var class_ = Class(6);
        var one = await Part(class_, "1/3");
        var two = await Part(class_, "2/3");
        var target = LabPaths.NewFolderName();

        var (status, _, error) = await CliRunner.Run("gradebook", "merge", one, two, "--output", target);

        Assert.Equal(2, status);
        Assert.Equal("iamlab gradebook merge: GRADEBOOK_SHARD_MISSING: Missing share 3/3: grade it with --shard and merge again.", error.Trim());
        Assert.False(Path.Exists(target));
    }

    [Fact]
    public async Task Merge_OfAShareGivenTwice_IsRefused()
    {
        var class_ = Class(6);
        var one = await Part(class_, "1/2");
        var again = await Part(class_, "1/2");
        var two = await Part(class_, "2/2");

        var (status, _, error) = await CliRunner.Run("gradebook", "merge", one, again, two, "--output", LabPaths.NewFolderName());

        Assert.Equal(2, status);
        Assert.Contains($"GRADEBOOK_SHARD_OVERLAP: Share 1/2 is given more than once: {Path.Combine(one, "gradebook.json")}, {Path.Combine(again, "gradebook.json")}.", error);
    }

    [Fact]
    public async Task Merge_OfPartsSplitDifferently_OrOfAnEditedPart_IsRefused()
    {
        var class_ = Class(8);
        var half = await Part(class_, "1/2");
        var third = await Part(class_, "2/3");
        var mixed = await CliRunner.Run("gradebook", "merge", half, third, "--output", LabPaths.NewFolderName());
        Assert.Equal(2, mixed.Status);
        Assert.Contains("GRADEBOOK_SHARD_COUNT_MISMATCH", mixed.Error);

        // A part edited to carry a learner of the other share (to grade them twice, or to replace their grade).
        var other = await Part(class_, "2/2");
        var stray = JsonNode.Parse(File.ReadAllText(Path.Combine(other, "gradebook.json")))!["submissions"]!.AsArray()[0]!;
        var edited = JsonNode.Parse(File.ReadAllText(Path.Combine(half, "gradebook.json")))!;
        edited["submissions"]!.AsArray().Add(stray.DeepClone());
        File.WriteAllText(Path.Combine(half, "gradebook.json"), edited.ToJsonString());

        var (status, _, error) = await CliRunner.Run("gradebook", "merge", half, other, "--output", LabPaths.NewFolderName());

        Assert.Equal(2, status);
        var name = (string)stray["submission"]!;
        Assert.Contains($"GRADEBOOK_SHARD_MISMATCH: {Path.Combine(half, "gradebook.json")} (share 1/2) holds \"{name}\", which belongs to share 2/2.", error);
        Assert.Contains($"GRADEBOOK_SHARD_OVERLAP: \"{name}\" is in ", error);
    }

    [Fact]
    public async Task Merge_OfSomethingElse_IsRefused_WithItsPath()
    {
        var notes = Path.Combine(LabPaths.Scratch(), "gradebook.json");
        File.WriteAllText(notes, "{\"format\": \"something/1\"}");
        var broken = Path.Combine(LabPaths.Scratch(), "gradebook.json");
        File.WriteAllText(broken, "{\n  \"format\": ");

        var (status, _, error) = await CliRunner.Run("gradebook", "merge", notes, broken, LabPaths.Scratch(), "--output", LabPaths.NewFolderName());

        Assert.Equal(2, status);
        var lines = error.Trim().Split('\n');
        Assert.Equal(3, lines.Length);
        Assert.Equal($"iamlab gradebook merge: GRADEBOOK_UNREADABLE: {notes}: not an iamlab gradebook (no \"format\": \"iamlab-gradebook/1\")", lines[0]);
        Assert.StartsWith($"iamlab gradebook merge: GRADEBOOK_UNREADABLE: {broken}: line 2: ", lines[1]);
        Assert.EndsWith("gradebook.json: no such file (give a folder a --submissions run wrote, or its gradebook.json)", lines[2]);
    }

    [Theory]
    [InlineData("0/3")]
    [InlineData("4/3")]
    [InlineData("1/0")]
    [InlineData("one/3")]
    [InlineData("1/3/5")]
    public async Task BadShard_IsAUsageError(string shard)
    {
        var (status, _, error) = await Grade(Class(2), LabPaths.Scratch(), "--shard", shard);

        Assert.Equal(2, status);
        Assert.Contains($"--shard must be i/n with 1 <= i <= n <= 1024 (for example 2/4), not \"{shard}\".", error);
    }

    [Fact]
    public void Shares_SpreadNamesEvenly()
    {
        var counts = new int[4];
        for (var i = 0; i < 10_000; i++)
        {
            counts[ShardSpec.ShareOf($"learner-{i:D5}", 4) - 1]++;
        }

        Assert.All(counts, c => Assert.InRange(c, 2_300, 2_700));
    }

    private static Task<(int Status, string Output, string Error)> Grade(string class_, string output, params string[] more) =>
        CliRunner.Run(["grade", External, "--submissions", class_, "--output", output, "--scenarios", LabPaths.Scenarios, .. more]);

    private static async Task<string> Part(string class_, string shard)
    {
        var part = LabPaths.Scratch();
        var (status, _, error) = await Grade(class_, part, "--shard", shard);
        Assert.True(status is 0 or 1, error);
        return part;
    }

    private static async Task<List<string>> ShareNames(string class_, string shard) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(await Part(class_, shard), "gradebook.json")))!["submissions"]!.AsArray().Select(s => (string)s!["submission"]!).ToList();

    // A class of n: solutions, starters and the example answer in turn, and the last two unreadable.
    private static string Class(int n)
    {
        var class_ = LabPaths.Scratch();
        string[] sources = [Path.Combine(LabPaths.Scenarios, External, "solution"), Path.Combine(LabPaths.Scenarios, External, "starter"),
            Path.Combine(LabPaths.Root, "examples", "submissions", External)];
        for (var i = 0; i < n; i++)
        {
            var folder = Path.Combine(class_, $"learner-{i:D2}");
            if (i >= n - 2)
            {
                Directory.CreateDirectory(folder);
                File.WriteAllText(Path.Combine(folder, "trust-policy.json"), "{ broken");
            }
            else
            {
                CopyInto(sources[i % 3], folder);
            }
        }

        return class_;
    }

    private static void CopyInto(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from, "*.json"))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }
    }
}
