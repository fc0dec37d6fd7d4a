using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;
using IamLab.Endpoint.Tests.Hosting;
using IamLab.World;
using Xunit;

namespace IamLab.Endpoint.Tests.Sts;

/// <summary>
/// A source identity set with the AWS SDK stays with every session chained from it, so the chained AssumeRole needs
/// sts:SetSourceIdentity in the next role's trust even though it does not name the source identity (IAM User Guide,
/// "Monitor and control actions taken with assumed roles", "Role chaining and cross-account requirements").
/// </summary>
public sealed class SourceIdentityChainTests
{
    private const string First = "arn:aws:iam::111111111111:role/First";

    private static void Seed(LabWorld world, string nextTrustActions)
    {
        CrossAccountWorld.Seed(world);
        _ = world.Iam(CrossAccountWorld.Partner).PutUserPolicy("partner-dev", "si", """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sts:SetSourceIdentity","Resource":"*"}]}
            """).Value;
        var owner = world.Iam(CrossAccountWorld.Owner);
        _ = owner.CreateRole("First", """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::999999999999:root"},"Action":["sts:AssumeRole","sts:SetSourceIdentity"]}]}
            """).Value;
        _ = owner.PutRolePolicy("First", "chain", """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["sts:AssumeRole","sts:SetSourceIdentity"],"Resource":"*"}]}""").Value;
        _ = owner.CreateRole("Next", $$"""
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"{{First}}"},"Action":[{{nextTrustActions}}]}]}
            """).Value;
    }

    private static async Task<AssumeRoleResponse> FirstHopAsync(LabServer server)
    {
        using var partner = CrossAccountWorld.PartnerSts(server);
        return await partner.AssumeRoleAsync(new AssumeRoleRequest { RoleArn = First, RoleSessionName = "alice-work", SourceIdentity = "alice" });
    }

    [Fact]
    public async Task ChainedAssumeRole_NextTrustAllowsSetSourceIdentity_KeepsTheSourceIdentity()
    {
        await using var server = await LabServer.StartAsync(w => Seed(w, "\"sts:AssumeRole\",\"sts:SetSourceIdentity\""));
        var first = await FirstHopAsync(server);
        using var asFirst = server.Sts(first.Credentials);

        var next = await asFirst.AssumeRoleAsync(new AssumeRoleRequest { RoleArn = "arn:aws:iam::111111111111:role/Next", RoleSessionName = "hop2" });

        Assert.Equal("alice", next.SourceIdentity);
        Assert.Equal("alice", server.World.Sts.Sessions[next.Credentials.AccessKeyId].SourceIdentity);
    }

    [Fact]
    public async Task ChainedAssumeRole_NextTrustWithoutSetSourceIdentity_AccessDenied()
    {
        await using var server = await LabServer.StartAsync(w => Seed(w, "\"sts:AssumeRole\""));
        var first = await FirstHopAsync(server);
        using var asFirst = server.Sts(first.Credentials);

        var error = await Assert.ThrowsAsync<AmazonSecurityTokenServiceException>(() =>
            asFirst.AssumeRoleAsync(new AssumeRoleRequest { RoleArn = "arn:aws:iam::111111111111:role/Next", RoleSessionName = "hop2" }));

        Assert.Equal("AccessDenied", error.ErrorCode);
        Assert.StartsWith("User: arn:aws:sts::111111111111:assumed-role/First/alice-work is not authorized to perform: sts:SetSourceIdentity on resource: arn:aws:iam::111111111111:role/Next",
            error.Message, StringComparison.Ordinal);
    }
}
