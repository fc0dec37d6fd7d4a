namespace IamLab.Scenarios.Submissions;

/// <summary>What a path names, without following a link: the grader reads only <see cref="Regular"/> files.</summary>
public enum FileKind
{
    /// <summary>Nothing is there.</summary>
    Missing,

    /// <summary>A regular file.</summary>
    Regular,

    /// <summary>A directory.</summary>
    Directory,

    /// <summary>A symbolic link (or, on Windows, a reparse point), whatever it points at.</summary>
    Link,

    /// <summary>A named pipe, socket or device: opening or reading it can block or never end.</summary>
    Special,
}
