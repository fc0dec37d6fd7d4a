using System.Globalization;
using System.Text.Json;
using System.Text;
using IamLab.Policy.Json;
using IamLab.Scenarios.Model;

namespace IamLab.Scenarios.Submissions;

/// <summary>
/// Reads a submission folder: every file the scenario names must be there, at most <see cref="MaxFileBytes"/>
/// long, UTF-8, and (a policy file) well-formed JSON. Every problem is reported (not only the first), with file, line and column.
/// </summary>
public static class SubmissionLoader
{
    /// <summary>The largest file the grader reads: far above IAM's largest policy (20 KB for a bucket policy).</summary>
    public const long MaxFileBytes = 1024 * 1024;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Loads the files <paramref name="scenario"/> names from <paramref name="directory"/>.</summary>
    public static (Submission? Submission, IReadOnlyList<SubmissionProblem> Problems) Load(Scenario scenario, string directory)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(directory);
        if (!Directory.Exists(directory))
        {
            return (null, [new SubmissionProblem(SubmissionCodes.NotFound, $"The submission folder {directory} does not exist.", directory)]);
        }

        var problems = new List<SubmissionProblem>();
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in scenario.Files)
        {
            var path = Path.Combine(directory, file.Name);
            if (Read(path, file.Name, file.Form is not (FileForm.Attack or FileForm.Findings), problems) is { } text)
            {
                files[file.Name] = text;
            }
        }

        return (problems.Count == 0 ? new Submission(directory, files) : null, problems);
    }

    private static string? Read(string path, string name, bool json, List<SubmissionProblem> problems)
    {
        // INVARIANT: nothing is opened before its kind is known: a pipe blocks the grader at open, a device never ends,
        // and a link can lead outside the submission (to the solution, or to a teacher's file).
        switch (FileKinds.Of(path))
        {
            case FileKind.Missing:
                problems.Add(new SubmissionProblem(SubmissionCodes.FileMissing, $"The submission has no {name}; the scenario needs it (copy it from the scenario's starter/ folder).", path));
                return null;
            case FileKind.Link:
                problems.Add(new SubmissionProblem(SubmissionCodes.FileLink, $"{name} is a symbolic link; the grader reads only regular files inside the submission folder (copy the file instead of linking it).", path));
                return null;
            case FileKind.Directory:
            case FileKind.Special:
                problems.Add(new SubmissionProblem(SubmissionCodes.FileNotRegular, $"{name} is not a regular file (a folder, pipe, socket or device); the grader reads only regular files.", path));
                return null;
        }

        var length = new FileInfo(path).Length;
        if (length > MaxFileBytes)
        {
            problems.Add(new SubmissionProblem(SubmissionCodes.FileTooLarge,
                string.Create(CultureInfo.InvariantCulture, $"{name} is {length:N0} bytes; the grader reads files of at most {MaxFileBytes:N0} bytes (an IAM policy is at most 20 KB)."), path));
            return null;
        }

        byte[] bytes;
        try
        {
            bytes = ReadAtMost(path, MaxFileBytes + 1);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            problems.Add(new SubmissionProblem(SubmissionCodes.Unreadable, $"{name} cannot be read: {e.Message}", path));
            return null;
        }

        if (bytes.Length > MaxFileBytes)
        {
            // The file grew while it was read: the size it claimed no longer holds.
            problems.Add(new SubmissionProblem(SubmissionCodes.FileTooLarge,
                string.Create(CultureInfo.InvariantCulture, $"{name} is more than {MaxFileBytes:N0} bytes; the grader reads files of at most {MaxFileBytes:N0} bytes (an IAM policy is at most 20 KB)."), path));
            return null;
        }

        string text;
        try
        {
            text = StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            problems.Add(new SubmissionProblem(SubmissionCodes.NotUtf8, $"{name} is not UTF-8 text.", path));
            return null;
        }

        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            text = text[1..];
        }

        // An attack or findings file is YAML: the grader reads it and reports its problems with their own codes.
        return !json || CheckJson(text, name, path, problems) ? text : null;
    }

    // Reads at most `limit` bytes whatever the file claims its length is (a file can grow while it is read).
    private static byte[] ReadAtMost(string path, long limit)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 1, FileOptions.SequentialScan);
        var buffer = new byte[(int)Math.Min(limit, Math.Max(stream.Length, 4096))];
        var total = 0;
        while (total < limit)
        {
            if (total == buffer.Length)
            {
                Array.Resize(ref buffer, (int)Math.Min(limit, buffer.Length * 2L));
            }

            var read = stream.Read(buffer, total, buffer.Length - total);
            if (read == 0)
            {
                break;
            }

            total += read;
        }

        return buffer[..total];
    }

    // System.Text.Json counts bytes within the line; a learner counts characters.
    private static int CharacterColumn(string text, int line, int bytes)
    {
        var lines = text.Split('\n');
        if (line < 1 || line > lines.Length)
        {
            return bytes + 1;
        }

        var encoded = Encoding.UTF8.GetBytes(lines[line - 1]);
        return Encoding.UTF8.GetCharCount(encoded, 0, Math.Min(bytes, encoded.Length)) + 1;
    }

    private static bool CheckJson(string text, string name, string path, List<SubmissionProblem> problems)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            return true;
        }
        catch (JsonException e)
        {
            var line = (int)(e.LineNumber ?? 0) + 1;
            var column = CharacterColumn(text, line, (int)(e.BytePositionInLine ?? 0));
            var reason = JsonSyntaxText.Describe(e);
            problems.Add(new SubmissionProblem(SubmissionCodes.JsonSyntax, $"{name} is not valid JSON: {reason}", path, line, column));
            return false;
        }
    }
}
