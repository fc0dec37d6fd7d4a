using IamLab.World.Iam;

namespace IamLab.World.Tests.Iam;

/// <summary>
/// Descriptions and tags checked as IAM's API reference gives their patterns (CreateRole: Description
/// <c>[\u0009\u000A\u000D\u0020-\u007E\u00A1-\u00FF]*</c>, up to 1,000; Tag keys and values
/// <c>[\p{L}\p{Z}\p{N}_.:/=+\-@]</c>, 1-128 and 0-256, at most 50): a control character is a ValidationError,
/// never a value stored to break every later listing.
/// </summary>
public class DescriptionAndTagValidationTests
{
    private const string Trust = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}""";

    private static IamService Account()
    {
        var world = new LabWorld();
        world.CreateAccount("111111111111");
        return world.Iam("111111111111");
    }

    [Fact]
    public void CreateRole_DescriptionWithAControlCharacter_IsAValidationErrorAndNoRole()
    {
        var iam = Account();

        var error = iam.CreateRole("App", Trust, description: "before\u0001after").Error!;

        Assert.Equal("ValidationError", error.Code);
        Assert.Equal("1 validation error detected: Value 'before\u0001after' at 'description' failed to satisfy constraint: "
            + @"Member must satisfy regular expression pattern: [\u0009\u000A\u000D\u0020-\u007E\u00A1-\u00FF]*", error.Message);
        Assert.Empty(iam.Account.Roles);
    }

    [Fact]
    public void CreateRole_DescriptionWithTabsNewlinesAndLatin1_IsKept()
    {
        var role = Account().CreateRole("App", Trust, description: "line one\n\ttwo - no: é").Value;

        Assert.Equal("line one\n\ttwo - no: é", role.Description);
    }

    [Fact]
    public void UpdateRole_DescriptionOver1000Characters_IsAValidationErrorAndTheOldOneStays()
    {
        var iam = Account();
        _ = iam.CreateRole("App", Trust, description: "old");

        var error = iam.UpdateRole("App", description: new string('d', 1001)).Error!;

        Assert.Equal("ValidationError", error.Code);
        Assert.EndsWith("Member must have length less than or equal to 1000", error.Message, StringComparison.Ordinal);
        Assert.Equal("old", iam.Account.Roles["App"].Description);
    }

    [Fact]
    public void CreateUser_TagValueWithAControlCharacter_IsAValidationError()
    {
        var iam = Account();

        var error = iam.CreateUser("dev", tags: [new Tag("team", "a\u0007b")]).Error!;

        Assert.Equal("ValidationError", error.Code);
        Assert.Contains("at 'tags.1.member.value' failed to satisfy constraint", error.Message, StringComparison.Ordinal);
        Assert.Empty(iam.Account.Users);
    }

    [Fact]
    public void CreateRole_FiftyOneTags_IsAValidationError()
    {
        var error = Account().CreateRole("App", Trust, tags: Enumerable.Range(0, 51).Select(i => new Tag($"k{i}", "v"))).Error!;

        Assert.Contains("Member must have length less than or equal to 50", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CreateRole_RoleNameEndingInANewline_IsAValidationError()
    {
        var error = Account().CreateRole("App\n", Trust).Error!;

        Assert.Equal("ValidationError", error.Code);
    }
}
