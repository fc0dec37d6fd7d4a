using CsCheck;

namespace IamLab.Policy.Tests.Properties;

/// <summary>Generators of policy JSON and requests over a small alphabet, so matches are common.</summary>
internal static class PolicyGen
{
    public static readonly string[] Actions = ["s3:GetObject", "s3:PutObject", "s3:ListBucket", "sts:AssumeRole", "iam:PassRole", "ec2:RunInstances"];
    public static readonly string[] ActionPatterns = ["s3:*", "s3:Get*", "*", "sts:AssumeRole", "iam:PassRole", "ec2:*", "s3:?etObject", "S3:GETOBJECT"];
    public static readonly string[] Resources = ["arn:aws:s3:::bucket/a.txt", "arn:aws:s3:::bucket/public/b.txt", "arn:aws:s3:::other/c", "arn:aws:iam::111111111111:role/RoleA"];
    public static readonly string[] ResourcePatterns = ["*", "arn:aws:s3:::bucket/*", "arn:aws:s3:::bucket/public/*", "arn:aws:s3:::*", "arn:aws:iam::111111111111:role/*", "arn:aws:s3:::other/c"];
    public static readonly string[] Ips = ["203.0.113.7", "198.51.100.1", "2001:db8::1"];
    public static readonly string[] Cidrs = ["203.0.113.0/24", "198.51.100.0/24", "2001:db8::/32"];

    public static readonly Gen<string> Condition = Gen.OneOf(
        Gen.Const(string.Empty),
        Gen.OneOf(Cidrs).Select(c => $", \"Condition\": {{\"IpAddress\": {{\"aws:SourceIp\": \"{c}\"}}}}"),
        Gen.OneOf(Cidrs).Select(c => $", \"Condition\": {{\"NotIpAddress\": {{\"aws:SourceIp\": \"{c}\"}}}}"),
        Gen.OneOf("true", "false").Select(b => $", \"Condition\": {{\"Bool\": {{\"aws:MultiFactorAuthPresent\": \"{b}\"}}}}"));

    public static readonly Gen<string> Statement =
        Gen.Select(Gen.OneOf("Allow", "Deny"), Gen.OneOf(ActionPatterns).Array[1, 3], Gen.OneOf(ResourcePatterns).Array[1, 3], Condition, Gen.Bool)
            .Select((effect, actions, resources, condition, notAction) =>
                $"{{\"Effect\": \"{effect}\", \"{(notAction ? "NotAction" : "Action")}\": [{string.Join(", ", actions.Select(a => $"\"{a}\""))}], \"Resource\": [{string.Join(", ", resources.Select(r => $"\"{r}\""))}]{condition}}}");

    public static readonly Gen<string> Policy = Statement.Array[0, 4].Select(s => $"{{\"Version\": \"2012-10-17\", \"Statement\": [{string.Join(", ", s)}]}}");

    public static readonly Gen<(string Action, string Resource, string Ip, string Mfa)> Request =
        Gen.Select(Gen.OneOf(Actions), Gen.OneOf(Resources), Gen.OneOf(Ips), Gen.OneOf("true", "false"));
}
