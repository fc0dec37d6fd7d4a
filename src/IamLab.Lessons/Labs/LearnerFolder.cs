using IamLab.Scenarios.Submissions;

namespace IamLab.Lessons.Labs;

/// <summary>
/// The learner's folder of a labs app. On first run it is made and filled with the scenario's starter files; after that
/// the app only reads it (through the grader's <see cref="SubmissionLoader"/>, which reads regular files only and never
/// follows a link out of the folder). A starter file is written only where nothing exists yet, never through a link.
/// </summary>
public static class LearnerFolder
{
    /// <summary>Makes <paramref name="folder"/> from the starter files when it does not exist; returns a problem, or null.</summary>
    public static string? Prepare(string folder, string scenarioFolder, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var starter = Path.Combine(scenarioFolder, "starter");
        if (!Directory.Exists(starter))
        {
            return $"no scenario starter files at {starter}.";
        }

        var kind = FileKinds.Of(folder);
        // The folder itself is the learner's choice (a link to a folder included); the files in it are read without following links.
        if (kind is FileKind.Directory || (kind is FileKind.Link && Directory.Exists(folder)))
        {
            return null;
        }

        if (kind is not FileKind.Missing)
        {
            return $"{folder} is not a folder (a file, link or device); give the folder of your policy files.";
        }

        try
        {
            Directory.CreateDirectory(folder);
            foreach (var file in Directory.EnumerateFiles(starter).Order(StringComparer.Ordinal))
            {
                // CreateNew: never overwrite, and never write through a link someone placed there.
                using var source = File.OpenRead(file);
                using var target = new FileStream(Path.Combine(folder, Path.GetFileName(file)), FileMode.CreateNew, FileAccess.Write);
                source.CopyTo(target);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"cannot make {folder} from the starter files: {e.Message}";
        }

        output.WriteLine($"Made {folder} from the scenario's starter files: write your answers there.");
        return null;
    }
}
