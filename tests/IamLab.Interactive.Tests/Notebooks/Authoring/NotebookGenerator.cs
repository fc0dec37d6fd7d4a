namespace IamLab.Interactive.Tests.Notebooks.Authoring;

/// <summary>Turns every <c>notebooks/src/NAME.cells</c> into the text of <c>notebooks/NAME.ipynb</c>.</summary>
internal static class NotebookGenerator
{
    /// <summary>Set this environment variable to 1 to have the source test rewrite the notebooks.</summary>
    public const string WriteVariable = "IAMLAB_WRITE_NOTEBOOKS";

    public static IEnumerable<string> Sources() =>
        Directory.EnumerateFiles(RepositoryPaths.NotebookSources, "*.cells").Order(StringComparer.Ordinal);

    /// <summary>The notebook's file name and its JSON.</summary>
    public static (string Name, string Json) Generate(string source)
    {
        var cells = NotebookSource.Read(source, RepositoryPaths.Scenarios);
        return (Path.GetFileNameWithoutExtension(source) + ".ipynb", NotebookJson.Write(cells));
    }

    public static IEnumerable<(string Name, string Json)> GenerateAll() => Sources().Select(Generate);
}
