namespace IamLab.Scenarios.Submissions;

/// <summary>
/// The codes of the problems that stop a submission from being graded (the lab's own; docs/error-codes.md and
/// docs/results-format.md). Each stops grading with exit status 2, except <see cref="Timeout"/>, which is reported per submission.
/// </summary>
public static class SubmissionCodes
{
    /// <summary>The submission folder does not exist.</summary>
    public const string NotFound = "SUBMISSION_NOT_FOUND";

    /// <summary>A file the scenario needs is not in the folder.</summary>
    public const string FileMissing = "SUBMISSION_FILE_MISSING";

    /// <summary>A file is a symbolic link (never followed).</summary>
    public const string FileLink = "SUBMISSION_FILE_LINK";

    /// <summary>A file is a folder, pipe, socket or device (never opened).</summary>
    public const string FileNotRegular = "SUBMISSION_FILE_NOT_REGULAR";

    /// <summary>A file is larger than the grader reads.</summary>
    public const string FileTooLarge = "SUBMISSION_FILE_TOO_LARGE";

    /// <summary>A file cannot be read.</summary>
    public const string Unreadable = "SUBMISSION_UNREADABLE";

    /// <summary>A file is not UTF-8 text.</summary>
    public const string NotUtf8 = "SUBMISSION_NOT_UTF8";

    /// <summary>A file is not valid JSON.</summary>
    public const string JsonSyntax = "SUBMISSION_JSON_SYNTAX";

    /// <summary>In a class run, a learner's folder is a symbolic link.</summary>
    public const string FolderLink = "SUBMISSION_FOLDER_LINK";

    /// <summary>Grading the submission took longer than the time limit.</summary>
    public const string Timeout = "SUBMISSION_TIMEOUT";
}
