using IamLab.Scenarios.Loading;

namespace IamLab.Scenarios.Tests.Loading;

/// <summary>
/// <c>organization.id</c> fixes the organization's id for policies that name it in <c>aws:PrincipalOrgID</c>; an id not
/// of AWS's form (Organizations API Reference, Organization, Id: <c>^o-[a-z0-9]{10,32}$</c>) is named with its line.
/// </summary>
public class OrganizationIdFieldTests
{
    private const string Scenario = """
        id: demo
        title: Demo
        files:
          - name: bucket-policy.json
            kind: resource
        world:
          accounts: ["111111111111", "222222222222"]
          organization:
            id: ORGID
            managementAccount: "111111111111"
            units:
              - name: Workloads
                accounts: ["222222222222"]
          users:
            - arn: arn:aws:iam::222222222222:user/dev
          buckets:
            - name: b
              account: "111111111111"
              policy: { file: bucket-policy.json }
        checks:
          - name: works
            hint: h
            request: { principal: "arn:aws:iam::222222222222:user/dev", action: s3:GetObject, resource: "arn:aws:s3:::b/k" }
            expect: allowed
        """;

    private static ScenarioLoadResult Parse(string id) =>
        ScenarioLoader.Parse(Scenario.Replace("ORGID", id, StringComparison.Ordinal), "demo/scenario.yaml", "demo");

    [Fact]
    public void Id_IsReadOntoTheOrganization()
    {
        var loaded = Parse("o-a1b2c3d4e5");

        Assert.True(loaded.IsSuccess, string.Join("\n", loaded.Problems));
        Assert.Equal("o-a1b2c3d4e5", loaded.Scenario!.World.Organization!.Id);
    }

    [Theory]
    [InlineData("o-short")]
    [InlineData("o-A1B2C3D4E5")]
    [InlineData("a1b2c3d4e5f6")]
    public void MalformedId_NamedWithItsLine(string id)
    {
        var loaded = Parse(id);

        Assert.Contains(loaded.Problems, p => p.ToString() == $"demo/scenario.yaml:9:9: SCENARIO_INVALID_VALUE: The organization id \"{id}\" must be o- followed by 10 to 32 lower-case letters or digits.");
    }
}
