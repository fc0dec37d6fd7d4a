namespace IamLab.Lessons.Authoring;

/// <summary>A file the lesson build writes.</summary>
/// <param name="RelativePath">The path from the repository root, with '/' separators (e.g. <c>notebooks/05-cross-account-external-id.ipynb</c>).</param>
/// <param name="Text">The file's whole text.</param>
public sealed record GeneratedFile(string RelativePath, string Text);
