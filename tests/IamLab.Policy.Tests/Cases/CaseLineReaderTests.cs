using System.Text;
using System.Text.Json;
using IamLab.Policy.Cases;
using IamLab.Policy.Tests.Conformance;
using Xunit;

namespace IamLab.Policy.Tests.Cases;

/// <summary>The fast line reader (no positions, cached policies) against the full reader, on every conformance case.</summary>
public class CaseLineReaderTests
{
    [Fact]
    public void EveryConformanceCase_AsOneLine_GivesTheSameResultAsTheFullReader()
    {
        var reader = new CaseLineReader(new PolicyCache());
        var compared = 0;
        foreach (var file in ConformanceCases.Files())
        {
            using var document = JsonDocument.Parse(File.ReadAllText(file));
            var number = 0;
            var root = document.RootElement;
            foreach (var element in root.ValueKind == JsonValueKind.Array ? root.EnumerateArray().ToList() : [root])
            {
                var line = JsonSerializer.Serialize(element);
                number++;

                // Twice through the fast reader: the second time every policy comes from the cache.
                for (var pass = 0; pass < 2; pass++)
                {
                    var fast = CaseJson.Write(CaseOutcome.Evaluate(reader.Read(Encoding.UTF8.GetBytes(line), number), trace: false));
                    var full = CaseJson.Write(CaseOutcome.Evaluate(CaseReader.ReadOne(line, number), trace: false));
                    Assert.Equal(full, fast);
                }

                compared++;
            }
        }

        Assert.True(compared >= 700, $"compared {compared} cases");
    }

    [Fact]
    public void LineWithAFinding_IsReadAgainWithPositions()
    {
        const string line = """{"request": {"principal": "arn:aws:iam::111111111111:user/alice", "action": "s3:GetObject", "resource": "*"}, "identityPolicies": [{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": {"IpAddress": {"aws:SourceIp": "300.1.1.1"}}}}]}""";

        var evalCase = new CaseLineReader(new PolicyCache()).Read(Encoding.UTF8.GetBytes(line), 7);

        var finding = Assert.Single(evalCase.Diagnostics);
        Assert.Equal("INVALID_IP", finding.Code);
        Assert.Equal("$.identityPolicies[0].Statement.Condition.IpAddress.aws:SourceIp", finding.Path);
        Assert.Equal(new IamLab.Policy.Json.SourcePosition(1, line.IndexOf("\"300.1.1.1\"", StringComparison.Ordinal) + 1), finding.Position);
        Assert.Equal("case 7", evalCase.Name);
        Assert.Null(CaseOutcome.Evaluate(evalCase, trace: false).Result);
    }

    [Fact]
    public void ResourceAccountContradictingTheArn_IsWarnedAbout()
    {
        const string line = """{"request": {"principal": "arn:aws:iam::111111111111:user/alice", "action": "iam:DeletePolicy", "resource": "arn:aws:iam::aws:policy/ReadOnlyAccess", "resourceAccount": "111111111111"}, "identityPolicies": [{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "*", "Resource": "*"}}]}""";

        var evalCase = new CaseLineReader(new PolicyCache()).Read(Encoding.UTF8.GetBytes(line), 1);

        var warning = Assert.Single(evalCase.Diagnostics);
        Assert.Equal("RESOURCE_ACCOUNT_MISMATCH", warning.Code);
        Assert.Equal(IamLab.Policy.Diagnostics.Severity.Warning, warning.Severity);
        Assert.Equal("aws", evalCase.Request!.ResourceAccount);
        Assert.Equal(IamLab.Policy.Evaluation.Decision.ImplicitDeny, CaseOutcome.Evaluate(evalCase, trace: false).Result!.Value.Decision);
    }
}
