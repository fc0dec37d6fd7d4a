using IamLab.World.Iam;
using IamLab.World.Sts;
using Microsoft.Extensions.Time.Testing;

namespace IamLab.World.Tests;

/// <summary>The article's world: accounts 111111111111 (alice) and 999999999999 (CrossAccountS3Access), on a fake clock.</summary>
internal sealed class Article
{
    public const string Dev = "111111111111";
    public const string Prod = "999999999999";
    public const string ExternalId = "unique-external-id-12345";
    public const string CrossAccountRoleArn = "arn:aws:iam::999999999999:role/CrossAccountS3Access";

    public static readonly string S3ReadOnly = "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess";
    public static readonly string S3Full = "arn:aws:iam::aws:policy/AmazonS3FullAccess";
    public static readonly string LambdaBasic = "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole";

    /// <summary>FederatedDeveloperAccess's trust: the MyCompanySSO SAML provider, responses for AWS's sign-in endpoint.</summary>
    public const string SamlTrust = """
        {"Version":"2012-10-17","Statement":[{"Effect":"Allow",
          "Principal":{"Federated":"arn:aws:iam::111111111111:saml-provider/MyCompanySSO"},
          "Action":"sts:AssumeRoleWithSAML",
          "Condition":{"StringEquals":{"SAML:aud":"https://signin.aws.amazon.com/saml"}}}]}
        """;

    /// <summary>GitHubActionsRole's trust: GitHub's OIDC provider, audience sts.amazonaws.com, any ref of myorg/myrepo.</summary>
    public const string GitHubTrust = """
        {"Version":"2012-10-17","Statement":[{"Effect":"Allow",
          "Principal":{"Federated":"arn:aws:iam::111111111111:oidc-provider/token.actions.githubusercontent.com"},
          "Action":"sts:AssumeRoleWithWebIdentity",
          "Condition":{"StringEquals":{"token.actions.githubusercontent.com:aud":"sts.amazonaws.com"},
                       "StringLike":{"token.actions.githubusercontent.com:sub":"repo:myorg/myrepo:*"}}}]}
        """;

    public const string Ec2Trust = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}""";
    public const string LambdaTrust = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}]}""";
    public const string CrossAccountTrust = """
        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111111111111:root"},"Action":"sts:AssumeRole",
          "Condition":{"StringEquals":{"sts:ExternalId":"unique-external-id-12345"}}}]}
        """;
    public const string AllowAssumeAnyRole = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sts:AssumeRole","Resource":"*"}]}""";

    public Article()
    {
        World = new LabWorld(Clock, seed: 42);
        _ = World.CreateAccount(Dev).Value;
        _ = World.CreateAccount(Prod).Value;
        _ = Dev1.CreateUser("alice").Value;
        Alice = Dev1.CreateAccessKey("alice").Value;
    }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2025, 3, 1, 9, 0, 0, TimeSpan.Zero));

    public LabWorld World { get; }

    public IamService Dev1 => World.Iam(Dev);

    public IamService Prod9 => World.Iam(Prod);

    public Credentials Alice { get; }

    /// <summary>The cross-account role in 999999999999 with S3 read access, and alice allowed to assume roles.</summary>
    public Article WithCrossAccountRole()
    {
        _ = Prod9.CreateRole("CrossAccountS3Access", CrossAccountTrust).Value;
        _ = Prod9.AttachRolePolicy("CrossAccountS3Access", S3ReadOnly).Value;
        _ = Dev1.PutUserPolicy("alice", "AssumeRoles", AllowAssumeAnyRole).Value;
        return this;
    }

    public static AssumeRoleRequest CrossAccount(string session = "alice-session") =>
        new(CrossAccountRoleArn, session) { ExternalId = ExternalId };
}
