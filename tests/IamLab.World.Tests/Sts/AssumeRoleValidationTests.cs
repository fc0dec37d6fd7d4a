using IamLab.World.Sts;

namespace IamLab.World.Tests.Sts;

public class AssumeRoleValidationTests
{
    private static (string Code, string Message) Fail(AssumeRoleRequest request)
    {
        var lab = new Article().WithCrossAccountRole();
        var error = lab.World.Sts.AssumeRole(lab.Alice, request).Error!;
        return (error.Code, error.Message);
    }

    [Fact]
    public void RoleSessionName_OneCharacter() =>
        Assert.Equal(("ValidationError", "1 validation error detected: Value 'a' at 'roleSessionName' failed to satisfy constraint: Member must have length greater than or equal to 2"),
            Fail(Article.CrossAccount("a")));

    [Fact]
    public void RoleSessionName_65Characters() =>
        Assert.Equal($"1 validation error detected: Value '{new string('s', 65)}' at 'roleSessionName' failed to satisfy constraint: Member must have length less than or equal to 64",
            Fail(Article.CrossAccount(new string('s', 65))).Message);

    [Fact]
    public void RoleSessionName_WithSpace() =>
        Assert.Equal("1 validation error detected: Value 'alice session' at 'roleSessionName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]*",
            Fail(Article.CrossAccount("alice session")).Message);

    [Fact]
    public void DurationSeconds_Below900() =>
        Assert.Equal("1 validation error detected: Value '899' at 'durationSeconds' failed to satisfy constraint: Member must have value greater than or equal to 900",
            Fail(Article.CrossAccount() with { DurationSeconds = 899 }).Message);

    [Fact]
    public void DurationSeconds_AboveMaxSessionDuration() =>
        Assert.Equal(("ValidationError", "The requested DurationSeconds exceeds the MaxSessionDuration set for this role."),
            Fail(Article.CrossAccount() with { DurationSeconds = 3601 }));

    [Fact]
    public void ExternalId_OneCharacter() =>
        Assert.Equal("1 validation error detected: Value 'x' at 'externalId' failed to satisfy constraint: Member must have length greater than or equal to 2",
            Fail(Article.CrossAccount() with { ExternalId = "x" }).Message);

    [Fact]
    public void ExternalId_1225Characters() =>
        Assert.EndsWith("at 'externalId' failed to satisfy constraint: Member must have length less than or equal to 1224",
            Fail(Article.CrossAccount() with { ExternalId = new string('e', 1225) }).Message);

    [Fact]
    public void SessionPolicy_Over2048Characters()
    {
        var policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::" + new string('b', 2048) + "\"}]}";

        Assert.EndsWith("at 'policy' failed to satisfy constraint: Member must have length less than or equal to 2048", Fail(Article.CrossAccount() with { Policy = policy }).Message);
    }

    [Fact]
    public void SessionPolicyArns_Eleven() =>
        Assert.EndsWith("at 'policyArns' failed to satisfy constraint: Member must have length less than or equal to 10",
            Fail(Article.CrossAccount() with { PolicyArns = Enumerable.Repeat(Article.S3ReadOnly, 11).ToList() }).Message);

    [Fact]
    public void TwoFailures_ReportedTogether() =>
        Assert.StartsWith("2 validation errors detected: Value 'a' at 'roleSessionName'",
            Fail(Article.CrossAccount("a") with { DurationSeconds = 100 }).Message);

    [Fact]
    public void ExternalId_WithSpace_Pattern() =>
        Assert.Equal(("ValidationError", "1 validation error detected: Value 'unique external id' at 'externalId' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@:\\/-]*"),
            Fail(Article.CrossAccount() with { ExternalId = "unique external id" }));

    [Fact]
    public void ExternalId_1224Characters_PassesValidation()
    {
        // 1,224 is allowed; the trust policy's condition then decides (and refuses: it wants unique-external-id-12345).
        var (code, message) = Fail(Article.CrossAccount() with { ExternalId = new string('e', 1224) });

        Assert.Equal(("AccessDenied", "User: arn:aws:iam::111111111111:user/alice is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::999999999999:role/CrossAccountS3Access"), (code, message));
    }

    [Fact]
    public void DurationSeconds_Above43200() =>
        Assert.Equal(("ValidationError", "1 validation error detected: Value '43201' at 'durationSeconds' failed to satisfy constraint: Member must have value less than or equal to 43200"),
            Fail(Article.CrossAccount() with { DurationSeconds = 43201 }));

    [Fact]
    public void DurationSeconds_UpToARaisedMaxSessionDuration_Allowed()
    {
        var lab = new Article().WithCrossAccountRole();
        _ = lab.Prod9.UpdateRole("CrossAccountS3Access", maxSessionDuration: 7200).Value;

        var session = lab.World.Sts.AssumeRole(lab.Alice, Article.CrossAccount() with { DurationSeconds = 7200 }).Value;
        var error = lab.World.Sts.AssumeRole(lab.Alice, Article.CrossAccount() with { DurationSeconds = 7201 }).Error!;

        Assert.Equal(lab.Clock.GetUtcNow().AddHours(2), session.Credentials.Expiration);
        Assert.Equal(("ValidationError", "The requested DurationSeconds exceeds the MaxSessionDuration set for this role."), (error.Code, error.Message));
    }

    [Fact]
    public void SourceIdentity_WithSpace_Pattern() =>
        Assert.Equal("1 validation error detected: Value 'alice smith' at 'sourceIdentity' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]*",
            Fail(Article.CrossAccount() with { SourceIdentity = "alice smith" }).Message);

    [Fact]
    public void RoleSessionName_64Characters_Allowed()
    {
        var lab = new Article().WithCrossAccountRole();

        var result = lab.World.Sts.AssumeRole(lab.Alice, Article.CrossAccount(new string('s', 64))).Value;

        Assert.EndsWith("/" + new string('s', 64), result.AssumedRoleUser.Arn);
    }
}
