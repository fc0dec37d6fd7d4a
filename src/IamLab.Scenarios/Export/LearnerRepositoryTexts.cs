using System.Globalization;
using System.Text;
using IamLab.Scenarios.Model;

namespace IamLab.Scenarios.Export;

/// <summary>
/// The files an export writes for learners rather than copies from the lab: the README, the workflow that runs the
/// visible checks, and the script the workflow runs (kept in a file so that it can be run, and tested, anywhere).
/// </summary>
public static class LearnerRepositoryTexts
{
    /// <summary>Where the export puts the learner's own copy of each scenario's files.</summary>
    public const string WorkFolder = "work";

    /// <summary>The path of the workflow inside the export.</summary>
    public const string WorkflowPath = ".github/workflows/check.yml";

    /// <summary>The path of the script the workflow runs.</summary>
    public const string ScriptPath = ".github/iamlab-check.sh";

    /// <summary>The learner README: what the repository is, how to build, where to write, how it is checked.</summary>
    public static string Readme(IReadOnlyList<Scenario> scenarios)
    {
        ArgumentNullException.ThrowIfNull(scenarios);
        var text = new StringBuilder();
        text.AppendLine("# IAM Roles Lab: your exercises");
        text.AppendLine();
        text.AppendLine("This repository is yours. It holds the exercises of the IAM Roles Lab that your course uses: each scenario's");
        text.AppendLine("task (`scenarios/<id>/README.md`), its starter files, the notebooks, and the lab itself (`src/`), which runs");
        text.AppendLine("IAM, STS and S3 on your machine, offline. It holds no solutions. [LEARNING.md](LEARNING.md) says how to work");
        text.AppendLine("through it and how to get help.");
        text.AppendLine();
        text.AppendLine("## Set up");
        text.AppendLine();
        text.AppendLine("Install the .NET 10 SDK, then from this folder:");
        text.AppendLine();
        text.AppendLine("```bash");
        text.AppendLine("dotnet build");
        text.AppendLine("alias iamlab='dotnet run --project src/IamLab.Cli --'");
        text.AppendLine("iamlab scenarios list");
        text.AppendLine("```");
        text.AppendLine();
        text.AppendLine("## Where you write");
        text.AppendLine();
        text.AppendLine($"Your answer to scenario `<id>` goes in `{WorkFolder}/<id>/`: it starts as a copy of the scenario's starter files.");
        text.AppendLine("Edit the files there and grade them:");
        text.AppendLine();
        text.AppendLine("```bash");
        text.AppendLine($"iamlab grade {(scenarios.Count > 0 ? scenarios[0].Id : "<id>")} --submission {WorkFolder}/{(scenarios.Count > 0 ? scenarios[0].Id : "<id>")}");
        text.AppendLine("```");
        text.AppendLine();
        text.AppendLine("## The scenarios, in order");
        text.AppendLine();
        text.AppendLine("| # | Scenario | Minutes | Your files |");
        text.AppendLine("| --- | --- | --- | --- |");
        var number = 1;
        foreach (var scenario in scenarios)
        {
            var minutes = scenario.Minutes is { } m ? m.ToString(CultureInfo.InvariantCulture) : "";
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {number++} | [{scenario.Title}](scenarios/{scenario.Id}/README.md) (`{scenario.Id}`) | {minutes} | `{WorkFolder}/{scenario.Id}/` |");
        }

        text.AppendLine();
        text.AppendLine("## What checks your work");
        text.AppendLine();
        text.AppendLine($"On every push, the workflow `{WorkflowPath}` builds the lab and grades each folder of `{WorkFolder}/` with the");
        text.AppendLine($"scenario's **visible** checks (the script `{ScriptPath}`; run it yourself with `IAMLAB=\"dotnet src/IamLab.Cli/bin/Release/net10.0/iamlab.dll\"`");
        text.AppendLine("after `dotnet build src/IamLab.Cli -c Release`). The job summary shows each scenario's score, the checks that");
        text.AppendLine("failed, why, and a hint. That is feedback for you: your teacher grades your files from their own repository,");
        text.AppendLine("possibly with more checks, which only test what each task already asks for.");
        return text.ToString();
    }

    /// <summary>The GitHub Actions workflow: build the lab from this repository and run the visible checks.</summary>
    public static string Workflow() =>
        $$"""
        # Visible checks of your answers, on every push (feedback only: your teacher grades from their own repository).
        name: IAM lab checks (visible only)

        on: [push, pull_request, workflow_dispatch]

        permissions:
          contents: read

        jobs:
          check:
            runs-on: ubuntu-latest
            steps:
              - uses: actions/checkout@v4

              - uses: actions/setup-dotnet@v4
                with:
                  dotnet-version: 10.0.x

              - name: Build the lab's command
                run: dotnet build src/IamLab.Cli -c Release -nologo

              - name: Visible checks of every folder of {{WorkFolder}}/
                env:
                  IAMLAB: dotnet src/IamLab.Cli/bin/Release/net10.0/iamlab.dll
                run: bash {{ScriptPath}}

              - name: Keep the reports
                if: always()
                uses: actions/upload-artifact@v4
                with:
                  name: iamlab-results
                  path: results/

        """;

    /// <summary>The script the workflow runs: grades every <c>work/&lt;id&gt;/</c> with the visible checks.</summary>
    public static string Script() =>
        $$"""
        #!/usr/bin/env bash
        # Grades every folder of {{WorkFolder}}/ (one per scenario, named by its id) with the scenario's visible checks.
        # Writes results/<id>.xml (JUnit) and, on GitHub Actions, a Markdown summary per scenario.
        # IAMLAB is the command that runs the lab's tool (default: iamlab on the PATH).
        # Exit status: the worst of the scenarios' (0 all full marks, 1 a check failed, 2 a file could not be read).
        set -u
        read -r -a iamlab <<< "${IAMLAB:-iamlab}"
        mkdir -p results
        worst=0
        found=0
        for folder in {{WorkFolder}}/*/; do
          [ -d "$folder" ] || continue
          found=1
          id=$(basename "$folder")
          status=0
          "${iamlab[@]}" grade "$id" --submission "$folder" --hint-level 1 --format junit --output "results/$id.xml" || status=$?
          if [ -n "${GITHUB_STEP_SUMMARY:-}" ]; then
            GITHUB_ACTIONS=false "${iamlab[@]}" grade "$id" --submission "$folder" --hint-level 1 --format markdown >> "$GITHUB_STEP_SUMMARY" || true
          fi
          if [ "$status" -gt "$worst" ]; then worst=$status; fi
        done
        if [ "$found" = 0 ]; then
          echo "iamlab-check: no folder in {{WorkFolder}}/ to grade" >&2
          exit 2
        fi
        exit "$worst"

        """;
}
