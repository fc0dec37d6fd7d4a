using BenchmarkDotNet.Attributes;
using IamLab.Policy.Evaluation;
using IamLab.Policy.Model;
using IamLab.Policy.Reading;

namespace IamLab.Benchmarks;

/// <summary>
/// Decisions per second on one core with the policies parsed once: (a) one exact-match Allow, (b) a
/// condition-heavy policy, (c) the full stack of policy kinds. No trace is asked for.
/// </summary>
[MemoryDiagnoser]
public class DecisionBenchmarks
{
    private AuthorizationRequest simpleRequest = null!;
    private PolicySet simple = null!;
    private AuthorizationRequest conditionRequest = null!;
    private PolicySet conditions = null!;
    private AuthorizationRequest stackRequest = null!;
    private PolicySet stack = null!;

    /// <summary>Parses every policy once.</summary>
    [GlobalSetup]
    public void Setup()
    {
        simpleRequest = new AuthorizationRequest("arn:aws:iam::111111111111:user/alice", "s3:GetObject", "arn:aws:s3:::example-bucket/report.csv");
        simple = new PolicySet { IdentityPolicies = [Read("""{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::example-bucket/report.csv"}}""")] };

        var context = new RequestContext()
            .Set("aws:SourceIp", "2001:db8:1234::17")
            .Set("aws:CurrentTime", "2026-06-15T12:00:00Z")
            .Set("aws:TagKeys", "team", "cost-center")
            .Set("aws:SecureTransport", "true")
            .Set("s3:prefix", "home/alice/docs/");
        conditionRequest = new AuthorizationRequest("arn:aws:iam::111111111111:user/alice", "s3:ListBucket", "arn:aws:s3:::example-bucket", context);
        conditions = new PolicySet
        {
            IdentityPolicies = [Read("""
                {"Version": "2012-10-17", "Statement": [
                  {"Sid": "ListOwnHome", "Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::example-bucket",
                   "Condition": {
                     "StringLike": {"s3:prefix": ["home/alice/*", "shared/*"]},
                     "IpAddress": {"aws:SourceIp": ["203.0.113.0/24", "198.51.100.0/24", "2001:db8:1234::/48"]},
                     "DateGreaterThan": {"aws:CurrentTime": "2026-01-01T00:00:00Z"},
                     "DateLessThan": {"aws:CurrentTime": "2026-12-31T23:59:59Z"},
                     "ForAnyValue:StringLike": {"aws:TagKeys": ["team", "cost-*"]},
                     "Bool": {"aws:SecureTransport": "true"}}},
                  {"Sid": "DenyOutsideNetworks", "Effect": "Deny", "Action": "*", "Resource": "*",
                   "Condition": {"NotIpAddress": {"aws:SourceIp": ["203.0.113.0/24", "198.51.100.0/24", "2001:db8::/32"]}}}]}
                """)],
        };

        stackRequest = new AuthorizationRequest("arn:aws:sts::111111111111:assumed-role/EC2S3AccessRole/i-0abc", "s3:GetObject", "arn:aws:s3:::example-bucket/public/report.csv",
            new RequestContext().Set("aws:PrincipalOrgID", "o-example"));
        stack = new PolicySet
        {
            IdentityPolicies = [Read("""{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["s3:GetObject", "s3:ListBucket"], "Resource": ["arn:aws:s3:::example-bucket", "arn:aws:s3:::example-bucket/*"]}]}""")],
            ResourcePolicy = Read("""{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111111111111:role/EC2S3AccessRole"}, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::example-bucket/*"}, {"Effect": "Deny", "Principal": "*", "Action": "s3:*", "Resource": "arn:aws:s3:::example-bucket/*", "Condition": {"Bool": {"aws:SecureTransport": "false"}}}]}"""),
            PermissionsBoundary = Read("""{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:*", "Resource": "*"}}"""),
            ServiceControlPolicies = [[Read("""{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "*", "Resource": "*"}}""")],
                                      [Read("""{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["s3:*", "sts:*"], "Resource": "*"}, {"Effect": "Deny", "Action": "s3:DeleteBucket", "Resource": "*"}]}""")]],
            ResourceControlPolicies = [[Read("""{"Version": "2012-10-17", "Statement": {"Effect": "Deny", "Principal": "*", "Action": "s3:*", "Resource": "*", "Condition": {"StringNotEqualsIfExists": {"aws:PrincipalOrgID": "o-example"}}}}""")]],
        };
    }

    /// <summary>(a) One identity policy with one exact-match Allow.</summary>
    [Benchmark]
    public Decision ExactMatchAllow() => Authorizer.Authorize(simpleRequest, simple).Decision;

    /// <summary>(b) StringLike with wildcards, IPv4 and IPv6 CIDRs, a date window, ForAnyValue, Bool, and a NotIpAddress Deny.</summary>
    [Benchmark]
    public Decision ConditionHeavy() => Authorizer.Authorize(conditionRequest, conditions).Decision;

    /// <summary>(c) Identity, resource, boundary, two SCP levels and one RCP level.</summary>
    [Benchmark]
    public Decision FullStack() => Authorizer.Authorize(stackRequest, stack).Decision;

    private static PolicyDocument Read(string json) => PolicyReader.Read(json).Policy ?? throw new InvalidOperationException("benchmark policy does not read");
}
