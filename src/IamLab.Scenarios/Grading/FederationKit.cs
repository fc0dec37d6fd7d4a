using System.Collections.Concurrent;
using IamLab.Scenarios.Model;
using IamLab.World.Federation;
using IamLab.World.Sts;

namespace IamLab.Scenarios.Grading;

/// <summary>
/// The identity providers behind a scenario's SAML and OIDC providers: the lab SAML IdP, one lab OIDC issuer per
/// declared issuer URL, and the verifier that knows their keys. Made once per scenario and shared by every
/// submission graded against it (keys are slow to make); tokens and assertions are cached by their content and
/// time, since the same check mints the same claims for every learner.
/// </summary>
internal sealed class FederationKit : IDisposable
{
    /// <summary>The entity id of the lab's SAML identity provider.</summary>
    public const string SamlEntityId = "https://idp.iamlab.example/saml";

    private readonly Lock gate = new();
    private readonly GradingClock clock;
    private readonly Dictionary<string, LabOidcIssuer> issuers = new(StringComparer.OrdinalIgnoreCase);
    private readonly LabSamlIdentityProvider? idp;
    private readonly ConcurrentDictionary<string, string> minted = new(StringComparer.Ordinal);

    public FederationKit(Scenario scenario)
    {
        clock = new GradingClock(scenario.Clock);
        Verifier = new MemoizingVerifier(labVerifier);
        foreach (var url in scenario.World.OidcProviders.Select(p => p.Url.TrimEnd('/')).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            var issuer = new LabOidcIssuer(clock, url);
            issuers[url] = issuer;
            labVerifier.RegisterIssuer(issuer);
        }

        if (scenario.World.SamlProviders.Count > 0)
        {
            idp = new LabSamlIdentityProvider(SamlEntityId, clock);
            SamlMetadata = idp.GetMetadataXml();
        }
    }

    private readonly LabFederationVerifier labVerifier = new();

    /// <summary>Checks assertions and tokens for every world of this scenario (the lab's verifier, each answer remembered).</summary>
    public IFederationVerifier Verifier { get; private set; }

    /// <summary>The metadata document the world's SAML providers are created with.</summary>
    public string SamlMetadata { get; } = string.Empty;

    /// <summary>True when a scenario needs the kit at all.</summary>
    public static bool IsNeeded(Scenario scenario) => scenario.World.OidcProviders.Count > 0 || scenario.World.SamlProviders.Count > 0;

    /// <summary>The certificate thumbprint IAM records for an issuer.</summary>
    public string Thumbprint(string url) => issuers[url.TrimEnd('/')].Thumbprint;

    /// <summary>A signed token for a GitHub workflow run at <paramref name="at"/>, or null when the issuer is not declared.</summary>
    public string? Token(WebIdentityStepSpec step, DateTimeOffset at)
    {
        if (!issuers.TryGetValue(step.Issuer.TrimEnd('/'), out var issuer))
        {
            return null;
        }

        var claims = new GitHubWorkflowClaims { Repository = step.Repository, Ref = step.Ref, Environment = step.Environment, EventName = step.Event };
        var key = string.Join('\n', "oidc", issuer.Issuer, at.UtcTicks, step.Audience, claims.Subject, claims.Ref, claims.EventName);
        return minted.GetOrAdd(key, _ =>
        {
            lock (gate)
            {
                clock.Set(at);
                return issuer.MintToken(claims, new OidcTokenOptions { Audience = step.Audience });
            }
        });
    }

    /// <summary>A signed SAML response (base64) for the step's user at <paramref name="at"/>, or null without a SAML provider.</summary>
    public string? SamlResponse(SamlStepSpec step, DateTimeOffset at)
    {
        if (idp is null)
        {
            return null;
        }

        var tags = string.Join(',', step.PrincipalTags.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => $"{t.Key}={t.Value}"));
        var key = string.Join('\n', "saml", at.UtcTicks, step.RoleArn, step.PrincipalArn, step.NameId, step.RoleSessionName, step.SessionDuration, tags, step.Audience,
            string.Join(',', step.TransitiveTagKeys), step.SourceIdentity);
        return minted.GetOrAdd(key, _ =>
        {
            var user = new SamlUser
            {
                NameId = step.NameId,
                RoleSessionName = step.RoleSessionName ?? step.NameId,
                SessionDurationSeconds = step.SessionDuration,
                Roles = [new SamlRolePair(step.RoleArn, step.PrincipalArn)],
                PrincipalTags = step.PrincipalTags,
                TransitiveTagKeys = step.TransitiveTagKeys,
                SourceIdentity = step.SourceIdentity,
            };
            // SAML:aud comes from the Recipient the response is posted to; a response addressed elsewhere names it in both.
            var options = step.Audience is null ? new SamlIssueOptions() : new SamlIssueOptions { Audience = step.Audience, Recipient = step.Audience };
            lock (gate)
            {
                clock.Set(at);
                return idp.IssueResponse(user, options);
            }
        });
    }

    public void Dispose()
    {
        foreach (var issuer in issuers.Values)
        {
            issuer.Dispose();
        }

        idp?.Dispose();
    }
}
