using IamLab.Policy.Evaluation;

namespace IamLab.World.Tests.Simulation;

public class SimulatorTests
{
    [Fact]
    public void SimulatePrincipalPolicy_RoleWithS3ReadOnly_DecisionPerAction()
    {
        var lab = new Article();
        var role = lab.Dev1.CreateRole("EC2S3AccessRole", Article.Ec2Trust).Value;
        _ = lab.Dev1.AttachRolePolicy("EC2S3AccessRole", Article.S3ReadOnly).Value;

        var results = lab.Dev1.SimulatePrincipalPolicy(role.Arn, ["s3:GetObject", "s3:PutObject"], ["arn:aws:s3:::b/k"]).Value;

        Assert.Equal(["allowed", "implicitDeny"], results.Select(r => r.EvalDecision));
        Assert.Single(results[0].MatchedStatements);
        Assert.Empty(results[1].MatchedStatements);
    }

    [Fact]
    public void SimulateCustomPolicy_ReportsMissingContextKeys()
    {
        var lab = new Article();
        const string policy = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*","Condition":{"IpAddress":{"aws:SourceIp":"203.0.113.0/24"}}}]}""";

        var missing = lab.Dev1.SimulateCustomPolicy([policy], ["s3:GetObject"]).Value.Single();
        var given = lab.Dev1.SimulateCustomPolicy([policy], ["s3:GetObject"], context: new RequestContext().Set("aws:SourceIp", "203.0.113.7")).Value.Single();

        Assert.Equal("implicitDeny", missing.EvalDecision);
        Assert.Equal(["aws:SourceIp"], missing.MissingContextValues);
        Assert.Equal(("allowed", 0), (given.EvalDecision, given.MissingContextValues.Count));
    }
}
