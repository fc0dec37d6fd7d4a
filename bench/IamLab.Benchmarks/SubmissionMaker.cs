namespace IamLab.Benchmarks;

/// <summary>
/// Writes a class of N submissions for a scenario, for timing <c>iamlab grade ID --submissions DIR</c>: a mix of the
/// reference solution, the starter, the solution with one statement's condition dropped, and (one in twenty) a
/// file with broken JSON.
/// </summary>
internal static class SubmissionMaker
{
    public static void Write(string scenarioFolder, int count, string outputFolder)
    {
        var solution = Path.Combine(scenarioFolder, "solution");
        var starter = Path.Combine(scenarioFolder, "starter");
        var files = Directory.GetFiles(solution).Select(Path.GetFileName).OfType<string>().ToList();
        Directory.CreateDirectory(outputFolder);
        for (var i = 0; i < count; i++)
        {
            var folder = Path.Combine(outputFolder, $"student-{i:D4}");
            Directory.CreateDirectory(folder);
            foreach (var file in files)
            {
                var text = (i % 4) switch
                {
                    0 or 1 => File.ReadAllText(Path.Combine(solution, file)),
                    2 => File.ReadAllText(Path.Combine(starter, file)),
                    _ => DropCondition(File.ReadAllText(Path.Combine(solution, file))),
                };
                if (i % 20 == 19 && file == files[0])
                {
                    text = text.TrimEnd().TrimEnd('}');
                }

                File.WriteAllText(Path.Combine(folder, file), text);
            }
        }
    }

    // The solution with its first Condition block removed: the most common mistake in the scenarios.
    private static string DropCondition(string text)
    {
        var start = text.IndexOf(",\n      \"Condition\"", StringComparison.Ordinal);
        if (start < 0)
        {
            return text;
        }

        var depth = 0;
        for (var i = text.IndexOf('{', start); i < text.Length; i++)
        {
            depth += text[i] == '{' ? 1 : text[i] == '}' ? -1 : 0;
            if (depth == 0)
            {
                return string.Concat(text.AsSpan(0, start), text.AsSpan(i + 1));
            }
        }

        return text;
    }
}
