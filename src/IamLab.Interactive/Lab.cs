using IamLab.World;
using IamLab.World.Sts;

namespace IamLab.Interactive;

/// <summary>
/// What the magic commands know, for C# cells: the world, the sessions, the policy cells, the last grade and the
/// endpoint. It is the state of the kernel the extension was loaded into last.
/// </summary>
public static class Lab
{
    private static LabNotebook current = new();

    /// <summary>The state of the current kernel.</summary>
    public static LabNotebook Current
    {
        get => Volatile.Read(ref current);
        internal set => Volatile.Write(ref current, value);
    }

    /// <summary>The world of the started scenario (or the one given to <see cref="Use"/>); null before either.</summary>
    public static LabWorld? World => Current.World;

    /// <summary>Uses a world built in C#; the commands that need a world then work on it.</summary>
    public static void Use(LabWorld world) => Current.Use(world);

    /// <summary>A session made in this notebook, by session name or access key id; null when there is none.</summary>
    public static Session? Session(string nameOrKey) => Current.FindSession(nameOrKey);

    /// <summary>
    /// A session made in this notebook, by session name or access key id; when there is none, fails with
    /// "Lab.RequireSession: UNKNOWN_SESSION: ..." naming the sessions there are (for SDK cells, which need one).
    /// </summary>
    public static Session RequireSession(string nameOrKey)
    {
        try
        {
            return CommandArguments.Session(Current.World, nameOrKey);
        }
        catch (LabCommandException e)
        {
            throw new LabCommandException(e.Code, $"Lab.RequireSession: {e.Code}: {e.Message}");
        }
    }

    /// <summary>The texts written by <c>#!lab-policy</c> cells, by file name.</summary>
    public static IReadOnlyDictionary<string, string> Policies => Current.Policies;

    /// <summary>The last grade report, or null.</summary>
    public static IamLab.Scenarios.Grading.GradeReport? LastGrade => Current.LastGrade;

    /// <summary>The running endpoint's URL as a string (for an SDK client's <c>ServiceURL</c>), or null.</summary>
    public static string? EndpointUrl => Current.EndpointUrl?.ToString().TrimEnd('/');
}
