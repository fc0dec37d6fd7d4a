using System.Diagnostics;
using IamLab.Scenarios.Loading;
using IamLab.Scenarios.Submissions;

namespace IamLab.Scenarios.Tests.Submissions;

/// <summary>A submission is read only through regular files inside its folder: links, pipes and devices are refused before they are opened.</summary>
public class SubmissionFileSafetyTests
{
    private const string Id = "cross-account-external-id";

    [Fact]
    public void PolicyFileLinkedToDevZero_IsRefusedAsALink_WithoutReadingIt()
    {
        var folder = Repo.CopyOf(Repo.Example);
        Replace(Path.Combine(folder, "trust-policy.json"), "/dev/zero");

        var (submission, problems) = SubmissionLoader.Load(Scenario(), folder);

        Assert.Null(submission);
        var problem = Assert.Single(problems);
        Assert.Equal("SUBMISSION_FILE_LINK", problem.Code);
        Assert.Equal(Path.Combine(folder, "trust-policy.json"), problem.File);
        Assert.Equal("trust-policy.json is a symbolic link; the grader reads only regular files inside the submission folder (copy the file instead of linking it).", problem.Message);
    }

    [Fact]
    public void PolicyFileLinkedToTheSolution_IsRefused_SoItCannotBorrowFullMarks()
    {
        var folder = Repo.CopyOf(Repo.Example);
        Replace(Path.Combine(folder, "trust-policy.json"), Path.Combine(Repo.Solution(Id), "trust-policy.json"));

        var (submission, problems) = SubmissionLoader.Load(Scenario(), folder);

        Assert.Null(submission);
        Assert.Equal(["SUBMISSION_FILE_LINK"], problems.Select(p => p.Code));
    }

    [Fact]
    public async Task PolicyFileThatIsANamedPipe_IsRefusedWithoutBlocking()
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
        {
            return; // Windows has no named pipes inside a folder.
        }

        var folder = Repo.CopyOf(Repo.Example);
        var pipe = Path.Combine(folder, "trust-policy.json");
        File.Delete(pipe);
        using (var mkfifo = Process.Start("mkfifo", [pipe]))
        {
            mkfifo.WaitForExit();
            Assert.Equal(0, mkfifo.ExitCode);
        }

        Assert.Equal(FileKind.Special, FileKinds.Of(pipe));
        var (_, problems) = await Task.Run(() => SubmissionLoader.Load(Scenario(), folder)).WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(["SUBMISSION_FILE_NOT_REGULAR"], problems.Select(p => p.Code));
    }

    [Fact]
    public void PolicyFileThatIsAFolder_IsNotARegularFile()
    {
        var folder = Repo.CopyOf(Repo.Example);
        File.Delete(Path.Combine(folder, "caller-policy.json"));
        Directory.CreateDirectory(Path.Combine(folder, "caller-policy.json"));

        var (_, problems) = SubmissionLoader.Load(Scenario(), folder);

        Assert.Equal(["SUBMISSION_FILE_NOT_REGULAR"], problems.Select(p => p.Code));
    }

    [Fact]
    public void Kinds_AreToldApart_WithoutFollowingLinks()
    {
        var folder = Repo.Scratch();
        var file = Path.Combine(folder, "file.json");
        File.WriteAllText(file, "{}");
        var link = Path.Combine(folder, "link.json");
        File.CreateSymbolicLink(link, file);

        Assert.Equal(FileKind.Regular, FileKinds.Of(file));
        Assert.Equal(FileKind.Link, FileKinds.Of(link));
        Assert.Equal(FileKind.Directory, FileKinds.Of(folder));
        Assert.Equal(FileKind.Missing, FileKinds.Of(Path.Combine(folder, "absent.json")));
        var dangling = Path.Combine(folder, "dangling.json");
        File.CreateSymbolicLink(dangling, Path.Combine(folder, "nowhere.json"));
        Assert.Equal(FileKind.Link, FileKinds.Of(dangling));
        if (OperatingSystem.IsLinux())
        {
            Assert.Equal(FileKind.Special, FileKinds.Of("/dev/zero"));
        }
    }

    [Fact]
    public void FileOverTheLimit_IsRefusedWithItsSize()
    {
        var folder = Repo.CopyOf(Repo.Example);
        File.WriteAllText(Path.Combine(folder, "trust-policy.json"), "{\"a\":\"" + new string('x', (int)SubmissionLoader.MaxFileBytes) + "\"}");

        var (_, problems) = SubmissionLoader.Load(Scenario(), folder);

        var problem = Assert.Single(problems);
        Assert.Equal("SUBMISSION_FILE_TOO_LARGE", problem.Code);
        Assert.Equal("trust-policy.json is 1,048,584 bytes; the grader reads files of at most 1,048,576 bytes (an IAM policy is at most 20 KB).", problem.Message);
    }

    private static void Replace(string path, string target)
    {
        File.Delete(path);
        File.CreateSymbolicLink(path, target);
    }

    private static Model.Scenario Scenario()
    {
        var load = ScenarioLoader.Load(Repo.Scenario(Id));
        return load.Scenario ?? throw new InvalidOperationException(string.Join("; ", load.Problems));
    }
}
