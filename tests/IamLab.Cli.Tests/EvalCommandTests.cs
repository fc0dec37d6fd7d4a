using System.Text.Json;
using Xunit;

namespace IamLab.Cli.Tests;

public class EvalCommandTests
{
    private const string Allow = """{"Version": "2012-10-17", "Statement": {"Sid": "Read", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"}}""";

    private static string Case(string name, string action, string expected) =>
        $$$"""{"name": "{{{name}}}", "request": {"principal": "arn:aws:iam::111111111111:user/alice", "action": "{{{action}}}", "resource": "arn:aws:s3:::b/k"}, "identityPolicies": [{{{Allow}}}], "expected": "{{{expected}}}"}""";

    [Fact]
    public async Task Eval_ExpectedHolds_ExitsZeroAndExplains()
    {
        var (status, output, _) = await CliRunner.Run("eval", CliRunner.TempFile(Case("read", "s3:GetObject", "allowed")));
        Assert.Equal(0, status);
        Assert.Contains("Decision: allowed", output, StringComparison.Ordinal);
        Assert.Contains("identity[0] statement 0 (\"Read\")", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Eval_ExpectedFails_ExitsOne()
    {
        var (status, output, _) = await CliRunner.Run("eval", CliRunner.TempFile(Case("write", "s3:PutObject", "allowed")));
        Assert.Equal(1, status);
        Assert.Contains("Expected allowed: MISMATCH.", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Eval_MissingFile_ExitsTwoWithMessage()
    {
        var (status, _, error) = await CliRunner.Run("eval", "/nonexistent/case.json");
        Assert.Equal(2, status);
        Assert.Equal("iamlab: /nonexistent/case.json: no such file.", error.Trim());
    }

    [Fact]
    public async Task Eval_BrokenJson_ExitsTwoWithLocation()
    {
        var path = CliRunner.TempFile("{\n  \"name\": \"x\",\n  \"request\": {\n}");
        var (status, _, error) = await CliRunner.Run("eval", path);
        Assert.Equal(2, status);
        Assert.StartsWith($"{path}:4:", error, StringComparison.Ordinal);
        Assert.Contains("JSON_SYNTAX", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EvalCases_WritesOneResultPerLine_InInputOrder()
    {
        var lines = Enumerable.Range(0, 50).Select(i => Case($"c{i}", i % 2 == 0 ? "s3:GetObject" : "s3:PutObject", i % 2 == 0 ? "allowed" : "implicitDeny"));
        var (status, output, _) = await CliRunner.Run("eval", "--cases", CliRunner.TempFile(string.Join("\n", lines), ".jsonl"));
        Assert.Equal(0, status);
        var results = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(50, results.Count);
        for (var i = 0; i < 50; i++)
        {
            Assert.Equal($"c{i}", results[i].GetProperty("name").GetString());
            Assert.Equal(i % 2 == 0 ? "allowed" : "implicitDeny", results[i].GetProperty("decision").GetString());
        }

        var matched = results[0].GetProperty("matched")[0];
        Assert.Equal("identity[0]", matched.GetProperty("policy").GetString());
        Assert.Equal(0, matched.GetProperty("statement").GetInt32());
        Assert.Equal("Read", matched.GetProperty("sid").GetString());
    }

    [Fact]
    public async Task EvalCases_Mismatch_ExitsOne_UnreadableLine_ExitsTwo()
    {
        var mismatch = CliRunner.TempFile(Case("c", "s3:PutObject", "allowed"), ".jsonl");
        Assert.Equal(1, (await CliRunner.Run("eval", "--cases", mismatch)).Status);

        var broken = CliRunner.TempFile(Case("ok", "s3:GetObject", "allowed") + "\n{\"name\": oops}\n", ".jsonl");
        var (status, output, error) = await CliRunner.Run("eval", "--cases", broken);
        Assert.Equal(2, status);
        Assert.Contains(":2: the case could not be read", error, StringComparison.Ordinal);
        Assert.Equal(2, output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public async Task Eval_NoArguments_IsAUsageError()
    {
        Assert.Equal(2, (await CliRunner.Run("eval")).Status);
        Assert.Equal(2, (await CliRunner.Run("frobnicate")).Status);
    }

    private const string BrokenDeny = """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}, {"Effect": "Deny", "Action": "s3GetObject", "Resource": "*"}]}""";

    private static string RefusedCase(string name) =>
        $$$"""{"name": "{{{name}}}", "request": {"principal": "arn:aws:iam::111111111111:user/alice", "action": "s3:GetObject", "resource": "arn:aws:s3:::b/k"}, "identityPolicies": [{{{BrokenDeny}}}]}""";

    [Fact]
    public async Task EvalCases_PolicyAwsWouldRefuse_ReportsTheFindingAndNoDecision()
    {
        var path = CliRunner.TempFile(Case("fine", "s3:GetObject", "allowed") + "\n" + RefusedCase("broken"), ".jsonl");

        var (status, output, error) = await CliRunner.Run("eval", "--cases", path);

        Assert.Equal(2, status);
        var results = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal("allowed", results[0].GetProperty("decision").GetString());
        Assert.Equal(JsonValueKind.Null, results[1].GetProperty("decision").ValueKind);
        Assert.Empty(results[1].GetProperty("matched").EnumerateArray());
        var finding = Assert.Single(results[1].GetProperty("errors").EnumerateArray());
        Assert.Equal("INVALID_ACTION", finding.GetProperty("code").GetString());
        Assert.Equal("$.identityPolicies[0].Statement[1].Action", finding.GetProperty("path").GetString());
        Assert.Equal(1, finding.GetProperty("line").GetInt32());
        Assert.Equal(RefusedCase("broken").IndexOf("\"s3GetObject\"", StringComparison.Ordinal) + 1, finding.GetProperty("column").GetInt32());
        Assert.False(results[1].TryGetProperty("reason", out _));
        Assert.Contains($"{path}:2: the case was refused", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EvalCases_ExpectedRefusal_Holds_ExitsZero()
    {
        var expectsRefusal = RefusedCase("broken").TrimEnd('}') + ", \"expected\": \"refused\", \"expectedErrors\": [\"INVALID_ACTION\"]}";
        var (status, output, _) = await CliRunner.Run("eval", "--cases", CliRunner.TempFile(expectsRefusal, ".jsonl"));

        Assert.Equal(0, status);
        var result = JsonDocument.Parse(output).RootElement;
        Assert.Equal("refused", result.GetProperty("expected").GetString());
        Assert.True(result.GetProperty("pass").GetBoolean());
    }

    [Fact]
    public async Task Eval_PolicyAwsWouldRefuse_PrintsTheFindingAndNoDecision()
    {
        var (status, output, error) = await CliRunner.Run("eval", CliRunner.TempFile(RefusedCase("broken")));

        Assert.Equal(2, status);
        Assert.DoesNotContain("Decision:", output, StringComparison.Ordinal);
        Assert.Contains("Refused: a policy of this case has errors AWS would refuse at upload", output, StringComparison.Ordinal);
        Assert.Contains("ERROR INVALID_ACTION: \"s3GetObject\" is not an action", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EvalCases_LinesLongerThanTheReadBuffer_CrlfAndBlankLines_KeepTheirNumbers()
    {
        // A 3 MB comment makes one line longer than the 1 MB read buffer; CRLF endings and blank lines are allowed.
        var longCase = Case("long", "s3:GetObject", "allowed").TrimEnd('}') + $", \"comment\": \"{new string('x', 3_000_000)}\"}}";
        var text = Case("first", "s3:GetObject", "allowed") + "\r\n\r\n" + longCase + "\r\n" + "{\"name\": oops}" + "\n" + Case("last", "s3:PutObject", "implicitDeny");
        var (status, output, error) = await CliRunner.Run("eval", "--cases", CliRunner.TempFile(text, ".jsonl"));

        Assert.Equal(2, status);
        var names = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("name").GetString()).ToList();
        Assert.Equal(["first", "long", "case 4", "last"], names);
        Assert.Contains(":4: the case could not be read", error, StringComparison.Ordinal);
    }
}
