namespace IamLab.Lessons.Labs;

/// <summary>
/// The command line of a labs app: <c>[FOLDER] [--html FILE] [--no-pause]</c>. FOLDER holds the learner's policy files
/// (default <c>my-answers/SCENARIO/</c> at the repository root, made from the scenario's starter files on first run).
/// </summary>
/// <param name="Folder">The learner's folder as given, or null for the default.</param>
/// <param name="Html">The HTML file to write the charts to, or null for the default (beside the folder, named after the lesson).</param>
/// <param name="Pause">Wait for Enter between steps (only when both standard input and output are a terminal).</param>
public sealed record LabOptions(string? Folder, string? Html, bool Pause)
{
    /// <summary>The usage text.</summary>
    public const string Usage = "usage: dotnet run labs/LESSON.cs [-- FOLDER] [--html FILE] [--no-pause]\n"
        + "  FOLDER     your policy files (default my-answers/SCENARIO/, made from the starter files on first run)\n"
        + "  --html     where to write the charts (default: beside FOLDER, named after the lesson)\n"
        + "  --no-pause print every step at once (the default when not in a terminal)";

    /// <summary>Reads <paramref name="args"/>; the problem is null when they are good, and "help" for --help.</summary>
    public static (LabOptions? Options, string? Problem) Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        string? folder = null, html = null;
        var pause = !Console.IsInputRedirected && !Console.IsOutputRedirected;
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--help" or "-h":
                    return (null, "help");
                case "--no-pause":
                    pause = false;
                    break;
                case "--html" when i + 1 < args.Count:
                    html = args[++i];
                    break;
                case "--html":
                    return (null, "--html needs a file name.");
                case var other when other.StartsWith('-'):
                    return (null, $"unknown option \"{other}\".");
                case var other when folder is null:
                    folder = other;
                    break;
                default:
                    return (null, $"one folder only; \"{folder}\" and \"{args[i]}\" were given.");
            }
        }

        return (new LabOptions(folder, html, pause), null);
    }
}
