using IamLab.Lessons.Charts;
using static IamLab.Interactive.Tests.Extension.TestWorlds;

namespace IamLab.Lessons.Tests.Charts;

/// <summary>The decision matrix asks the world for every principal and action, through the whole policy stack.</summary>
public sealed class DecisionMatrixTests
{
    [Fact]
    public void Decision_matrix_asks_the_whole_policy_stack()
    {
        var matrix = DecisionMatrix.Build(CrossAccount(), [Dev, CrossRole], ["s3:GetObject", "s3:DeleteObject"], "arn:aws:s3:::shared-data-999/public/a.csv");

        Assert.Equal(["implicitDeny", "implicitDeny"], matrix.Decisions[0]);
        Assert.Equal(["allowed", "implicitDeny"], matrix.Decisions[1]);
    }
}
