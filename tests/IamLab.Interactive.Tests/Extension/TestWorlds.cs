using IamLab.World;
using Microsoft.Extensions.Time.Testing;

namespace IamLab.Interactive.Tests.Extension;

/// <summary>Small worlds the command tests act on, built with the world's own IAM API.</summary>
public static class TestWorlds
{
    public const string Caller = "111111111111";
    public const string Target = "999999999999";
    public const string Dev = "arn:aws:iam::111111111111:user/dev";
    public const string CrossRole = "arn:aws:iam::999999999999:role/CrossAccountS3Access";
    public const string ReadOnlyRole = "arn:aws:iam::999999999999:role/ReadOnly";
    public const string ExternalId = "unique-external-id-12345";
    public const string SamlRole = "arn:aws:iam::111111111111:role/FederatedDeveloperAccess";
    public const string SamlProvider = "arn:aws:iam::111111111111:saml-provider/MyCompanySSO";
    public const string GitHubRole = "arn:aws:iam::111111111111:role/GitHubActionsRole";
    public static readonly DateTimeOffset Start = new(2026, 1, 15, 12, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// dev (111111111111) may call sts:AssumeRole; CrossAccountS3Access (999999999999) trusts 111111111111 with the
    /// ExternalId, may read shared-data-999 except private/ (an explicit Deny) and may assume ReadOnly, which trusts it.
    /// </summary>
    public static LabWorld CrossAccount(FakeTimeProvider? time = null)
    {
        var world = new LabWorld(time ?? new FakeTimeProvider(Start));
        Ok(world.CreateAccount(Caller).IsSuccess);
        Ok(world.CreateAccount(Target).IsSuccess);
        var caller = world.Iam(Caller);
        Ok(caller.CreateUser("dev").IsSuccess);
        Ok(caller.PutUserPolicy("dev", "AssumeRoles", """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sts:AssumeRole","Resource":"*"}]}""").IsSuccess);
        var target = world.Iam(Target);
        Ok(target.CreateRole("CrossAccountS3Access", """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111111111111:root"},"Action":"sts:AssumeRole",
              "Condition":{"StringEquals":{"sts:ExternalId":"unique-external-id-12345"}}}]}
            """).IsSuccess);
        Ok(target.PutRolePolicy("CrossAccountS3Access", "Data", """
            {"Version":"2012-10-17","Statement":[
              {"Sid":"ReadShared","Effect":"Allow","Action":["s3:GetObject","s3:ListBucket"],"Resource":["arn:aws:s3:::shared-data-999","arn:aws:s3:::shared-data-999/*"]},
              {"Sid":"NoPrivate","Effect":"Deny","Action":"s3:*","Resource":"arn:aws:s3:::shared-data-999/private/*"},
              {"Sid":"Chain","Effect":"Allow","Action":"sts:AssumeRole","Resource":"arn:aws:iam::999999999999:role/ReadOnly"}]}
            """).IsSuccess);
        Ok(target.CreateRole("ReadOnly", """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::999999999999:role/CrossAccountS3Access"},"Action":"sts:AssumeRole"}]}""").IsSuccess);
        Ok(world.S3.CreateBucket(Target, "shared-data-999").IsSuccess);
        return world;
    }

    /// <summary>The cross-account world plus a SAML provider and role, and a GitHub OIDC provider and role, in 111111111111.</summary>
    public static LabWorld Federated(FakeTimeProvider? time = null)
    {
        var world = CrossAccount(time);
        Ok(world.Federation.CreateSamlProvider(Caller, "MyCompanySSO").IsSuccess);
        Ok(world.Federation.CreateGitHubProvider(Caller).IsSuccess);
        var iam = world.Iam(Caller);
        Ok(iam.CreateRole("FederatedDeveloperAccess", """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Federated":"arn:aws:iam::111111111111:saml-provider/MyCompanySSO"},
              "Action":"sts:AssumeRoleWithSAML","Condition":{"StringEquals":{"SAML:aud":"https://signin.aws.amazon.com/saml"}}}]}
            """).IsSuccess);
        Ok(iam.CreateRole("GitHubActionsRole", """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Federated":"arn:aws:iam::111111111111:oidc-provider/token.actions.githubusercontent.com"},
              "Action":"sts:AssumeRoleWithWebIdentity","Condition":{"StringEquals":{"token.actions.githubusercontent.com:aud":"sts.amazonaws.com"},
              "StringLike":{"token.actions.githubusercontent.com:sub":"repo:myorg/myrepo:*"}}}]}
            """).IsSuccess);
        return world;
    }

    private static void Ok(bool done)
    {
        if (!done)
        {
            throw new InvalidOperationException("The test world could not be built.");
        }
    }
}
