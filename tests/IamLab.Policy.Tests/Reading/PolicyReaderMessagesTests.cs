using IamLab.Policy.Json;
using IamLab.Policy.Reading;
using Xunit;

namespace IamLab.Policy.Tests.Reading;

/// <summary>The reader's messages, codes and locations are part of the product: asserted exactly.</summary>
public class PolicyReaderMessagesTests
{
    [Fact]
    public void MisspeltEffect_IsReportedAtItsValue_WithSuggestion()
    {
        const string json = "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [{\"Effect\": \"Alow\", \"Action\": \"s3:GetObject\", \"Resource\": \"*\"}]\n}";
        var d = Assert.Single(PolicyReader.Read(json).Diagnostics);
        Assert.Equal("INVALID_EFFECT", d.Code);
        Assert.Equal("\"Alow\" is not an effect; use \"Allow\" or \"Deny\".", d.Message);
        Assert.Equal("$.Statement[0].Effect", d.Path);
        Assert.Equal(new SourcePosition(3, 28), d.Position);
        Assert.Equal("Allow", d.Suggestion);
    }

    [Fact]
    public void UnknownOperator_SuggestsTheOperatorMeant()
    {
        const string json = """{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "*", "Resource": "*", "Condition": {"StringEqual": {"aws:username": "alice"}}}}""";
        var d = Assert.Single(PolicyReader.Read(json).Diagnostics);
        Assert.Equal("UNKNOWN_OPERATOR", d.Code);
        Assert.Equal("\"StringEqual\" is not a condition operator.", d.Message);
        Assert.Equal("StringEquals", d.Suggestion);
        Assert.Equal("$.Statement.Condition.StringEqual", d.Path);
        Assert.Equal(new SourcePosition(1, 106), d.Position);
    }

    [Fact]
    public void QualifiedOperatorTypo_KeepsQualifierAndSuffix()
    {
        Assert.Equal("ForAnyValue:StringLikeIfExists", Policy.Model.ConditionOperator.SuggestFor("ForAnyValues:StringLikIfExists"));
    }

    [Fact]
    public void EveryProblem_IsCollected_NotJustTheFirst()
    {
        const string json = """
            {"Version": "2012-10-18", "Statment": [],
             "Statement": [{"Effect": "Allow", "Action": "s3GetObject", "Resource": "bucket"},
                           {"Effect": "Deny", "Action": "*", "NotAction": "s3:*", "Resource": "*", "Condition": {"IpAddress": {"aws:SourceIp": "203.0.113.300/24"}}}]}
            """;
        var codes = PolicyReader.Read(json).Diagnostics.Select(d => d.Code).ToList();
        Assert.Equal(["INVALID_VERSION", "UNKNOWN_ELEMENT", "INVALID_ACTION", "INVALID_ARN", "CONFLICTING_ELEMENTS", "INVALID_IP"], codes);
    }

    [Fact]
    public void UnknownElement_SuggestsTheElement()
    {
        var d = PolicyReader.Read("""{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Actions": "s3:*", "Resource": "*"}}""").Diagnostics;
        var unknown = Assert.Single(d, x => x.Code == "UNKNOWN_ELEMENT");
        Assert.Equal("\"Actions\" is not a policy element.", unknown.Message);
        Assert.Equal("Action", unknown.Suggestion);
        Assert.Contains(d, x => x.Code == "MISSING_ACTION" && x.Message == "The statement has neither \"Action\" nor \"NotAction\".");
    }

    [Fact]
    public void SyntaxError_GivesLineAndColumn()
    {
        var d = Assert.Single(PolicyReader.Read("{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [ }\n").Diagnostics);
        Assert.Equal("JSON_SYNTAX", d.Code);
        Assert.Equal(3, d.Position.Line);
        Assert.StartsWith("The policy is not valid JSON: ", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WrongValueType_NamesExpectedAndActualKinds()
    {
        var d = Assert.Single(PolicyReader.Read("""{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": 5, "Resource": "*"}}""").Diagnostics, x => x.Code == "WRONG_TYPE");
        Assert.Equal("\"Action\" must be a string or an array of strings, not a number.", d.Message);
        Assert.Equal("$.Statement.Action", d.Path);
    }

    [Fact]
    public void PrincipalWithWildcardArn_IsInvalid()
    {
        var d = Assert.Single(PolicyReader.Read("""{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111111111111:role/*"}, "Action": "sts:AssumeRole"}}""").Diagnostics);
        Assert.Equal("INVALID_PRINCIPAL", d.Code);
        Assert.Equal("$.Statement.Principal.AWS", d.Path);
    }

    [Fact]
    public void EveryAcceptedForm_ReadsWithoutFindings()
    {
        const string json = """
            {"Version": "2008-10-17", "Id": "x", "Statement": [
              {"Sid": "a", "Effect": "Allow", "Principal": "*", "Action": ["s3:GetObject"], "Resource": ["arn:aws:s3:::b/*"]},
              {"Effect": "Deny", "NotPrincipal": {"AWS": ["111111111111", "arn:aws:iam::111111111111:root", "arn:aws:iam::111111111111:user/alice",
                 "arn:aws:iam::111111111111:role/R", "arn:aws:sts::111111111111:assumed-role/R/s"], "Service": "ec2.amazonaws.com",
                 "Federated": ["arn:aws:iam::111111111111:saml-provider/MyCompanySSO", "accounts.google.com"], "CanonicalUser": "79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be"},
               "NotAction": "s3:*", "NotResource": "arn:aws:s3:::b"}]}
            """;
        var result = PolicyReader.Read(json);
        Assert.Empty(result.Diagnostics);
        Assert.Equal(2, result.Policy!.Statements.Count);
        Assert.False(result.Policy.VariablesEnabled);
    }
}
