using IamLab.Policy.Cases;
using Xunit;

namespace IamLab.Policy.Tests.Conformance;

/// <summary>Finds every case of tests/conformance (copied next to the test assembly).</summary>
public static class ConformanceCases
{
    public static string Root => Path.Combine(AppContext.BaseDirectory, "conformance");

    public static IEnumerable<string> Files() =>
        Directory.Exists(Root) ? Directory.EnumerateFiles(Root, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal) : [];

    public static TheoryData<string, int, string> All()
    {
        var data = new TheoryData<string, int, string>();
        foreach (var file in Files())
        {
            var relative = Path.GetRelativePath(Root, file).Replace('\\', '/');
            var (cases, error) = CaseReader.ReadMany(File.ReadAllText(file));
            if (error is not null)
            {
                data.Add(relative, -1, $"unreadable: {error.Message}");
                continue;
            }

            for (var i = 0; i < cases.Count; i++)
            {
                var parts = relative.Split('/');
                var label = $"{parts[0]} / {Path.GetFileNameWithoutExtension(parts[^1])} / {cases[i].Name}";
                data.Add(relative, i, label);
            }
        }

        return data;
    }
}
