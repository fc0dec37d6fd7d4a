using IamLab.Endpoint.Tests.S3;
using IamLab.World;

namespace IamLab.Endpoint.Tests.Ec2;

/// <summary>
/// The S3 world plus EC2: 111111111111 has the role <c>AppServerRole</c> (trusting ec2.amazonaws.com, reading
/// <c>lab-shared-data/app/*</c>) in the instance profile <c>AppServerProfile</c>, and two users: <c>launcher</c>
/// (ec2:RunInstances, ec2:AssociateIamInstanceProfile, iam:PassRole on AppServerRole) and <c>no-pass</c>
/// (ec2:RunInstances only).
/// </summary>
internal static class Ec2World
{
    public const string Role = "AppServerRole";
    public const string Profile = "AppServerProfile";
    public const string ProfileArn = "arn:aws:iam::111111111111:instance-profile/AppServerProfile";

    public static IamLab.World.Sts.Credentials Launcher(LabWorld world) => S3World.KeyOf(world, S3World.Owner, "launcher");

    public static IamLab.World.Sts.Credentials ImdsV2Only(LabWorld world) => S3World.KeyOf(world, S3World.Owner, "imdsv2-only");

    public static IamLab.World.Sts.Credentials NoPass(LabWorld world) => S3World.KeyOf(world, S3World.Owner, "no-pass");

    public static void Seed(LabWorld world)
    {
        S3World.Seed(world);
        var iam = world.Iam(S3World.Owner);
        S3World.Ok(iam.CreateRole(Role, """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}
            """).Error);
        S3World.Ok(iam.PutRolePolicy(Role, "read-app", """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::lab-shared-data/app/*"}]}
            """).Error);
        S3World.Ok(iam.CreateInstanceProfile(Profile).Error);
        S3World.Ok(iam.AddRoleToInstanceProfile(Profile, Role).Error);

        S3World.Ok(iam.CreateUser("launcher").Error);
        S3World.Ok(iam.PutUserPolicy("launcher", "launch", """
            {"Version":"2012-10-17","Statement":[
              {"Effect":"Allow","Action":["ec2:RunInstances","ec2:AssociateIamInstanceProfile","ec2:DescribeIamInstanceProfileAssociations","ec2:ModifyInstanceMetadataOptions"],"Resource":"*"},
              {"Effect":"Allow","Action":"iam:PassRole","Resource":"arn:aws:iam::111111111111:role/AppServerRole",
               "Condition":{"StringEquals":{"iam:PassedToService":"ec2.amazonaws.com"}}}]}
            """).Error);
        S3World.Ok(iam.CreateAccessKey("launcher").Error);

        // EC2 User Guide, "Require the use of IMDSv2": launches only with HttpTokens required and a hop limit of at most 1.
        S3World.Ok(iam.CreateUser("imdsv2-only").Error);
        S3World.Ok(iam.PutUserPolicy("imdsv2-only", "launch", """
            {"Version":"2012-10-17","Statement":[
              {"Effect":"Allow","Action":["ec2:RunInstances","ec2:ModifyInstanceMetadataOptions"],"Resource":"*",
               "Condition":{"StringEquals":{"ec2:MetadataHttpTokens":"required"},"NumericLessThanEquals":{"ec2:MetadataHttpPutResponseHopLimit":"1"}}},
              {"Effect":"Allow","Action":"iam:PassRole","Resource":"arn:aws:iam::111111111111:role/AppServerRole"}]}
            """).Error);
        S3World.Ok(iam.CreateAccessKey("imdsv2-only").Error);

        S3World.Ok(iam.CreateUser("no-pass").Error);
        S3World.Ok(iam.PutUserPolicy("no-pass", "launch", """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"ec2:RunInstances","Resource":"*"}]}
            """).Error);
        S3World.Ok(iam.CreateAccessKey("no-pass").Error);
    }
}
