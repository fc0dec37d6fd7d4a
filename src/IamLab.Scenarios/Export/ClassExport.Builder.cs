using IamLab.Scenarios.Submissions;

namespace IamLab.Scenarios.Export;

public static partial class ClassExport
{
    /// <summary>Collects the files and the left-out list; reads only regular files, never follows a link, never copies an answer.</summary>
    private sealed class Builder(SolutionFingerprints fingerprints)
    {
        private static readonly string[] BuildOutputFolders = ["bin", "obj", "artifacts", "TestResults", "node_modules"];

        // Folders of the lab that learners do not get although their parent goes: the notebooks' authoring sources (their
        // generator lives with the tests).
        private static readonly Dictionary<string, string> LeftOutFolders = new(StringComparer.Ordinal)
        {
            ["notebooks/src"] = "the notebooks' authoring sources (the notebooks generated from them are exported)",
        };

        public List<ExportFile> Files { get; } = [];

        public List<LeftOutItem> LeftOut { get; } = [];

        public void Leave(string path, string reason) => LeftOut.Add(new LeftOutItem(path, reason));

        public void Add(string path, byte[] content, bool executable = false) => Files.Add(new ExportFile(path, content, executable));

        public void CopyFile(string source, string path)
        {
            switch (FileKinds.Of(source))
            {
                case FileKind.Link:
                    Leave(path, "a symbolic link (never followed)");
                    return;
                case FileKind.Regular:
                    break;
                default:
                    Leave(path, "not a regular file");
                    return;
            }

            var content = File.ReadAllBytes(source);
            if (fingerprints.FindIn(path, content) is { } answer)
            {
                Leave(path, $"it holds text or a policy statement of {answer}");
                return;
            }

            Add(path, content);
        }

        public void CopyFolder(string source, string path, Func<string, string?> leaveReason)
        {
            if (FileKinds.Of(source) != FileKind.Directory)
            {
                Leave(path + "/", "a symbolic link or special file (never followed)");
                return;
            }

            if (LeftOutFolders.TryGetValue(path, out var why))
            {
                Leave(path + "/", why);
                return;
            }

            foreach (var entry in Directory.EnumerateFileSystemEntries(source).Order(StringComparer.Ordinal))
            {
                var name = Path.GetFileName(entry);
                var relative = $"{path}/{name}";
                var kind = FileKinds.Of(entry);
                if (kind == FileKind.Directory)
                {
                    if (!BuildOutputFolders.Contains(name, StringComparer.Ordinal))
                    {
                        CopyFolder(entry, relative, leaveReason);
                    }
                }
                else if (kind == FileKind.Regular && leaveReason(entry) is { } reason)
                {
                    Leave(relative, reason);
                }
                else
                {
                    CopyFile(entry, relative);
                }
            }
        }
    }
}
