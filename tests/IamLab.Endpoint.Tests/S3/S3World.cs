using IamLab.World;
using IamLab.World.Sts;

namespace IamLab.Endpoint.Tests.S3;

/// <summary>
/// The cross-account S3 world: 111111111111 owns the bucket <c>lab-shared-data</c> and the role
/// <c>CrossAccountS3Access</c>, which 999999999999 may assume with the ExternalId <c>unique-external-id-12345</c> and
/// which may read, write and list the bucket. 999999999999 has a user <c>analyst</c> allowed s3:GetObject on the
/// bucket by its own identity policy (no bucket policy yet); 111111111111 has a user <c>nobody</c> with no policy.
/// </summary>
internal static class S3World
{
    public const string Owner = "111111111111";
    public const string Partner = "999999999999";
    public const string Bucket = "lab-shared-data";
    public const string ExternalId = "unique-external-id-12345";
    public const string RoleArn = "arn:aws:iam::111111111111:role/CrossAccountS3Access";
    public const string AnalystArn = "arn:aws:iam::999999999999:user/analyst";

    public const string PartnerCallerArn = "arn:aws:iam::999999999999:user/partner-dev";

    // Keys are read from each test's own world: secrets are random per world, and test classes run in parallel.
    public static Credentials Analyst(LabWorld world) => KeyOf(world, Partner, "analyst");

    public static Credentials Nobody(LabWorld world) => KeyOf(world, Owner, "nobody");

    /// <summary>partner-dev, a user of 999999999999 allowed sts:AssumeRole on any role (root may not assume roles).</summary>
    public static Credentials PartnerCaller(LabWorld world) => KeyOf(world, Partner, "partner-dev");

    public static Credentials KeyOf(LabWorld world, string account, string user)
    {
        ArgumentNullException.ThrowIfNull(world);
        var key = world.Iam(account).Account.Users[user].AccessKeys[0];
        return new Credentials(key.AccessKeyId, key.SecretAccessKey);
    }

    public static void Seed(LabWorld world)
    {
        world.CreateAccount(Owner);
        world.CreateAccount(Partner);
        var owner = world.Iam(Owner);
        Ok(owner.CreateRole("CrossAccountS3Access", """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::999999999999:root"},
              "Action":"sts:AssumeRole","Condition":{"StringEquals":{"sts:ExternalId":"unique-external-id-12345"}}}]}
            """).Error);
        Ok(owner.PutRolePolicy("CrossAccountS3Access", "s3", """
            {"Version":"2012-10-17","Statement":[
              {"Effect":"Allow","Action":["s3:GetObject","s3:PutObject","s3:DeleteObject"],"Resource":"arn:aws:s3:::lab-shared-data/*"},
              {"Effect":"Allow","Action":"s3:ListBucket","Resource":"arn:aws:s3:::lab-shared-data"}]}
            """).Error);
        Ok(world.S3.CreateBucket(Owner, Bucket).Error);
        Ok(owner.CreateUser("nobody").Error);
        Ok(owner.CreateAccessKey("nobody").Error);

        var partner = world.Iam(Partner);
        Ok(partner.CreateUser("analyst").Error);
        Ok(partner.PutUserPolicy("analyst", "read", """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::lab-shared-data/*"}]}
            """).Error);
        Ok(partner.CreateAccessKey("analyst").Error);
        Ok(partner.CreateUser("partner-dev").Error);
        Ok(partner.PutUserPolicy("partner-dev", "assume", """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sts:AssumeRole","Resource":"*"}]}
            """).Error);
        Ok(partner.CreateAccessKey("partner-dev").Error);
    }

    internal static void Ok(object? error)
    {
        if (error is not null)
        {
            throw new InvalidOperationException($"Seeding failed: {error}");
        }
    }
}
