using System.Text;
using IamLab.Policy.Model;
using IamLab.Scenarios.Model;
using IamLab.Scenarios.Submissions;
using IamLab.World;
using IamLab.World.Authorization;
using IamLab.World.Errors;
using IamLab.World.Federation;

namespace IamLab.Scenarios.Grading;

/// <summary>Builds a scenario's world through the world's own IAM, S3 and Organizations APIs, with the submission's files in place.</summary>
internal sealed class WorldBuilder
{
    private readonly Scenario scenario;
    private readonly Submission submission;
    private readonly LabWorld world;
    private readonly PolicyOrigins origins = new();
    private readonly BuiltWorld built;

    private WorldBuilder(Scenario scenario, Submission submission, FederationKit? federation, TimeProvider? time = null)
    {
        this.scenario = scenario;
        this.submission = submission;
        var clock = new GradingClock(scenario.Clock);
        // INVARIANT: without a time provider (grading) the world runs on the grading clock that CheckRunner moves;
        // with one (serving) the world runs on it and the grading clock is never consulted.
        world = new LabWorld(time ?? clock);
        if (federation is not null)
        {
            world.FederationVerifier = federation.Verifier;
        }

        built = new BuiltWorld(world, clock, origins, federation, submission.Files);
    }

    public static (BuiltWorld? World, WorldBuildError? Error) Build(Scenario scenario, Submission submission, FederationKit? federation)
    {
        var builder = new WorldBuilder(scenario, submission, federation);
        try
        {
            builder.BuildAll();
            return (builder.built, null);
        }
        catch (BuildFailure failure)
        {
            return (null, failure.Error);
        }
    }

    /// <summary>
    /// Builds the scenario's world for the lab endpoint: on <paramref name="time"/> (the real clock, so signatures and
    /// session expiry work) and with the world's own identity providers behind its SAML and OIDC providers, so that
    /// the endpoint's <c>/_lab</c> routes mint assertions and tokens the world accepts.
    /// </summary>
    public static (LabWorld? World, WorldBuildError? Error) BuildForServing(Scenario scenario, Submission submission, TimeProvider time)
    {
        var builder = new WorldBuilder(scenario, submission, federation: null, time);
        try
        {
            builder.BuildAll();
            return (builder.world, null);
        }
        catch (BuildFailure failure)
        {
            return (null, failure.Error);
        }
    }

    private void BuildAll()
    {
        var spec = scenario.World;
        foreach (var account in spec.Accounts)
        {
            Ok(world.CreateAccount(account), $"account {account}", null);
        }

        foreach (var policy in spec.Policies)
        {
            var arn = Arn.Parse(policy.Arn);
            var made = Ok(Iam(arn.Account, policy.Arn).CreatePolicy(arn.Name, Text(policy.Source), arn.Path), policy.Arn, policy.Source.File);
            origins.Add(made.Document.Document, Label(policy.Source, $"customer managed policy {arn.Name}"), policy.Source.File);
        }

        foreach (var group in spec.Groups)
        {
            var arn = Arn.Parse(group.Arn);
            var iam = Iam(arn.Account, group.Arn);
            Ok(iam.CreateGroup(arn.Name, arn.Path), group.Arn, null);
            foreach (var policy in group.Policies)
            {
                if (policy.Managed is null)
                {
                    throw new BuildFailure(new WorldBuildError($"{group.Arn}: the lab's groups take only managed policies ({{managed: ARN}}).", null));
                }

                Ok(iam.AttachGroupPolicy(arn.Name, policy.Managed), $"{group.Arn} policy {policy.Managed}", null);
                AddManaged(policy.Managed);
            }
        }

        foreach (var user in spec.Users)
        {
            BuildUser(user);
        }

        foreach (var role in spec.Roles)
        {
            BuildRole(role);
        }

        foreach (var linked in spec.ServiceLinkedRoles)
        {
            Ok(Iam(linked.Account, linked.Service).CreateServiceLinkedRole(linked.Service, linked.Suffix), $"service-linked role for {linked.Service}", null);
        }

        foreach (var profile in spec.InstanceProfiles)
        {
            var arn = Arn.Parse(profile.Arn);
            var iam = Iam(arn.Account, profile.Arn);
            Ok(iam.CreateInstanceProfile(arn.Name, arn.Path), profile.Arn, null);
            if (profile.Role is not null)
            {
                Ok(iam.AddRoleToInstanceProfile(arn.Name, profile.Role), $"{profile.Arn} role {profile.Role}", null);
            }
        }

        foreach (var bucket in spec.Buckets)
        {
            BuildBucket(bucket);
        }

        foreach (var provider in spec.SamlProviders)
        {
            var arn = Arn.Parse(provider);
            Ok(Iam(arn.Account, provider).CreateSamlProvider(arn.Name, SamlMetadata()), provider, null);
        }

        foreach (var provider in spec.OidcProviders)
        {
            Ok(Iam(provider.Account, provider.Url).CreateOpenIdConnectProvider(provider.Url, provider.ClientIds, [Thumbprint(provider.Url)]), provider.Url, null);
        }

        if (spec.Organization is { } organization)
        {
            BuildOrganization(organization);
        }

        // Last, as the learner would: the world exists, then they change its roles' settings.
        foreach (var file in scenario.Files.Where(f => f.Form == FileForm.RoleSettings))
        {
            ApplyRoleSettings(file);
        }

        // Then the scenario's incident, first in the world's event log (the same eventIDs in every build).
        if (IncidentReplay.Run(scenario, built) is { } problem)
        {
            throw new BuildFailure(new WorldBuildError(problem, null));
        }
    }

    /// <summary>
    /// Applies a role-settings file's UpdateRole requests in order, each authorized as the file's user (iam:UpdateRole on the
    /// role, as the endpoint authorizes UpdateRole) and made by the world's UpdateRole (the endpoint's own operation), so IAM's
    /// limits and AWS's texts apply. A refusal stops the build, pointing at the value refused.
    /// </summary>
    private void ApplyRoleSettings(ScenarioFile file)
    {
        var read = RoleSettingsFile.Read(submission.Files[file.Name]);
        if (read.HasErrors)
        {
            var first = read.Diagnostics[0];
            throw new BuildFailure(new WorldBuildError(first.Message, file.Name, first.Position.Line, first.Position.Column, first.Code));
        }

        var by = Arn.Parse(file.AppliedBy!);
        var iam = Iam(by.Account, file.AppliedBy!);
        foreach (var entry in read.Entries)
        {
            var roleArn = iam.GetRole(entry.RoleName) is { IsSuccess: true } found ? found.Value.Arn : $"arn:aws:iam::{by.Account}:role/{entry.RoleName}";
            var check = world.AuthorizeAs(file.AppliedBy!, "iam:UpdateRole", roleArn, trace: false);
            if (!check.IsSuccess)
            {
                throw new BuildFailure(new WorldBuildError($"{file.AppliedBy}: {check.Error!.Code}: {check.Error.Message}", null));
            }

            var result = check.Value.ToError() ?? (iam.UpdateRole(entry.RoleName, entry.MaxSessionDuration, entry.Description) is { IsSuccess: false } refused ? refused.Error : null);
            if (result is { } error)
            {
                var validation = error.Code == "ValidationError";
                var at = !validation ? entry.RoleNamePosition
                    : error.Message.Contains("maxSessionDuration", StringComparison.Ordinal) ? entry.DurationPosition : entry.Position;
                throw new BuildFailure(new WorldBuildError($"UpdateRole of {entry.RoleName} as {file.AppliedBy}: {error.Code}: {error.Message}", file.Name,
                    at.Line, at.Column, validation ? GradingCodes.RoleSettingsValidationError : GradingCodes.RoleSettingsRefused));
            }
        }
    }

    private void BuildUser(UserSpec user)
    {
        var arn = Arn.Parse(user.Arn);
        var iam = Iam(arn.Account, user.Arn);
        Ok(iam.CreateUser(arn.Name, arn.Path, user.Tags.Select(t => new Tag(t.Key, t.Value)), user.Boundary), user.Arn, null);
        AddManaged(user.Boundary);
        foreach (var group in user.Groups)
        {
            Ok(iam.AddUserToGroup(group, arn.Name), $"{user.Arn} group {group}", null);
        }

        foreach (var policy in user.Policies)
        {
            if (policy.Managed is not null)
            {
                Ok(iam.AttachUserPolicy(arn.Name, policy.Managed), $"{user.Arn} policy {policy.Managed}", null);
                AddManaged(policy.Managed);
                continue;
            }

            var name = policy.Name!;
            Ok(iam.PutUserPolicy(arn.Name, name, Text(policy)), $"{user.Arn} inline policy {name}", policy.File);
            var document = world.Accounts[arn.Account].Users[arn.Name].InlinePolicies[name].Document;
            origins.Add(document, Label(policy, $"inline policy {name} of user/{arn.Name}"), policy.File);
        }
    }

    private void BuildRole(RoleSpec role)
    {
        var arn = Arn.Parse(role.Arn);
        var iam = Iam(arn.Account, role.Arn);
        var made = Ok(iam.CreateRole(arn.Name, Text(role.Trust), arn.Path, role.Description, role.MaxSessionDuration,
            role.Tags.Select(t => new Tag(t.Key, t.Value)), role.Boundary), role.Arn, role.Trust.File);
        origins.Add(made.TrustPolicy.Document, Label(role.Trust, $"trust policy of role/{arn.Name}"), role.Trust.File);
        if (role.LastUsed is { } used)
        {
            Ok(iam.RecordRoleUse(arn.Name, used.Date, used.Region), $"{role.Arn} lastUsed", null);
        }

        if (role.Trust.File is { } trustFile)
        {
            built.TrustFileAccounts[trustFile] = arn.Account;
        }

        AddManaged(role.Boundary);
        foreach (var policy in role.Policies)
        {
            if (policy.Managed is not null)
            {
                Ok(iam.AttachRolePolicy(arn.Name, policy.Managed), $"{role.Arn} policy {policy.Managed}", null);
                AddManaged(policy.Managed);
                continue;
            }

            var name = policy.Name!;
            Ok(iam.PutRolePolicy(arn.Name, name, Text(policy)), $"{role.Arn} inline policy {name}", policy.File);
            origins.Add(made.InlinePolicies[name].Document, Label(policy, $"inline policy {name} of role/{arn.Name}"), policy.File);
        }
    }

    private void BuildBucket(BucketSpec bucket)
    {
        if (!world.Accounts.ContainsKey(bucket.Account))
        {
            throw new BuildFailure(new WorldBuildError($"bucket {bucket.Name}: account {bucket.Account} is not in world.accounts.", null));
        }

        var made = Ok(world.S3.CreateBucket(bucket.Account, bucket.Name), $"bucket {bucket.Name}", null);
        if (bucket.Policy is { } policy)
        {
            Ok(world.S3.PutBucketPolicy(bucket.Name, Text(policy)), $"bucket policy of {bucket.Name}", policy.File);
            origins.Add(made.Policy?.Document, Label(policy, $"bucket policy of {bucket.Name}"), policy.File);
        }

        foreach (var key in bucket.Objects)
        {
            Ok(world.S3.Seed(bucket.Name, key, Encoding.UTF8.GetBytes($"lab object {key}\n")), $"object {bucket.Name}/{key}", null);
        }
    }

    private void BuildOrganization(OrganizationSpec organization)
    {
        var org = Ok(world.Organizations.CreateOrganization(organization.ManagementAccount, organization.Id), "organization", null);
        foreach (var unit in organization.Units)
        {
            var made = Ok(world.Organizations.CreateOrganizationalUnit(unit.Name, org.RootId), $"OU {unit.Name}", null);
            foreach (var account in unit.Accounts)
            {
                Ok(world.Organizations.MoveAccount(account, made.Id), $"OU {unit.Name} account {account}", null);
            }

            foreach (var scp in unit.Scps)
            {
                Ok(world.Organizations.AttachServiceControlPolicy(made.Id, Text(scp)), $"SCP of OU {unit.Name}", scp.File);
                origins.Add(made.ServiceControlPolicies[^1].Document, Label(scp, $"SCP of OU {unit.Name}"), scp.File);
            }

            foreach (var rcp in unit.Rcps)
            {
                Ok(world.Organizations.AttachResourceControlPolicy(made.Id, Text(rcp)), $"RCP of OU {unit.Name}", rcp.File);
                origins.Add(made.ResourceControlPolicies[^1].Document, Label(rcp, $"RCP of OU {unit.Name}"), rcp.File);
            }
        }
    }

    // Grading uses the scenario's federation kit; serving has none and uses the world's own identity providers.
    private string SamlMetadata() => built.Federation?.SamlMetadata ?? world.Federation.SamlIdentityProvider.GetMetadataXml();

    private string Thumbprint(string url)
    {
        if (built.Federation is { } kit)
        {
            return kit.Thumbprint(url);
        }

        if (string.Equals(url.TrimEnd('/'), LabOidcIssuer.GitHubActionsIssuer, StringComparison.OrdinalIgnoreCase))
        {
            return world.Federation.GitHubIssuer.Thumbprint;
        }

        // Another issuer: its key set is published to the world's verifier; the lab endpoint mints only GitHub tokens.
        var issuer = new LabOidcIssuer(world.Time, url.TrimEnd('/'));
        world.Federation.RegisterIssuer(issuer);
        return issuer.Thumbprint;
    }

    private void AddManaged(string? arn)
    {
        if (arn is not null && world.FindPolicy(arn) is { } policy)
        {
            var kind = policy.IsAwsManaged ? "AWS managed policy" : "customer managed policy";
            if (origins.Find(policy.Document.Document) is null)
            {
                origins.Add(policy.Document.Document, $"{kind} {policy.Name}", null);
            }
        }
    }

    private IamLab.World.Iam.IamService Iam(string account, string what) =>
        world.Accounts.ContainsKey(account)
            ? world.Iam(account)
            : throw new BuildFailure(new WorldBuildError($"{what}: account {account} is not in world.accounts.", null));

    private string Text(PolicySource source) => source.File is { } file ? submission.Files[file] : source.Json!;

    private static string Label(PolicySource source, string otherwise) => source.File ?? otherwise;

    private static T Ok<T>(IamResult<T> result, string what, string? file) =>
        result.IsSuccess ? result.Value : throw new BuildFailure(new WorldBuildError($"{what}: {result.Error!.Code}: {result.Error.Message}", file));

    private sealed class BuildFailure(WorldBuildError error) : Exception(error.Message)
    {
        public WorldBuildError Error { get; } = error;
    }
}
