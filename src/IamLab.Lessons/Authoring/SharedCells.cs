namespace IamLab.Lessons.Authoring;

/// <summary>The text of the cells every notebook shares: the setup cell (<c>%% setup</c>) and the notes (<c>%% note NAME</c>).</summary>
public static class SharedCells
{
    /// <summary>The first cell of every notebook: all it needs is the README's build step.</summary>
    public const string Setup = """
        // Run this cell first. From a fresh clone it needs only the README's build step (`dotnet build` or
        // `dotnet test Lab.sln` at the repository root), which packs the lab's notebook extension into
        // artifacts/packages. The cell finds that folder above the notebook, adds it as a package source and loads
        // the newest extension package in it (the #!lab-* commands, the lab's views and offline charts) and the
        // AWS SDK for .NET, which later cells point at the lab's own endpoint. It sends the #i and #r lines from
        // code because this (archived) version of .NET Interactive accepts only absolute folders in #i.
        // See notebooks/README.md.
        var labRoot = new System.IO.DirectoryInfo(System.Environment.CurrentDirectory);
        while (labRoot is not null && !System.IO.File.Exists(System.IO.Path.Combine(labRoot.FullName, "Lab.sln")))
        {
            labRoot = labRoot.Parent;
        }

        var labPackages = labRoot is null ? null : System.IO.Path.Combine(labRoot.FullName, "artifacts", "packages");
        var labPackage = labPackages is null || !System.IO.Directory.Exists(labPackages) ? null
            : System.IO.Directory.GetFiles(labPackages, "IamLab.Interactive.*.nupkg").Select(System.IO.Path.GetFileNameWithoutExtension).Max(StringComparer.Ordinal);
        if (labPackage is null)
        {
            throw new System.InvalidOperationException($"No IamLab.Interactive package in artifacts/packages of a repository above {System.Environment.CurrentDirectory}: run the README's build step first (dotnet build at the repository root).");
        }

        // The exact version built here, so that no package source is asked for another one.
        var labVersion = labPackage["IamLab.Interactive.".Length..];
        var labSetup = await Microsoft.DotNet.Interactive.Kernel.Root.SendAsync(new Microsoft.DotNet.Interactive.Commands.SubmitCode(
            $"#i \"nuget:{labPackages}\"\n#r \"nuget:IamLab.Interactive, {labVersion}\"\n#r \"nuget:AWSSDK.SecurityToken, 4.0.101.10\"\n#r \"nuget:AWSSDK.S3, 4.1.0\"", "csharp"));
        if (labSetup.Events.OfType<Microsoft.DotNet.Interactive.Events.CommandFailed>().FirstOrDefault() is { } labFailure)
        {
            throw new System.InvalidOperationException("Loading the lab failed: " + labFailure.Message);
        }
        """;

    /// <summary>The notes a source places with <c>%% note NAME</c>: explanations written once for every notebook.</summary>
    public static IReadOnlyDictionary<string, string> Notes { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["sdk-clock"] = """
            <details><summary>Why the AWS SDK works against a world that lives on another date</summary>

            A scenario's world keeps its own clock: it starts at the scenario's fixed instant, so that answers and grades do
            not depend on the day you run the notebook, and it moves only when you say so (`#!lab-advance 20m`, or
            `--at +20m` on a command). The lab's endpoint checks each request's signature against that clock, as AWS checks
            it against its own, and refuses one signed more than 15 minutes off. So before every cell the lab sets the AWS
            SDK's clock correction (`Amazon.AWSConfigs.ManualClockCorrection`, the setting the SDK uses when a machine's
            clock is wrong) to the world's time minus your machine's: the SDK signs with the world's time, and a session's
            credentials stop working for the SDK exactly when the world says the session has expired. Your cells need no
            code for it.
            </details>
            """,
    };
}
