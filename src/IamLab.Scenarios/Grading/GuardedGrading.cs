using System.Globalization;
using IamLab.Scenarios.Submissions;

namespace IamLab.Scenarios.Grading;

/// <summary>
/// Grades one submission so that no submission can take the others down: a time limit, a failure of the grader turned
/// into that learner's problem, and (in a class) a learner folder that is a link refused. What went wrong is a
/// <see cref="SubmissionProblem"/> with a stable code, as for a file that cannot be read.
/// </summary>
public static class GuardedGrading
{
    /// <summary>The default time limit for one submission.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Grades <paramref name="directory"/> within <paramref name="timeout"/>. With <paramref name="refuseLinkedFolder"/>
    /// (a class run), a folder that is itself a symbolic link is refused: it could lead to another learner's or the teacher's files.
    /// Hints are shown at <paramref name="hintLevel"/> as <see cref="Grader.Grade(string, int)"/> shows them.
    /// </summary>
    public static GradeOutcome Grade(Grader grader, string directory, TimeSpan timeout, bool refuseLinkedFolder, int hintLevel = 1)
    {
        ArgumentNullException.ThrowIfNull(grader);
        ArgumentNullException.ThrowIfNull(directory);
        if (refuseLinkedFolder && FileKinds.Of(Path.TrimEndingDirectorySeparator(directory)) == FileKind.Link)
        {
            return Refused(SubmissionCodes.FolderLink, "The submission folder is a symbolic link; a class folder must hold each learner's files in a real folder.", directory);
        }

        grader.Prepare();

        // The grader reads bounded regular files and evaluates without blocking, so a limit is a last guard; a grading that
        // overruns it cannot be stopped (.NET has no thread abort) and finishes unobserved in the background.
        var work = Task.Run(() => grader.Grade(directory, hintLevel));
        try
        {
            if (!work.Wait(timeout))
            {
                return Refused(SubmissionCodes.Timeout,
                    string.Create(CultureInfo.InvariantCulture, $"Grading took longer than {timeout.TotalSeconds:0.#} s and was stopped; the submission gets no grade (see --timeout)."), directory);
            }

            return work.Result;
        }
        catch (AggregateException e) when (e.InnerException is { } inner)
        {
            var what = inner is OutOfMemoryException or InsufficientExecutionStackException
                ? "ran out of memory or stack on this submission"
                : $"failed on this submission ({inner.GetType().Name}: {inner.Message})";
            return Refused(GradingCodes.InternalError, $"The grader {what}; this is a bug in the lab, please report it with the submission.", directory);
        }
    }

    private static GradeOutcome Refused(string code, string message, string directory) => new(null, [new SubmissionProblem(code, message, directory)]);
}
