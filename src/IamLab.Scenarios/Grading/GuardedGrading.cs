using System.Diagnostics;
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
    /// Hints are shown at <paramref name="hintLevel"/>, and the world kept with <paramref name="keepWorld"/>, as
    /// <see cref="Grader.Grade(string, int, bool)"/> does.
    /// </summary>
    public static GradeOutcome Grade(Grader grader, string directory, TimeSpan timeout, bool refuseLinkedFolder, int hintLevel = 1, bool keepWorld = false)
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
        var work = Task.Run(() => grader.Grade(directory, hintLevel, keepWorld));
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

    /// <summary>
    /// Grades for a report: as <see cref="Grade"/> does and, with <paramref name="drawGraph"/> (an HTML page, which draws
    /// the learner's world), draws the access graph of the world the grader built and graded in
    /// (<see cref="GradedWorld.AccessGraph"/>) within what is left of the same <paramref name="timeout"/>. The page thus
    /// shows the world its grade was decided in, never one built a second time, and a submission cannot hold a class up
    /// through its pictures. The grade stands when the graph is not ready in time (or fails); the graph is then null, as
    /// it is without <paramref name="drawGraph"/>. The outcome returned never keeps the world.
    /// </summary>
    public static GradedWithGraph GradeForReport(Grader grader, string directory, TimeSpan timeout, bool refuseLinkedFolder, bool drawGraph, int hintLevel = 1)
    {
        ArgumentNullException.ThrowIfNull(grader);
        if (!drawGraph)
        {
            return new GradedWithGraph(Grade(grader, directory, timeout, refuseLinkedFolder, hintLevel), null);
        }

        grader.Prepare();
        var clock = Stopwatch.StartNew();
        var outcome = Grade(grader, directory, timeout, refuseLinkedFolder, hintLevel, keepWorld: true);
        var graded = outcome with { World = null };
        var left = timeout - clock.Elapsed;
        if (outcome.World is not { } world || left <= TimeSpan.Zero)
        {
            return new GradedWithGraph(graded, null);
        }

        var drawing = Task.Run(world.AccessGraph);
        try
        {
            return new GradedWithGraph(graded, drawing.Wait(left) ? drawing.Result : null);
        }
        catch (AggregateException)
        {
            return new GradedWithGraph(graded, null);
        }
    }

    private static GradeOutcome Refused(string code, string message, string directory) => new(null, [new SubmissionProblem(code, message, directory)]);
}
