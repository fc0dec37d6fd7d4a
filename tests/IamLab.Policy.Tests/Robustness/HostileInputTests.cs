using System.Diagnostics;
using System.Text;
using IamLab.Policy.Cases;
using IamLab.Policy.Evaluation;
using IamLab.Policy.Matching;
using IamLab.Policy.Reading;
using IamLab.Policy.Validation;
using Xunit;

namespace IamLab.Policy.Tests.Robustness;

/// <summary>Bad input gets a finding with a code and a location: never an exception, never a hang.</summary>
public class HostileInputTests
{
    [Fact]
    public void DeepNesting_IsASyntaxErrorWithLocation()
    {
        var json = new string('[', 10_000) + new string(']', 10_000);
        var d = Assert.Single(PolicyReader.Read(json).Diagnostics);
        Assert.Equal("JSON_SYNTAX", d.Code);
        Assert.Contains("deeper than 64 levels", d.Message, StringComparison.Ordinal);
        Assert.Equal(1, d.Position.Line);
    }

    [Fact]
    public void TenMegabytePolicy_IsReportedAsTooLarge()
    {
        var resources = string.Join(",", Enumerable.Repeat("\"arn:aws:s3:::bucket/some/long/key/name/here/*\"", 220_000));
        var json = $$$"""{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:GetObject", "Resource": [{{{resources}}}]}}""";
        Assert.True(json.Length > 10_000_000);
        var result = PolicyValidator.Validate(json, DocumentKind.Identity);
        Assert.Contains(result.Diagnostics, d => d.Code == "POLICY_SIZE_EXCEEDED");
    }

    [Fact]
    public void MegabyteConditionString_IsEvaluatedAndQuotedShort()
    {
        var big = new string('a', 1_000_000);
        var json = "{\"Version\": \"2012-10-17\", \"Statement\": {\"Effect\": \"Allow\", \"Action\": \"*\", \"Resource\": \"*\", \"Condition\": {\"StringLike\": {\"aws:username\": \"" + big + "*\"}, \"IpAddress\": {\"aws:SourceIp\": \"" + big + "\"}}}}";
        var read = PolicyReader.Read(json);
        var d = Assert.Single(read.Diagnostics, x => x.Code == "INVALID_IP");
        Assert.True(d.Message.Length < 200);
        var request = new AuthorizationRequest("arn:aws:iam::111111111111:user/alice", "s3:GetObject", "arn:aws:s3:::b/k");
        Assert.Equal(Decision.ImplicitDeny, Authorizer.Authorize(request, new PolicySet { IdentityPolicies = [read.Policy!] }).Decision);
    }

    [Fact]
    public void AdversarialWildcard_OnAMegabyte_MatchesWithoutBacktracking()
    {
        // Counting comparisons would need instrumentation; instead the pattern is run many times over, so a
        // backtracking matcher (exponential here) could not finish at all within the test run.
        var text = new string('a', 1_000_000);
        for (var i = 0; i < 20; i++)
        {
            Assert.False(Wildcard.IsMatch("*a*a*a*a*a*a*a*b", text, ignoreCase: false));
            Assert.True(Wildcard.IsMatch("*a*a*a*a*a*a*a*a", text, ignoreCase: false));
        }
    }

    [Fact]
    public void WrongTypesEverywhere_AreCollected()
    {
        var result = PolicyReader.Read("""{"Version": 2012, "Statement": [1, {"Effect": true, "Action": {}, "Resource": [null], "Condition": []}]}""");
        var codes = result.Diagnostics.Select(d => d.Code).ToList();
        Assert.Equal(6, codes.Count(c => c == "WRONG_TYPE"));
    }

    [Fact]
    public void CaseFile_WithUnknownKeyAndBadExpected_NamesBoth()
    {
        var (cases, error) = CaseReader.ReadMany("""[{"name": "x", "request": {"principal": "111111111111", "action": "s3:GetObject", "resource": "*"}, "identityPolicy": [], "expected": "denied"}]""");
        Assert.Null(error);
        var diagnostics = cases[0].Diagnostics;
        Assert.Contains(diagnostics, d => d.Code == "UNKNOWN_CASE_KEY" && d.Suggestion == "identityPolicies");
        Assert.Contains(diagnostics, d => d.Code == "INVALID_EXPECTED" && d.Message.StartsWith("\"denied\" is not a decision", StringComparison.Ordinal));
    }

    [Fact]
    public void BinaryGarbage_IsASyntaxError()
    {
        var bytes = Encoding.UTF8.GetString([0x7B, 0xFF, 0xFE, 0x00, 0x22]);
        Assert.Equal("JSON_SYNTAX", Assert.Single(PolicyReader.Read(bytes).Diagnostics).Code);
        _ = Stopwatch.GetTimestamp();
    }
}
