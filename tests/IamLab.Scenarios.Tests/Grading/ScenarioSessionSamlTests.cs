using System.Text;
using System.Xml.Linq;
using IamLab.Scenarios.Grading;
using IamLab.Scenarios.Loading;

namespace IamLab.Scenarios.Tests.Grading;

/// <summary>
/// The SAML responses a scenario's identity provider signs for the notebook and the labs apps (<c>#!lab-saml</c>):
/// the TransitiveTagKeys and SourceIdentity attributes are asserted when asked for, as AWS reads them
/// (IAM User Guide, "Configure SAML assertions for the authentication response"), and left out otherwise.
/// </summary>
public sealed class ScenarioSessionSamlTests
{
    private const string Role = "arn:aws:iam::123456789012:role/FederatedDeveloperAccess";
    private const string Provider = "arn:aws:iam::123456789012:saml-provider/MyCompanySSO";
    private const string AttributePrefix = "https://aws.amazon.com/SAML/Attributes/";

    [Fact]
    public void TransitiveTagKeysAndSourceIdentity_AreAsserted_WhenAskedFor()
    {
        using var session = Session(out var world);

        var response = session.SamlResponse(world, Role, Provider, "alice@example.com", null,
            new Dictionary<string, string> { ["team"] = "dev" }, ["team"], "alice");

        var attributes = Attributes(response!);
        Assert.Equal(["dev"], attributes[AttributePrefix + "PrincipalTag:team"]);
        Assert.Equal(["team"], attributes[AttributePrefix + "TransitiveTagKeys"]);
        Assert.Equal(["alice"], attributes[AttributePrefix + "SourceIdentity"]);

        // The solution's trust allows neither sts:TagSession nor sts:SetSourceIdentity: STS reads the attributes and refuses.
        var refused = world.Sts.AssumeRoleWithSaml(Role, Provider, response!, null);
        Assert.Equal("AccessDenied", refused.Error?.Code);
    }

    [Fact]
    public void WithoutThem_NeitherAttributeIsAsserted_AndTheSolutionSignsIn()
    {
        using var session = Session(out var world);

        var response = session.SamlResponse(world, Role, Provider, "alice@example.com");

        var attributes = Attributes(response!);
        Assert.False(attributes.ContainsKey(AttributePrefix + "TransitiveTagKeys"));
        Assert.False(attributes.ContainsKey(AttributePrefix + "SourceIdentity"));
        Assert.True(world.Sts.AssumeRoleWithSaml(Role, Provider, response!, null).IsSuccess);
    }

    private static ScenarioSession Session(out IamLab.World.LabWorld world)
    {
        var loaded = ScenarioLoader.Load(Repo.Scenario("saml-federation"));
        var session = new ScenarioSession(loaded.Scenario!);
        var files = Directory.GetFiles(Repo.Solution("saml-federation"), "*.json").ToDictionary(f => Path.GetFileName(f), File.ReadAllText);
        var (built, error) = session.BuildWorld(files, Repo.Solution("saml-federation"));
        world = built ?? throw new InvalidOperationException(error);
        return session;
    }

    private static Dictionary<string, List<string>> Attributes(string response)
    {
        XNamespace saml = "urn:oasis:names:tc:SAML:2.0:assertion";
        var xml = XDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(response)));
        return xml.Descendants(saml + "Attribute").ToDictionary(
            a => (string)a.Attribute("Name")!,
            a => a.Elements(saml + "AttributeValue").Select(v => v.Value).ToList());
    }
}
