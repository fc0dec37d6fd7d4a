using System.Text.Json;
using IamLab.Scenarios.Mutation;

namespace IamLab.Scenarios.Tests.Mutation;

/// <summary>Each mutation operator: which sites it mutates, the mutant's path and the mutated document.</summary>
public class PolicyMutatorTests
{
    private const string Permissions = """
        {"Version":"2012-10-17","Statement":[
          {"Sid":"Read","Effect":"Allow","Action":["s3:GetObject","s3:ListBucket"],"Resource":"arn:aws:s3:::my-bucket"},
          {"Sid":"NoDelete","Effect":"Deny","Action":"s3:DeleteObject","Resource":"*"}]}
        """;

    private const string Trust = """
        {"Version":"2012-10-17","Statement":{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111111111111:role/Ci","Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole",
          "Condition":{"StringEquals":{"sts:ExternalId":"abc","aws:PrincipalTag/team":["blue","red"]},"DateLessThan":{"aws:CurrentTime":"2026-12-31T00:00:00Z"},
                       "NumericGreaterThan":{"aws:MultiFactorAuthAge":"0"},"IpAddress":{"aws:SourceIp":["203.0.113.0/24","2001:db8::/48"]},"Null":{"aws:TokenIssueTime":"false"}}}}
        """;

    private static List<PolicyMutation> Of(string json, string op) => PolicyMutator.Mutate(json).Where(m => m.Operator == op).ToList();

    private static JsonElement Root(PolicyMutation m) => JsonDocument.Parse(m.Json).RootElement;

    private static JsonElement Statement(PolicyMutation m, int index = -1) =>
        index < 0 ? Root(m).GetProperty("Statement") : Root(m).GetProperty("Statement")[index];

    [Fact]
    public void WildcardEnd_WidensEachAllowedActionToItsVerb_AndTheResourceWithATrailingStar()
    {
        var mutations = Of(Permissions, MutationOperators.WildcardEnd);

        Assert.Equal(["$.Statement[0].Action[0]", "$.Statement[0].Action[1]", "$.Statement[0].Resource"], mutations.Select(m => m.Path));
        Assert.Equal("s3:Get*", Statement(mutations[0], 0).GetProperty("Action")[0].GetString());
        Assert.Equal("s3:ListBucket", Statement(mutations[0], 0).GetProperty("Action")[1].GetString());
        Assert.Equal("s3:List*", Statement(mutations[1], 0).GetProperty("Action")[1].GetString());
        Assert.Equal("arn:aws:s3:::my-bucket*", Statement(mutations[2], 0).GetProperty("Resource").GetString());
        Assert.Equal("Resource \"arn:aws:s3:::my-bucket\" → \"arn:aws:s3:::my-bucket*\"", mutations[2].Description);
    }

    [Fact]
    public void Star_ReplacesOneAllowedValue_NeverADenysValue()
    {
        var mutations = Of(Permissions, MutationOperators.Star);

        Assert.Equal(["$.Statement[0].Action[0]", "$.Statement[0].Action[1]", "$.Statement[0].Resource"], mutations.Select(m => m.Path));
        Assert.Equal("*", Statement(mutations[2], 0).GetProperty("Resource").GetString());
        Assert.Equal("s3:DeleteObject", Statement(mutations[2], 1).GetProperty("Action").GetString());
    }

    [Fact]
    public void Star_OnATrustsAwsPrincipal()
    {
        var mutation = Assert.Single(Of(Trust, MutationOperators.Star), m => m.Path == "$.Statement.Principal.AWS");

        Assert.Equal("*", Statement(mutation).GetProperty("Principal").GetProperty("AWS").GetString());
        Assert.Equal("lambda.amazonaws.com", Statement(mutation).GetProperty("Principal").GetProperty("Service").GetString());
    }

    [Fact]
    public void ActionPrefix_KeepsTheVerb()
    {
        Assert.Equal("sts:Assume*", WildcardWidening.ActionPrefix("sts:AssumeRole"));
        Assert.Equal("iam:Pass*", WildcardWidening.ActionPrefix("iam:PassRole"));
        Assert.Null(WildcardWidening.ActionPrefix("s3:Get*"));
        Assert.Null(WildcardWidening.ActionPrefix("*"));
        Assert.Null(WildcardWidening.ActionPrefix("s3:list"));
    }

    [Fact]
    public void ConditionDropped_RemovesTheWholeCondition()
    {
        var mutation = Assert.Single(Of(Trust, MutationOperators.ConditionDropped));

        Assert.Equal("$.Statement.Condition", mutation.Path);
        Assert.False(Statement(mutation).TryGetProperty("Condition", out _));
    }

    [Fact]
    public void KeyDropped_RemovesOneKey_AndAnOperatorLeftEmpty()
    {
        var mutations = Of(Trust, MutationOperators.KeyDropped);

        Assert.Equal(6, mutations.Count);
        var externalId = mutations.Single(m => m.Path == "$.Statement.Condition.StringEquals['sts:ExternalId']");
        var condition = Statement(externalId).GetProperty("Condition");
        Assert.False(condition.GetProperty("StringEquals").TryGetProperty("sts:ExternalId", out _));
        Assert.True(condition.GetProperty("StringEquals").TryGetProperty("aws:PrincipalTag/team", out _));
        var date = mutations.Single(m => m.Path == "$.Statement.Condition.DateLessThan['aws:CurrentTime']");
        Assert.False(Statement(date).GetProperty("Condition").TryGetProperty("DateLessThan", out _));
    }

    [Fact]
    public void KeyDropped_IsNotMadeForAConditionOfOneKey()
    {
        var trust = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"111111111111"},"Action":"sts:AssumeRole","Condition":{"StringEquals":{"sts:ExternalId":"x"}}}]}""";

        Assert.Empty(Of(trust, MutationOperators.KeyDropped));
        Assert.Single(Of(trust, MutationOperators.ConditionDropped));
    }

    [Fact]
    public void LikePrefix_MovesTheKeyToStringLike_WithATrailingStarOnEachValue()
    {
        var mutation = Of(Trust, MutationOperators.LikePrefix).Single(m => m.Path == "$.Statement.Condition.StringEquals['aws:PrincipalTag/team']");

        var condition = Statement(mutation).GetProperty("Condition");
        Assert.Equal(["blue*", "red*"], condition.GetProperty("StringLike").GetProperty("aws:PrincipalTag/team").EnumerateArray().Select(v => v.GetString()));
        Assert.False(condition.GetProperty("StringEquals").TryGetProperty("aws:PrincipalTag/team", out _));
        Assert.Equal("abc", condition.GetProperty("StringEquals").GetProperty("sts:ExternalId").GetString());
    }

    [Fact]
    public void IgnoreCase_OnStringEqualsOnly()
    {
        var mutations = Of(Trust, MutationOperators.IgnoreCase);

        Assert.Equal(["$.Statement.Condition.StringEquals['sts:ExternalId']", "$.Statement.Condition.StringEquals['aws:PrincipalTag/team']"], mutations.Select(m => m.Path));
        Assert.Equal("abc", Statement(mutations[0]).GetProperty("Condition").GetProperty("StringEqualsIgnoreCase").GetProperty("sts:ExternalId").GetString());
    }

    [Fact]
    public void IfExists_OnEveryOperatorButNull()
    {
        var mutations = Of(Trust, MutationOperators.IfExists);

        Assert.Equal(5, mutations.Count);
        Assert.DoesNotContain(mutations, m => m.Path.Contains(".Null[", StringComparison.Ordinal));
        var date = mutations.Single(m => m.Path == "$.Statement.Condition.DateLessThan['aws:CurrentTime']");
        Assert.Equal("2026-12-31T00:00:00Z", Statement(date).GetProperty("Condition").GetProperty("DateLessThanIfExists").GetProperty("aws:CurrentTime").GetString());
    }

    [Fact]
    public void IfExists_KeepsASetOperatorsPrefix()
    {
        var policy = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*","Condition":{"ForAllValues:StringEquals":{"aws:TagKeys":["a"]}}}]}""";

        var mutation = Assert.Single(Of(policy, MutationOperators.IfExists));

        Assert.True(Statement(mutation, 0).GetProperty("Condition").TryGetProperty("ForAllValues:StringEqualsIfExists", out _));
    }

    [Fact]
    public void Inclusive_MakesDateAndNumericComparisonsIncludeTheirBound()
    {
        var mutations = Of(Trust, MutationOperators.Inclusive);

        Assert.Equal(["$.Statement.Condition.DateLessThan['aws:CurrentTime']", "$.Statement.Condition.NumericGreaterThan['aws:MultiFactorAuthAge']"], mutations.Select(m => m.Path));
        Assert.True(Statement(mutations[0]).GetProperty("Condition").TryGetProperty("DateLessThanEquals", out _));
        Assert.True(Statement(mutations[1]).GetProperty("Condition").TryGetProperty("NumericGreaterThanEquals", out _));
    }

    [Fact]
    public void CidrWidened_ShortensEachPrefix()
    {
        var mutation = Assert.Single(Of(Trust, MutationOperators.CidrWidened));

        Assert.Equal(["203.0.0.0/16", "2001:db8::/32"],
            Statement(mutation).GetProperty("Condition").GetProperty("IpAddress").GetProperty("aws:SourceIp").EnumerateArray().Select(v => v.GetString()));
        Assert.Equal("192.0.2.0/24", CidrWidening.Widen("192.0.2.7"));
        Assert.Equal("0.0.0.0/0", CidrWidening.Widen("10.0.0.0/8"));
        Assert.Equal("not-an-address", CidrWidening.Widen("not-an-address"));
    }

    [Fact]
    public void AccountRoot_WidensARoleOrUserPrincipalToItsAccount()
    {
        var mutation = Assert.Single(Of(Trust, MutationOperators.AccountRoot));

        Assert.Equal("$.Statement.Principal.AWS", mutation.Path);
        Assert.Equal("arn:aws:iam::111111111111:root", Statement(mutation).GetProperty("Principal").GetProperty("AWS").GetString());
        Assert.Null(PrincipalWidening.AccountRoot("arn:aws:iam::111111111111:root"));
        Assert.Null(PrincipalWidening.AccountRoot("111111111111"));
        Assert.Equal("arn:aws:iam::222222222222:root", PrincipalWidening.AccountRoot("arn:aws:sts::222222222222:assumed-role/R/s"));
    }

    [Fact]
    public void ExtraService_TrustsOneMoreService()
    {
        var mutation = Assert.Single(Of(Trust, MutationOperators.ExtraService));

        Assert.Equal("$.Statement.Principal.Service", mutation.Path);
        Assert.Equal(["lambda.amazonaws.com", "ec2.amazonaws.com"],
            Statement(mutation).GetProperty("Principal").GetProperty("Service").EnumerateArray().Select(v => v.GetString()));
    }

    [Fact]
    public void DenyRemoved_RemovesEachDenyStatement()
    {
        var mutation = Assert.Single(Of(Permissions, MutationOperators.DenyRemoved));

        Assert.Equal("$.Statement[1]", mutation.Path);
        Assert.Equal("the Deny statement \"NoDelete\" removed", mutation.Description);
        Assert.Equal("Read", Assert.Single(Root(mutation).GetProperty("Statement").EnumerateArray()).GetProperty("Sid").GetString());
    }

    [Fact]
    public void NotAJsonObject_HasNoMutants()
    {
        Assert.Empty(PolicyMutator.Mutate("[1, 2]"));
        Assert.Empty(PolicyMutator.Mutate("{ broken"));
    }
}
