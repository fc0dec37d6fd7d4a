using IamLab.World.State;

namespace IamLab.World.Tests.State;

public sealed class StateStoreTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("iamlab-state-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private static Article Populated()
    {
        var lab = new Article().WithCrossAccountRole();
        _ = lab.Dev1.CreateRole("EC2S3AccessRole", Article.Ec2Trust).Value;
        _ = lab.Dev1.CreateInstanceProfile("EC2S3AccessProfile").Value;
        _ = lab.Dev1.AddRoleToInstanceProfile("EC2S3AccessProfile", "EC2S3AccessRole").Value;
        _ = lab.World.Compute.RunInstance(Article.Dev, "EC2S3AccessProfile").Value;
        _ = lab.World.S3.CreateBucket(Article.Prod, "company-data").Value;
        _ = lab.World.S3.Seed("company-data", "public/a.txt", [1, 2, 3]).Value;
        _ = lab.World.Sts.AssumeRole(lab.Alice, Article.CrossAccount()).Value;
        return lab;
    }

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
    }
}
