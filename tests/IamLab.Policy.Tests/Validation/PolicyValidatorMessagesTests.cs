using IamLab.Policy.Diagnostics;
using IamLab.Policy.Validation;
using Xunit;

namespace IamLab.Policy.Tests.Validation;

/// <summary>The validator's findings, asserted exactly.</summary>
public class PolicyValidatorMessagesTests
{
    private static Diagnostic Only(string json, DocumentKind kind, string code) =>
        Assert.Single(PolicyValidator.Validate(json, kind).Diagnostics, d => d.Code == code);

    [Fact]
    public void MisspeltGlobalKey_SuggestsDocumentedSpelling()
    {
        var d = Only("""{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "*", "Resource": "*", "Condition": {"IpAddress": {"aws:SourceIP": "203.0.113.0/24"}}}}""", DocumentKind.Identity, "CONDITION_KEY_CASE");
        Assert.Equal(Severity.Suggestion, d.Severity);
        Assert.Equal("aws:SourceIp", d.Suggestion);
        Assert.Equal("\"aws:SourceIP\" works (keys ignore case) but AWS documents it as \"aws:SourceIp\".", d.Message);
    }

    [Fact]
    public void UnknownGlobalKey_IsAWarningWithSuggestion()
    {
        var d = Only("""{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "*", "Resource": "*", "Condition": {"IpAddress": {"aws:SourceIps": "203.0.113.0/24"}}}}""", DocumentKind.Identity, "UNKNOWN_GLOBAL_CONDITION_KEY");
        Assert.Equal(Severity.Warning, d.Severity);
        Assert.Equal("aws:SourceIp", d.Suggestion);
    }

    [Fact]
    public void DuplicateSid_IsAnError()
    {
        var d = Only("""{"Version": "2012-10-17", "Statement": [{"Sid": "A", "Effect": "Allow", "Action": "s3:*", "Resource": "*"}, {"Sid": "A", "Effect": "Deny", "Action": "s3:*", "Resource": "*"}]}""", DocumentKind.Identity, "DUPLICATE_SID");
        Assert.Equal("The Sid \"A\" is used by more than one statement; statement ids must be unique.", d.Message);
        Assert.Equal("$.Statement[1].Sid", d.Path);
    }

    [Theory]
    [InlineData(DocumentKind.Identity, "Allow-S3")]
    [InlineData(DocumentKind.Trust, "<img src=x>")]
    [InlineData(DocumentKind.Trust, "trusted_role")]
    [InlineData(DocumentKind.Boundary, "Allow S3")]
    [InlineData(DocumentKind.ServiceControl, "Deny_Regions")]
    public void SidWithOtherCharacters_IsAnError_InPoliciesIamStores(DocumentKind kind, string sid)
    {
        var rest = kind == DocumentKind.Trust
            ? "\"Principal\": {\"Service\": \"ec2.amazonaws.com\"}, \"Action\": \"sts:AssumeRole\""
            : "\"Action\": \"s3:GetObject\", \"Resource\": \"*\"";
        var json = "{\"Version\": \"2012-10-17\", \"Statement\": {\"Sid\": \"" + sid + "\", \"Effect\": \"Allow\", " + rest + "}}";
        var d = Only(json, kind, "INVALID_SID");
        Assert.Equal(Severity.Error, d.Severity);
        Assert.Equal("$.Statement.Sid", d.Path);
    }

    [Theory]
    [InlineData("AllowS3Read1")]
    [InlineData("")]
    public void LettersAndDigitsSid_IsAccepted_InTrustPolicy(string sid)
    {
        var json = "{\"Version\": \"2012-10-17\", \"Statement\": {\"Sid\": \"" + sid + "\", \"Effect\": \"Allow\", \"Principal\": {\"Service\": \"ec2.amazonaws.com\"}, \"Action\": \"sts:AssumeRole\"}}";
        Assert.DoesNotContain(PolicyValidator.Validate(json, DocumentKind.Trust).Diagnostics, d => d.Code == "INVALID_SID");
    }

    [Fact]
    public void SidWithSpaces_IsAccepted_InBucketPolicy()
    {
        // S3's documented bucket policy examples use Sids with spaces.
        var json = """{"Version": "2012-10-17", "Statement": {"Sid": "Allow get requests from one account", "Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::bucket/*"}}""";
        Assert.DoesNotContain(PolicyValidator.Validate(json, DocumentKind.Resource).Diagnostics, d => d.Code == "INVALID_SID");
    }

    [Fact]
    public void MissingVersion_IsAWarning()
    {
        var d = Only("""{"Statement": {"Effect": "Allow", "Action": "s3:*", "Resource": "*"}}""", DocumentKind.Identity, "MISSING_VERSION");
        Assert.Equal(Severity.Warning, d.Severity);
    }

    [Fact]
    public void TrustPolicy_OverTheDefaultLimit_IsAnError()
    {
        var values = string.Join(", ", Enumerable.Range(0, 120).Select(i => $"\"arn:aws:iam::111111111111:user/user{i:D3}\""));
        var json = $$$"""{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Principal": {"AWS": [{{{values}}}]}, "Action": "sts:AssumeRole"}}""";
        var d = Only(json, DocumentKind.Trust, "POLICY_SIZE_EXCEEDED");
        Assert.Matches(@"^The policy is [\d,]+ characters \(not counting white space\); a trust policy may have at most 2,048\.$", d.Message);
        Assert.DoesNotContain(PolicyValidator.Validate(json, DocumentKind.InlineRole).Diagnostics, x => x.Code == "POLICY_SIZE_EXCEEDED");
    }

    [Fact]
    public void PublicTrust_WithoutCondition_IsASecurityWarning()
    {
        const string open = """{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "sts:AssumeRole"}}""";
        Assert.Equal(Severity.SecurityWarning, Only(open, DocumentKind.Trust, "PUBLIC_TRUST").Severity);
        const string narrowed = """{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "sts:AssumeRole", "Condition": {"StringEquals": {"aws:PrincipalOrgID": "o-abc"}}}}""";
        Assert.DoesNotContain(PolicyValidator.Validate(narrowed, DocumentKind.Trust).Diagnostics, x => x.Code == "PUBLIC_TRUST");
    }

    [Fact]
    public void PassRoleOnStar_AndAllowWithNotAction_AreSecurityWarnings()
    {
        var findings = PolicyValidator.Validate("""{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "iam:PassRole", "Resource": "*"}, {"Effect": "Allow", "NotAction": "iam:*", "Resource": "*"}]}""", DocumentKind.Identity).Diagnostics;
        Assert.Contains(findings, d => d.Code == "PASS_ROLE_WITH_STAR_IN_RESOURCE" && d.Severity == Severity.SecurityWarning && d.Path == "$.Statement[0].Resource");
        Assert.Contains(findings, d => d.Code == "ALLOW_WITH_NOT_ACTION" && d.Path == "$.Statement[1].NotAction");
    }

    [Fact]
    public void AllowWithNotPrincipal_AndNotResource_AreFlagged()
    {
        var findings = PolicyValidator.Validate("""{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "NotPrincipal": {"AWS": "111111111111"}, "Action": "s3:GetObject", "NotResource": "arn:aws:s3:::b/private/*"}}""", DocumentKind.Resource).Diagnostics;
        Assert.Contains(findings, d => d.Code == "ALLOW_WITH_NOT_PRINCIPAL");
        Assert.Contains(findings, d => d.Code == "ALLOW_WITH_NOT_RESOURCE");
    }

    [Fact]
    public void ForAllValues_WithSingleValuedKey_IsFlagged()
    {
        var d = Only("""{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "*", "Resource": "*", "Condition": {"ForAllValues:StringEquals": {"aws:username": "alice"}}}}""", DocumentKind.Identity, "FORALLVALUES_WITH_SINGLE_VALUED_KEY");
        Assert.Equal(Severity.SecurityWarning, d.Severity);
    }

    [Fact]
    public void TrustPolicy_RejectsResourceAndPrincipalLessStatements()
    {
        var findings = PolicyValidator.Validate("""{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sts:AssumeRole", "Resource": "*"}, {"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "s3:GetObject"}]}""", DocumentKind.Trust).Diagnostics;
        Assert.Contains(findings, d => d.Code == "RESOURCE_NOT_ALLOWED");
        Assert.Contains(findings, d => d.Code == "MISSING_PRINCIPAL");
        Assert.Contains(findings, d => d.Code == "INVALID_TRUST_ACTION" && d.Message.StartsWith("\"s3:GetObject\" is not an action a trust policy can grant", StringComparison.Ordinal));
    }

    [Fact]
    public void IdentityPolicy_WithPrincipal_IsAnError()
    {
        var d = Only("""{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Principal": "*", "Action": "s3:*", "Resource": "*"}}""", DocumentKind.Identity, "PRINCIPAL_NOT_ALLOWED");
        Assert.Equal("A managed policy cannot have \"Principal\" or \"NotPrincipal\": it applies to whoever it is attached to.", d.Message);
    }

    [Fact]
    public void RedundantAndEmptyArrays_AreReported()
    {
        var findings = PolicyValidator.Validate("""{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": ["s3:*", "s3:GetObject", "s3:*"], "Resource": [], "Condition": {"StringEquals": {"aws:username": []}}}}""", DocumentKind.Identity).Diagnostics;
        Assert.Contains(findings, d => d.Code == "REDUNDANT_VALUE" && d.Path == "$.Statement.Action[2]");
        Assert.Contains(findings, d => d.Code == "REDUNDANT_ACTION" && d.Message == "\"s3:GetObject\" is already covered by \"s3:*\" in the same statement.");
        Assert.Contains(findings, d => d.Code == "EMPTY_ARRAY" && d.Path == "$.Statement.Resource" && d.Severity == Severity.Error);
        Assert.Contains(findings, d => d.Code == "EMPTY_ARRAY" && d.Path == "$.Statement.Condition.StringEquals.aws:username" && d.Severity == Severity.Warning);
    }

    [Fact]
    public void InvalidDateAndIp_AreErrorsAtTheirValues()
    {
        var findings = PolicyValidator.Validate("{\"Version\": \"2012-10-17\", \"Statement\": {\"Effect\": \"Allow\", \"Action\": \"*\", \"Resource\": \"*\",\n \"Condition\": {\"DateLessThan\": {\"aws:CurrentTime\": \"2026-13-01\"}, \"IpAddress\": {\"aws:SourceIp\": \"::g/64\"}}}}", DocumentKind.Identity).Diagnostics;
        var date = Assert.Single(findings, d => d.Code == "INVALID_DATE");
        Assert.Equal(2, date.Position.Line);
        Assert.Equal("$.Statement.Condition.DateLessThan.aws:CurrentTime", date.Path);
        Assert.Single(findings, d => d.Code == "INVALID_IP" && d.Message == "\"::g/64\" is not an IPv4 or IPv6 address or CIDR block.");
    }
}
