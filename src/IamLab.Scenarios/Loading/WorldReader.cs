using System.Text.RegularExpressions;
using IamLab.Scenarios.Model;
using YamlDotNet.RepresentationModel;

namespace IamLab.Scenarios.Loading;

/// <summary>Reads the <c>world:</c> section of scenario.yaml.</summary>
internal static partial class WorldReader
{
    public static WorldSpec Read(YamlNode? node, YamlSource source, PolicyReferences policies)
    {
        var world = new YamlFields(node, "world", source, "accounts", "policies", "users", "groups", "roles", "serviceLinkedRoles",
            "instanceProfiles", "buckets", "samlProviders", "oidcProviders", "organization");
        var accounts = world.Strings("accounts");
        if (node is not null && !world.Has("accounts"))
        {
            source.Report(ScenarioCodes.MissingField, "The field \"accounts\" is required here.", node);
        }

        foreach (var account in accounts.Where(a => !AccountId().IsMatch(a)))
        {
            source.Report(ScenarioCodes.InvalidValue, $"\"{account}\" is not a 12-digit account id (quote it: \"111111111111\").", world.Node("accounts")!);
        }

        return new WorldSpec
        {
            Accounts = accounts,
            Policies = world.List("policies").Select(n => ManagedPolicy(n, source, policies)).OfType<ManagedPolicySpec>().ToList(),
            Users = world.List("users").Select(n => User(n, source, policies)).OfType<UserSpec>().ToList(),
            Groups = world.List("groups").Select(n => Group(n, source, policies)).OfType<GroupSpec>().ToList(),
            Roles = world.List("roles").Select(n => Role(n, source, policies)).OfType<RoleSpec>().ToList(),
            ServiceLinkedRoles = world.List("serviceLinkedRoles").Select(n => ServiceLinked(n, source)).OfType<ServiceLinkedRoleSpec>().ToList(),
            InstanceProfiles = world.List("instanceProfiles").Select(n => InstanceProfile(n, source)).OfType<InstanceProfileSpec>().ToList(),
            Buckets = world.List("buckets").Select(n => Bucket(n, source, policies)).OfType<BucketSpec>().ToList(),
            SamlProviders = world.List("samlProviders").Select(n => IamArn(new YamlFields(n, "a SAML provider", source, "arn"), ":saml-provider/")).OfType<string>().ToList(),
            OidcProviders = world.List("oidcProviders").Select(n => Oidc(n, source)).OfType<OidcProviderSpec>().ToList(),
            Organization = world.Node("organization") is { } org ? Organization(org, source, policies) : null,
        };
    }

    private static ManagedPolicySpec? ManagedPolicy(YamlNode node, YamlSource source, PolicyReferences policies)
    {
        var fields = new YamlFields(node, "a managed policy", source, "arn", "file", "document");
        var arn = IamArn(fields, ":policy/");
        var document = fields.Node("document");
        var file = fields.String("file");
        var reference = policies.Document(document is null && file is null ? null : Sub(file, document), "a managed policy");
        if (document is null && file is null)
        {
            source.Report(ScenarioCodes.PolicyReference, "A managed policy needs exactly one of file or document.", node);
        }

        return arn is null || reference is null ? null : new ManagedPolicySpec(arn, reference with { Name = arn[(arn.LastIndexOf('/') + 1)..] });
    }

    // A managed policy's file/document sit beside its arn; rebuild a mapping holding only them.
    private static YamlMappingNode Sub(string? file, YamlNode? document)
    {
        var map = new YamlMappingNode();
        if (file is not null)
        {
            map.Add("file", file);
        }

        if (document is not null)
        {
            map.Add(new YamlScalarNode("document"), document);
        }

        return map;
    }

    private static UserSpec? User(YamlNode node, YamlSource source, PolicyReferences policies)
    {
        var fields = new YamlFields(node, "a user", source, "arn", "policies", "groups", "boundary", "tags");
        var arn = IamArn(fields, ":user/");
        return arn is null ? null : new UserSpec(arn, policies.Items(fields.List("policies")), fields.Strings("groups"), fields.String("boundary"), fields.StringMap("tags"));
    }

    private static GroupSpec? Group(YamlNode node, YamlSource source, PolicyReferences policies)
    {
        var fields = new YamlFields(node, "a group", source, "arn", "policies");
        var arn = IamArn(fields, ":group/");
        return arn is null ? null : new GroupSpec(arn, policies.Items(fields.List("policies")));
    }

    private static RoleSpec? Role(YamlNode node, YamlSource source, PolicyReferences policies)
    {
        var fields = new YamlFields(node, "a role", source, "arn", "trust", "maxSessionDuration", "policies", "boundary", "tags", "description", "lastUsed");
        var arn = IamArn(fields, ":role/");
        var trust = policies.Document(fields.Node("trust"), "a trust policy");
        if (!fields.Has("trust"))
        {
            source.Report(ScenarioCodes.MissingField, "The field \"trust\" is required here.", node);
        }

        var max = fields.Int("maxSessionDuration");
        if (max is < 3600 or > 43200)
        {
            source.Report(ScenarioCodes.InvalidValue, $"maxSessionDuration must be between 3600 and 43200 seconds, not {max}.", fields.Node("maxSessionDuration")!);
        }

        return arn is null || trust is null ? null
            : new RoleSpec(arn, trust, max, policies.Items(fields.List("policies")), fields.String("boundary"), fields.StringMap("tags"), fields.String("description"))
            {
                LastUsed = LastUsed(fields, source),
            };
    }

    // lastUsed: { date: 2025-11-02T08:15:00Z, region: eu-west-1 }: the role's RoleLastUsed when the scenario starts.
    private static RoleUseSpec? LastUsed(YamlFields role, YamlSource source)
    {
        if (role.Node("lastUsed") is not { } node)
        {
            return null;
        }

        var fields = new YamlFields(node, "lastUsed", source, "date", "region");
        var date = fields.Time("date");
        if (!fields.Has("date"))
        {
            fields.String("date", required: true);
        }

        var region = fields.String("region") ?? "us-east-1";
        return date is null ? null : new RoleUseSpec(date.Value, region);
    }

    private static ServiceLinkedRoleSpec? ServiceLinked(YamlNode node, YamlSource source)
    {
        var fields = new YamlFields(node, "a service-linked role", source, "account", "service", "suffix");
        var account = fields.String("account", required: true);
        var service = fields.String("service", required: true);
        return account is null || service is null ? null : new ServiceLinkedRoleSpec(account, service, fields.String("suffix"));
    }

    private static InstanceProfileSpec? InstanceProfile(YamlNode node, YamlSource source)
    {
        var fields = new YamlFields(node, "an instance profile", source, "arn", "role");
        var arn = IamArn(fields, ":instance-profile/");
        return arn is null ? null : new InstanceProfileSpec(arn, fields.String("role"));
    }

    private static BucketSpec? Bucket(YamlNode node, YamlSource source, PolicyReferences policies)
    {
        var fields = new YamlFields(node, "a bucket", source, "name", "account", "policy", "objects");
        var name = fields.String("name", required: true);
        var account = fields.String("account", required: true);
        return name is null || account is null ? null
            : new BucketSpec(name, account, policies.Document(fields.Node("policy"), "a bucket policy"), fields.Strings("objects"));
    }

    private static OidcProviderSpec? Oidc(YamlNode node, YamlSource source)
    {
        var fields = new YamlFields(node, "an OIDC provider", source, "account", "url", "clientIds");
        var account = fields.String("account", required: true);
        var url = fields.String("url", required: true);
        if (url is not null && !url.StartsWith("https://", StringComparison.Ordinal))
        {
            source.Report(ScenarioCodes.InvalidValue, $"The OIDC provider URL \"{url}\" must begin with https://.", fields.Node("url")!);
        }

        var clientIds = fields.Strings("clientIds");
        return account is null || url is null ? null : new OidcProviderSpec(account, url, clientIds.Count > 0 ? clientIds : ["sts.amazonaws.com"]);
    }

    private static OrganizationSpec? Organization(YamlNode node, YamlSource source, PolicyReferences policies)
    {
        var fields = new YamlFields(node, "organization", source, "id", "managementAccount", "units");
        var management = fields.String("managementAccount", required: true);
        var id = fields.String("id");
        if (id is not null && !IamLab.World.Accounts.Organization.IsValidId(id))
        {
            source.Report(ScenarioCodes.InvalidValue, $"The organization id \"{id}\" must be o- followed by 10 to 32 lower-case letters or digits.", fields.Node("id")!);
            id = null;
        }

        var units = new List<UnitSpec>();
        foreach (var unitNode in fields.List("units"))
        {
            var unit = new YamlFields(unitNode, "an organizational unit", source, "name", "accounts", "scps", "rcps");
            var name = unit.String("name", required: true);
            if (name is null)
            {
                continue;
            }

            units.Add(new UnitSpec(name, unit.Strings("accounts"),
                unit.List("scps").Select(n => policies.Document(n, "an SCP")).OfType<PolicySource>().ToList(),
                unit.List("rcps").Select(n => policies.Document(n, "an RCP")).OfType<PolicySource>().ToList()));
        }

        return management is null ? null : new OrganizationSpec(management, units) { Id = id };
    }

    // INVARIANT: what this accepts, WorldBuilder parses with Arn.Parse (an IAM ARN of the right type, never a throw there).
    private static string? IamArn(YamlFields fields, string type)
    {
        var arn = fields.String("arn", required: true);
        if (arn is not null
            && !(IamLab.Policy.Model.Arn.TryParse(arn) is { Partition: "aws", Service: "iam", Region.Length: 0 } parsed && parsed.ResourceType == type[1..^1]))
        {
            fields.Source.Report(ScenarioCodes.InvalidValue, $"\"{arn}\" is not an ARN of the form arn:aws:iam::ACCOUNT{type}NAME.", fields.Node("arn")!);
            return null;
        }

        return arn;
    }

    [GeneratedRegex("^[0-9]{12}$")]
    private static partial Regex AccountId();
}
