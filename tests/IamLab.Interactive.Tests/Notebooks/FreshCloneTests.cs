using IamLab.Notebooks;
using Microsoft.DotNet.Interactive.Documents;

namespace IamLab.Interactive.Tests.Notebooks;

/// <summary>
/// A notebook's first cell needs nothing but the build output: in a folder holding only what a fresh clone has
/// after the README's build step (Lab.sln, the notebook, artifacts/packages), it loads the extension.
/// </summary>
[Collection(NotebookKernels.Name)]
public sealed class FreshCloneTests
{
    private static string FakeClone(bool withPackages)
    {
        var root = Path.Combine(Path.GetTempPath(), "iamlab-clone-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(root, "notebooks"));
        File.Copy(Path.Combine(RepositoryPaths.Root, "Lab.sln"), Path.Combine(root, "Lab.sln"));
        if (withPackages)
        {
            var packages = Directory.CreateDirectory(Path.Combine(root, "artifacts", "packages")).FullName;
            var built = Directory.GetFiles(RepositoryPaths.Packages, "IamLab.Interactive.*.nupkg");
            Assert.True(built.Length > 0, $"No IamLab.Interactive package in {RepositoryPaths.Packages}: building src/IamLab.Interactive packs it.");
            foreach (var package in built)
            {
                File.Copy(package, Path.Combine(packages, Path.GetFileName(package)));
            }
        }

        return root;
    }

    private static InteractiveDocument FirstCellThen(string followUp)
    {
        var first = LabNotebooks.Read("01-roles-vs-users.ipynb").Elements[0];
        return new InteractiveDocument([new InteractiveDocumentElement(first.Contents, "csharp"), new InteractiveDocumentElement(followUp, "csharp")]);
    }

    [Fact]
    public async Task FirstCell_InACloneWithOnlyTheBuildOutput_LoadsTheExtensionAndTheSdk()
    {
        var clone = FakeClone(withPackages: true);

        var result = await InNotebookFolder.RunAsync(Path.Combine(clone, "notebooks"), FirstCellThen("#!lab-help"),
            new NotebookRunOptions { CellTimeout = TimeSpan.FromMinutes(3) });

        Assert.True(result.Succeeded, $"{result.Failure}\n{result.Failure?.Error}");
        var installed = NotebookOutputs.TextOf(result.Executed.Elements[0]);
        Assert.Contains("IamLab.Interactive", installed);
        Assert.Contains("AWSSDK.S3, 4.1.0", installed);
        Assert.Contains("#!lab-scenario", NotebookOutputs.TextOf(result.Executed.Elements[1]));
    }

    [Fact]
    public async Task FirstCell_BeforeTheBuild_FailsSayingToRunTheBuildStep()
    {
        var clone = FakeClone(withPackages: false);

        var result = await InNotebookFolder.RunAsync(Path.Combine(clone, "notebooks"), FirstCellThen("1"));

        Assert.NotNull(result.Failure);
        Assert.Equal(0, result.Failure.CellIndex);
        Assert.Contains("run the README's build step first", result.Failure.Error);
    }
}
