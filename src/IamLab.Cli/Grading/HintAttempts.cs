using System.Text.Json;

namespace IamLab.Cli.Grading;

/// <summary>
/// Counts a learner's failed attempts per scenario and submission folder, in a file outside the submission (by default
/// <c>$XDG_STATE_HOME/iamlab/hint-attempts.json</c>, else <c>~/.local/state/iamlab/hint-attempts.json</c>), so that each
/// failed attempt shows the hints one level further (nudge, concept, answer). Hints never change the score, so
/// editing the file gains nothing but hints; a file that cannot be read or written only means level 1.
/// </summary>
internal sealed class HintAttempts(string file)
{
    /// <summary>The highest hint level.</summary>
    public const int MaxLevel = 3;

    /// <summary>The file the counts are kept in.</summary>
    public string File { get; } = file;

    /// <summary>The default file for this user.</summary>
    public static string DefaultFile()
    {
        var state = Environment.GetEnvironmentVariable("XDG_STATE_HOME");
        var home = string.IsNullOrEmpty(state) ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "state") : state;
        return Path.Combine(home, "iamlab", "hint-attempts.json");
    }

    /// <summary>The hint level for the next grading of <paramref name="submission"/>: one more than its failed attempts, at most 3.</summary>
    public int LevelFor(string scenario, string submission) => Math.Min(MaxLevel, 1 + Read().GetValueOrDefault(Key(scenario, submission)));

    /// <summary>Records a grading: a failed one counts one more attempt; full marks start the count again.</summary>
    public void Record(string scenario, string submission, bool fullMarks)
    {
        var counts = Read();
        var key = Key(scenario, submission);
        if (fullMarks)
        {
            counts.Remove(key);
        }
        else
        {
            counts[key] = counts.GetValueOrDefault(key) + 1;
        }

        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(File)!);
            var temporary = File + ".tmp";
            System.IO.File.WriteAllText(temporary, JsonSerializer.Serialize(counts));
            System.IO.File.Move(temporary, File, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Hints are help, not the grade: without a writable state folder every attempt shows level 1.
        }
    }

    private static string Key(string scenario, string submission) => $"{scenario}|{Path.GetFullPath(submission)}";

    private Dictionary<string, int> Read()
    {
        try
        {
            return System.IO.File.Exists(File)
                ? JsonSerializer.Deserialize<Dictionary<string, int>>(System.IO.File.ReadAllText(File)) ?? []
                : [];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            return [];
        }
    }
}
