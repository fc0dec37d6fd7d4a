using IamLab.Lessons.Charts;
using static IamLab.Interactive.Tests.Extension.TestWorlds;

namespace IamLab.Lessons.Tests.Charts;

/// <summary>The sessions on the world's clock, chained ones marked with the one-hour cap of role chaining.</summary>
public sealed class SessionTimelineTests
{
    [Fact]
    public void Timeline_marks_chained_sessions()
    {
        var world = CrossAccount();
        var dev = world.Iam(Caller).CreateAccessKey("dev").Value;
        var first = world.Sts.AssumeRole(dev, new IamLab.World.Sts.AssumeRoleRequest(CrossRole, "one") { ExternalId = ExternalId }).Value;
        world.Sts.AssumeRole(first.Credentials, new IamLab.World.Sts.AssumeRoleRequest(ReadOnlyRole, "two"));

        var timeline = SessionTimeline.Of(world.Sts.Sessions.Values, Start);

        Assert.Equal(["CrossAccountS3Access/one", "ReadOnly/two"], timeline.Bars.Select(b => b.Label));
        Assert.Equal([false, true], timeline.Bars.Select(b => b.IsChained));
        Assert.Equal(3600, timeline.Bars[1].CapSeconds);
    }
}
