using IamLab.World;
using IamLab.World.Sts;

namespace IamLab.LoadTest;

/// <summary>
/// The world every lab endpoint of the load test serves: account 111111111111 with the role <c>PartnerAccess</c>
/// (trusting 999999999999 with an ExternalId), and in 999999999999 the IAM user <c>loader</c> allowed to assume it,
/// whose access key signs the AssumeRole calls (AWS refuses AssumeRole with root credentials).
/// </summary>
internal static class LoadWorld
{
    public const string Owner = "111111111111";
    public const string Partner = "999999999999";
    public const string RoleArn = "arn:aws:iam::111111111111:role/PartnerAccess";
    public const string ExternalId = "unique-external-id-12345";

    /// <summary>A new world and the loader's key.</summary>
    /// <param name="extraRoles">Roles added to the owner's account besides <c>PartnerAccess</c> (<c>filler-0</c>, ...).</param>
    public static (LabWorld World, Credentials Key) Make(int extraRoles = 0)
    {
        var world = new LabWorld();
        world.CreateAccount(Owner);
        world.CreateAccount(Partner);
        Check(world.Iam(Owner).CreateRole("PartnerAccess", """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::999999999999:root"},
              "Action":"sts:AssumeRole","Condition":{"StringEquals":{"sts:ExternalId":"unique-external-id-12345"}}}]}
            """).IsSuccess);
        for (var i = 0; i < extraRoles; i++)
        {
            Check(world.Iam(Owner).CreateRole($"filler-{i}", """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}""").IsSuccess);
        }

        var partner = world.Iam(Partner);
        Check(partner.CreateUser("loader").IsSuccess);
        Check(partner.PutUserPolicy("loader", "assume", """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sts:AssumeRole","Resource":"*"}]}""").IsSuccess);
        var key = partner.CreateAccessKey("loader");
        Check(key.IsSuccess);
        return (world, key.Value);
    }

    /// <summary>Issues <paramref name="count"/> sessions in the world (in process), as that many AssumeRole calls would.</summary>
    public static void AddSessions(LabWorld world, Credentials key, int count)
    {
        for (var i = 0; i < count; i++)
        {
            Check(world.Sts.AssumeRole(key, new AssumeRoleRequest(RoleArn, "preload") { ExternalId = ExternalId }).IsSuccess);
        }
    }

    private static void Check(bool ok)
    {
        if (!ok)
        {
            throw new InvalidOperationException("Setting up the load test's world failed.");
        }
    }
}
