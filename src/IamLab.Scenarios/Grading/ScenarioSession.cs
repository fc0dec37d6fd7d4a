using IamLab.Scenarios.Model;
using IamLab.Scenarios.Submissions;
using IamLab.World;

namespace IamLab.Scenarios.Grading;

/// <summary>
/// A scenario opened for interactive use (the notebook extension): builds the scenario's world exactly as the grader
/// does, with any set of file texts in place, and signs SAML responses and GitHub Actions tokens with the scenario's
/// own identity providers, which that world trusts. One session keeps one set of provider keys for all its worlds.
/// </summary>
public sealed class ScenarioSession : IDisposable
{
    private readonly FederationKit? federation;

    /// <summary>Opens <paramref name="scenario"/>.</summary>
    public ScenarioSession(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        Scenario = scenario;
        federation = FederationKit.IsNeeded(scenario) ? new FederationKit(scenario) : null;
    }

    /// <summary>The scenario.</summary>
    public Scenario Scenario { get; }

    /// <summary>
    /// The scenario's world with <paramref name="files"/> (by file name) in place, or the reason it cannot be built
    /// (for example the lab's IAM refusing a file).
    /// </summary>
    public (LabWorld? World, string? Error) BuildWorld(IReadOnlyDictionary<string, string> files, string directory = ".")
    {
        ArgumentNullException.ThrowIfNull(files);
        var (built, error) = WorldBuilder.Build(Scenario, new Submission(directory, files), federation);
        return built is null ? (null, error!.File is { } file ? $"{error.Where(file)}: {error.Message}" : error.Message) : (built.World, null);
    }

    /// <summary>A signed SAML response for <paramref name="nameId"/> naming the role and provider pair, or null when the scenario has no SAML provider.</summary>
    /// <param name="world">The scenario's world (its clock dates the response).</param>
    /// <param name="roleArn">The role of the Role attribute's pair.</param>
    /// <param name="providerArn">The SAML provider of the pair.</param>
    /// <param name="nameId">The subject's NameID.</param>
    /// <param name="roleSessionName">The RoleSessionName attribute (the NameID when null).</param>
    /// <param name="principalTags">PrincipalTag attributes (session tags).</param>
    /// <param name="transitiveTagKeys">The TransitiveTagKeys attribute.</param>
    /// <param name="sourceIdentity">The SourceIdentity attribute.</param>
    public string? SamlResponse(LabWorld world, string roleArn, string providerArn, string nameId, string? roleSessionName = null,
        IReadOnlyDictionary<string, string>? principalTags = null, IReadOnlyList<string>? transitiveTagKeys = null, string? sourceIdentity = null)
    {
        ArgumentNullException.ThrowIfNull(world);
        var step = new SamlStepSpec
        {
            RoleArn = roleArn,
            PrincipalArn = providerArn,
            NameId = nameId,
            RoleSessionName = roleSessionName,
            PrincipalTags = principalTags ?? new Dictionary<string, string>(),
            TransitiveTagKeys = transitiveTagKeys ?? [],
            SourceIdentity = sourceIdentity,
        };
        return federation?.SamlResponse(step, world.Time.GetUtcNow());
    }

    /// <summary>A signed GitHub Actions token from the scenario's issuer, or null when the scenario declares no such issuer.</summary>
    public string? GitHubToken(LabWorld world, string repository, string gitRef = "refs/heads/main", string? environment = null, string audience = "sts.amazonaws.com",
        string eventName = "push", string issuer = "https://token.actions.githubusercontent.com")
    {
        ArgumentNullException.ThrowIfNull(world);
        var step = new WebIdentityStepSpec
        {
            RoleArn = string.Empty,
            Repository = repository,
            Ref = gitRef,
            Environment = environment,
            Audience = audience,
            Event = eventName,
            Issuer = issuer,
        };
        return federation?.Token(step, world.Time.GetUtcNow());
    }

    /// <inheritdoc />
    public void Dispose() => federation?.Dispose();
}
