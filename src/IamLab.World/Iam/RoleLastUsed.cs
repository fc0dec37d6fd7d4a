namespace IamLab.World.Iam;

/// <summary>When a role was last assumed and in which region, as GetRole reports it.</summary>
public sealed record RoleLastUsed(DateTimeOffset LastUsedDate, string Region)
{
    /// <summary>
    /// How far back IAM reports a role's last use: "Activity is only reported for the trailing 400 days" (IAM API
    /// Reference, RoleLastUsed); an older use is reported as none.
    /// </summary>
    public static readonly TimeSpan TrackingPeriod = TimeSpan.FromDays(400);

    /// <summary>This use as GetRole reports it at <paramref name="now"/>: itself within the tracking period, else null.</summary>
    public RoleLastUsed? AsReportedAt(DateTimeOffset now) => now - LastUsedDate <= TrackingPeriod ? this : null;
}
