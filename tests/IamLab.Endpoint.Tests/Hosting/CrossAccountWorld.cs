using Amazon.SecurityToken.Model;
using IamLab.World;

namespace IamLab.Endpoint.Tests.Hosting;

/// <summary>
/// The article's cross-account world: account 111111111111 owns the role <c>PartnerAccess</c>, which trusts the
/// account 999999999999 only with the ExternalId <c>unique-external-id-12345</c>; a user in 999999999999 may
/// assume roles; a role <c>Chainer</c> in 111111111111 trusts the partner too, with no ExternalId.
/// </summary>
internal static class CrossAccountWorld
{
    public const string Owner = "111111111111";
    public const string Partner = "999999999999";
    public const string ExternalId = "unique-external-id-12345";
    public const string RoleArn = "arn:aws:iam::111111111111:role/PartnerAccess";
    public const string ChainerArn = "arn:aws:iam::111111111111:role/Chainer";
    public const string PartnerCallerArn = "arn:aws:iam::999999999999:user/partner-dev";

    public static void Seed(LabWorld world)
    {
        world.CreateAccount(Owner);
        world.CreateAccount(Partner);
        var owner = world.Iam(Owner);
        Ok(owner.CreateRole("PartnerAccess", """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::999999999999:root"},
              "Action":"sts:AssumeRole","Condition":{"StringEquals":{"sts:ExternalId":"unique-external-id-12345"}}}]}
            """, maxSessionDuration: 43200).Error);
        Ok(owner.CreateRole("Chainer", """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111111111111:root"},"Action":"sts:AssumeRole"}]}
            """, maxSessionDuration: 43200).Error);
        Ok(owner.PutRolePolicy("PartnerAccess", "chain", """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sts:AssumeRole","Resource":"*"}]}
            """).Error);

        // AWS refuses AssumeRole with root credentials: the partner acts through an IAM user.
        var partner = world.Iam(Partner);
        Ok(partner.CreateUser("partner-dev").Error);
        Ok(partner.PutUserPolicy("partner-dev", "assume", """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sts:AssumeRole","Resource":"*"}]}
            """).Error);
        Ok(partner.CreateAccessKey("partner-dev").Error);
    }

    /// <summary>An STS client signing as partner-dev, the partner account's user allowed to assume roles.</summary>
    public static Amazon.SecurityToken.AmazonSecurityTokenServiceClient PartnerSts(LabServer server)
    {
        var key = server.World.Iam(Partner).Account.Users["partner-dev"].AccessKeys[0];
        return server.Sts(new Amazon.Runtime.BasicAWSCredentials(key.AccessKeyId, key.SecretAccessKey));
    }

    /// <summary>The partner account's user assumes <c>PartnerAccess</c> with the right ExternalId, as <paramref name="sessionName"/>.</summary>
    public static async Task<AssumeRoleResponse> AssumePartnerAccessAsync(LabServer server, string sessionName)
    {
        using var partner = PartnerSts(server);
        return await partner.AssumeRoleAsync(new AssumeRoleRequest
        {
            RoleArn = RoleArn,
            RoleSessionName = sessionName,
            ExternalId = ExternalId,
        });
    }

    private static void Ok(object? error)
    {
        if (error is not null)
        {
            throw new InvalidOperationException($"Seeding failed: {error}");
        }
    }
}
