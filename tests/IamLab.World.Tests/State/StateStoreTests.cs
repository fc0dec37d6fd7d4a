using System.Text.Json;
using System.Runtime.CompilerServices;
using IamLab.World.Federation;
using IamLab.World.State;
using IamLab.World.Sts;
using IamLab.World.Tests.Federation;

namespace IamLab.World.Tests.State;

public sealed class StateStoreTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("iamlab-state-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    internal static Article Populated()
    {
        var lab = new Article().WithCrossAccountRole();
        _ = lab.Dev1.CreateRole("EC2S3AccessRole", Article.Ec2Trust).Value;
        _ = lab.Dev1.CreateInstanceProfile("EC2S3AccessProfile").Value;
        _ = lab.Dev1.AddRoleToInstanceProfile("EC2S3AccessProfile", "EC2S3AccessRole").Value;
        _ = lab.World.Compute.RunInstance(Article.Dev, "EC2S3AccessProfile").Value;
        _ = lab.World.S3.CreateBucket(Article.Prod, "company-data").Value;
        _ = lab.World.S3.Seed("company-data", "public/a.txt", [1, 2, 3]).Value;
        var crossAccount = lab.World.Sts.AssumeRole(lab.Alice, Article.CrossAccount()).Value;
        _ = lab.Prod9.CreateRole("RoleB", """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::999999999999:root"},"Action":["sts:AssumeRole","sts:TagSession","sts:SetSourceIdentity"]}]}""").Value;
        _ = lab.Prod9.PutRolePolicy("CrossAccountS3Access", "Chain", """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["sts:AssumeRole","sts:TagSession","sts:SetSourceIdentity"],"Resource":"*"}]}""").Value;
        _ = lab.World.Sts.AssumeRole(crossAccount.Credentials, new AssumeRoleRequest("arn:aws:iam::999999999999:role/RoleB", "chained")
        {
            Tags = [new Tag("team", "data")], TransitiveTagKeys = ["team"], SourceIdentity = "alice",
            Policy = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::company-data/public/*"}]}""",
        }).Value;

        _ = lab.World.Federation.ConfigureSamlIdentityProvider(FederationService.DefaultSamlEntityId, TestKeys.First);
        _ = lab.World.Federation.ConfigureGitHubIssuer(TestKeys.Second);
        _ = lab.World.Federation.CreateSamlProvider(Article.Dev, "MyCompanySSO").Value;
        _ = lab.World.Federation.CreateGitHubProvider(Article.Dev).Value;
        _ = lab.Dev1.CreateRole("FederatedDeveloperAccess", SamlTrust).Value;
        _ = lab.Dev1.CreateRole("GitHubActionsRole", GitHubTrust).Value;
        _ = lab.World.Federation.SignInWithSaml(SamlAlice, "arn:aws:iam::111111111111:role/FederatedDeveloperAccess", SamlProviderArn).Value;
        _ = lab.World.Federation.AssumeRoleFromGitHub(GitHubWorkflowClaims.ForBranch("myorg/myrepo"), "arn:aws:iam::111111111111:role/GitHubActionsRole", "gha-1").Value;

        _ = lab.Dev1.CreateRole("LambdaS3ReadRole", Article.LambdaTrust).Value;
        var function = lab.World.Compute.CreateFunction(Article.Dev, "MyFunction", "arn:aws:iam::111111111111:role/LambdaS3ReadRole", _ => "ok").Value;
        _ = lab.World.Compute.Invoke(function.Arn).Value;
        return lab;
    }

    private const string SamlProviderArn = "arn:aws:iam::111111111111:saml-provider/MyCompanySSO";

    private const string SamlTrust = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Federated":"arn:aws:iam::111111111111:saml-provider/MyCompanySSO"},"Action":"sts:AssumeRoleWithSAML","Condition":{"StringEquals":{"SAML:aud":"https://signin.aws.amazon.com/saml"}}}]}""";

    private const string GitHubTrust = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Federated":"arn:aws:iam::111111111111:oidc-provider/token.actions.githubusercontent.com"},"Action":"sts:AssumeRoleWithWebIdentity","Condition":{"StringLike":{"token.actions.githubusercontent.com:sub":"repo:myorg/myrepo:*"}}}]}""";

    private static readonly SamlUser SamlAlice = new()
    {
        NameId = "alice@mycompany.example",
        RoleSessionName = "alice",
        Roles = [new SamlRolePair("arn:aws:iam::111111111111:role/FederatedDeveloperAccess", SamlProviderArn)],
    };

    [Fact]
    public void SaveLoadSave_GivesTheSameDocument()
    {
        var lab = Populated();
        var path = Path.Combine(directory, "world.json");
        StateStore.Save(lab.World, path);
        var first = File.ReadAllText(path);

        var loaded = StateStore.Load(path, lab.Clock).Value;
        StateStore.Save(loaded, path);

        Assert.Equal(first, File.ReadAllText(path));
        Assert.False(File.Exists(path + ".tmp"));
        // The document really holds what the test claims survives the round trip.
        Assert.Equal(6, loaded.Sts.Sessions.Count); // instance, cross-account, chained, SAML, GitHub, Lambda
        Assert.Single(loaded.Compute.Instances);
        Assert.Single(loaded.Iam(Article.Dev).Account.SamlProviders);
        Assert.Single(loaded.Iam(Article.Dev).Account.OidcProviders);
        Assert.Contains("company-data", first, StringComparison.Ordinal);
    }

    [Fact]
    public void SaveLoadSave_ByteForByte()
    {
        var lab = Populated();
        var path = Path.Combine(directory, "world.json");
        StateStore.Save(lab.World, path);
        var first = File.ReadAllBytes(path);

        StateStore.Save(StateStore.Load(path, lab.Clock).Value, path);

        Assert.Equal(first, File.ReadAllBytes(path));
    }

    // world-format-1.json was written by the lab before sessions moved from a sorted dictionary to a hash table
    // (and lost their empty collections and per-session string copies): the same world must still give that document.
    internal static string FormatOneDocument([CallerFilePath] string here = "") =>
        File.ReadAllText(Path.Combine(Path.GetDirectoryName(here)!, "world-format-1.json"));

    [Fact]
    public void FormerDocument_LoadsAndSavesByteForByte()
    {
        var former = FormatOneDocument();

        var loaded = StateStore.Deserialize(former, new Article().Clock).Value;

        Assert.Equal(former, StateStore.Serialize(loaded));
        Assert.Equal(6, loaded.Sts.Sessions.Count);
    }

    [Fact]
    public void SameWorld_WritesTheFormerSessions()
    {
        // The lab's identity providers get fresh keys and certificates in every world, so only the parts that do
        // not embed them are compared: the sessions (what changed representation), and the rest of the world.
        using var former = JsonDocument.Parse(FormatOneDocument());
        using var now = JsonDocument.Parse(StateStore.Serialize(Populated().World));

        foreach (var part in new[] { "FormatVersion", "Counter", "Buckets", "Instances", "Functions" })
        {
            Assert.Equal(former.RootElement.GetProperty(part).GetRawText(), now.RootElement.GetProperty(part).GetRawText());
        }

        // Session secrets and tokens come from the cryptographic generator: everything else about a session is compared.
        Assert.Equal(WithoutSecrets(former.RootElement.GetProperty("Sessions")), WithoutSecrets(now.RootElement.GetProperty("Sessions")));

        Assert.Equal(6, now.RootElement.GetProperty("Sessions").EnumerateObject().Count());
    }

    // Every property but the secrets (SecretAccessKey, SessionToken), at any depth, as "path=value" lines.
    private static List<string> WithoutSecrets(JsonElement element, string path = "")
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return [$"{path}={element.GetRawText()}"];
        }

        return [.. element.EnumerateObject()
            .Where(p => p.Name is not ("SecretAccessKey" or "SessionToken"))
            .SelectMany(p => WithoutSecrets(p.Value, $"{path}.{p.Name}"))];
    }

    [Fact]
    public void Reloaded_KeepsTheLabIdentityProvidersKeys()
    {
        var lab = Populated();
        var loaded = StateStore.Deserialize(StateStore.Serialize(lab.World), lab.Clock).Value;

        var saml = loaded.Federation.SignInWithSaml(SamlAlice, "arn:aws:iam::111111111111:role/FederatedDeveloperAccess", SamlProviderArn);
        var github = loaded.Federation.AssumeRoleFromGitHub(GitHubWorkflowClaims.ForBranch("myorg/myrepo"), "arn:aws:iam::111111111111:role/GitHubActionsRole", "gha-2");

        Assert.True(saml.IsSuccess, saml.ToString());
        Assert.True(github.IsSuccess, github.ToString());
        Assert.Equal(lab.World.Federation.GitHubIssuer.KeyId, loaded.Federation.GitHubIssuer.KeyId);
    }

    [Fact]
    public void Reloaded_KeepsTheChainOfSessions()
    {
        var lab = Populated();
        var chained = lab.World.Sts.Sessions.Values.Single(s => s.SessionName == "chained");
        var loaded = StateStore.Deserialize(StateStore.Serialize(lab.World), lab.Clock).Value;

        var hops = loaded.Sts.Chain(chained.AccessKeyId);

        Assert.Equal(["arn:aws:iam::111111111111:user/alice", "arn:aws:sts::999999999999:assumed-role/CrossAccountS3Access/alice-session",
            "arn:aws:sts::999999999999:assumed-role/RoleB/chained"], hops.Select(h => h.Arn));
        var reloaded = loaded.Sts.Sessions[chained.AccessKeyId];
        Assert.Equal(("alice", "team"), (reloaded.SourceIdentity, reloaded.TransitiveTagKeys.Single()));
    }

    [Fact]
    public void Loaded_KeepsBehaviourAndCaseInsensitiveNames()
    {
        var lab = Populated();
        var loaded = StateStore.Deserialize(StateStore.Serialize(lab.World), lab.Clock).Value;

        Assert.True(loaded.Iam(Article.Dev).GetRole("ec2s3accessrole").IsSuccess);
        Assert.True(loaded.Sts.AssumeRole(lab.Alice, Article.CrossAccount("again")).IsSuccess);
        // The id stream continues where it was saved, so the reloaded world issues what the original would have.
        Assert.Equal(lab.World.Sts.AssumeRole(lab.Alice, Article.CrossAccount("again")).Value.Credentials.AccessKeyId,
            loaded.Sts.Sessions.Values.Single(s => s.SessionName == "again").AccessKeyId);
    }

    [Fact]
    public void Load_Corrupt_ClearErrorAndFileUntouched()
    {
        var path = Path.Combine(directory, "world.json");
        File.WriteAllText(path, "{ \"FormatVersion\": 1, \"Accounts\": ");

        var error = StateStore.Load(path).Error!;

        Assert.Equal("StateCorrupt", error.Code);
        Assert.EndsWith("The file was left as it was.", error.Message);
        Assert.Equal("{ \"FormatVersion\": 1, \"Accounts\": ", File.ReadAllText(path));
    }

    [Fact]
    public void Load_NewerVersion_Refused()
    {
        var path = Path.Combine(directory, "world.json");
        File.WriteAllText(path, "{ \"FormatVersion\": 2 }");

        var error = StateStore.Load(path).Error!;

        Assert.Equal("StateTooNew", error.Code);
        Assert.StartsWith("The state document has format version 2, but this lab reads version 1 at most.", error.Message);
        Assert.Equal("{ \"FormatVersion\": 2 }", File.ReadAllText(path));
    }

    [Fact]
    public void Load_NotJsonAtAll_ClearErrorAndFileUntouched()
    {
        var path = Path.Combine(directory, "world.json");
        File.WriteAllBytes(path, [0xFF, 0xFE, 0x00, 0x41]);

        var error = StateStore.Load(path).Error!;

        Assert.Equal("StateCorrupt", error.Code);
        Assert.StartsWith("The state document cannot be read: ", error.Message);
        Assert.Equal([0xFF, 0xFE, 0x00, 0x41], File.ReadAllBytes(path));
    }

    [Fact]
    public void Load_WrongShape_ClearErrorAndFileUntouched()
    {
        var path = Path.Combine(directory, "world.json");
        const string text = "{ \"FormatVersion\": 1, \"Accounts\": [1, 2] }";
        File.WriteAllText(path, text);

        var error = StateStore.Load(path).Error!;

        Assert.Equal("StateCorrupt", error.Code);
        Assert.EndsWith("The file was left as it was.", error.Message);
        Assert.Equal(text, File.ReadAllText(path));
    }
}
