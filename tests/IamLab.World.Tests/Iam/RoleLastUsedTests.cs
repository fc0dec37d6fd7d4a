using IamLab.World.Iam;

namespace IamLab.World.Tests.Iam;

/// <summary>
/// RoleLastUsed as IAM reports it: set when a session of the role is made (or recorded as history), and reported only
/// for the trailing 400 days (IAM API Reference, RoleLastUsed).
/// </summary>
public class RoleLastUsedTests
{
    [Fact]
    public void RecordRoleUse_SetsDateInUtcAndRegion_AndNoSuchRoleIsIamsError()
    {
        var lab = new Article();
        _ = lab.Dev1.CreateRole("Reports", Article.LambdaTrust).Value;

        var role = lab.Dev1.RecordRoleUse("Reports", new DateTimeOffset(2025, 2, 1, 10, 0, 0, TimeSpan.FromHours(2)), "eu-west-1").Value;
        var missing = lab.Dev1.RecordRoleUse("Nope", DateTimeOffset.UnixEpoch, "us-east-1").Error!;

        Assert.Equal(new RoleLastUsed(new DateTimeOffset(2025, 2, 1, 8, 0, 0, TimeSpan.Zero), "eu-west-1"), role.RoleLastUsed);
        Assert.Equal(TimeSpan.Zero, role.RoleLastUsed!.LastUsedDate.Offset);
        Assert.Equal("NoSuchEntity", missing.Code);
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(400, true)]
    [InlineData(401, false)]
    public void AsReportedAt_KeepsTheTrailing400Days(int daysAgo, bool reported)
    {
        var now = new DateTimeOffset(2026, 1, 15, 12, 0, 0, TimeSpan.Zero);
        var use = new RoleLastUsed(now.AddDays(-daysAgo), "us-east-1");

        Assert.Equal(reported ? use : null, use.AsReportedAt(now));
    }
}
