using IamLab.World.Federation;

namespace IamLab.Endpoint.Federation;

/// <summary>Checks the lab IdP requests and turns them into the world's SAML user and GitHub workflow claims.</summary>
public static class LabTokenRequestChecks
{
    /// <summary>Checks a SAML response request.</summary>
    /// <param name="request">The request.</param>
    /// <param name="user">The user to assert, when valid.</param>
    /// <param name="options">How to shape the response, when valid.</param>
    /// <returns>Null when valid, else the error.</returns>
    public static LabRouteError? Check(SamlResponseRequest request, out SamlUser? user, out SamlIssueOptions? options)
    {
        ArgumentNullException.ThrowIfNull(request);
        user = null;
        options = null;
        if (string.IsNullOrWhiteSpace(request.NameId))
        {
            return Missing("nameId");
        }

        var roles = new List<SamlRolePair>();
        foreach (var (role, index) in (request.Roles ?? []).Select((r, i) => (r, i)))
        {
            if (string.IsNullOrWhiteSpace(role.RoleArn) || string.IsNullOrWhiteSpace(role.ProviderArn))
            {
                return new LabRouteError(400, "MissingField", $"roles[{index}] needs both \"roleArn\" and \"providerArn\".");
            }

            roles.Add(new SamlRolePair(role.RoleArn, role.ProviderArn));
        }

        if (roles.Count == 0)
        {
            return Missing("roles");
        }

        user = new SamlUser
        {
            NameId = request.NameId,
            RoleSessionName = request.RoleSessionName ?? request.NameId,
            Roles = roles,
            SessionDurationSeconds = request.SessionDurationSeconds,
            PrincipalTags = request.PrincipalTags ?? new Dictionary<string, string>(),
        };
        options = request.Audience is null ? new SamlIssueOptions() : new SamlIssueOptions { Audience = request.Audience };
        return null;
    }

    /// <summary>Checks an OIDC token request.</summary>
    /// <param name="request">The request.</param>
    /// <param name="claims">The workflow run, when valid.</param>
    /// <param name="options">Audience and lifetime, when valid.</param>
    /// <returns>Null when valid, else the error.</returns>
    public static LabRouteError? Check(OidcTokenRequest request, out GitHubWorkflowClaims? claims, out OidcTokenOptions? options)
    {
        ArgumentNullException.ThrowIfNull(request);
        claims = null;
        options = null;
        if (string.IsNullOrWhiteSpace(request.Repository))
        {
            return Missing("repository");
        }

        var parts = request.Repository.Split('/');
        if (parts.Length != 2 || parts.Any(p => p.Length == 0))
        {
            return new LabRouteError(400, "InvalidField", $"\"repository\" must be OWNER/NAME; got \"{request.Repository}\".");
        }

        if (request.LifetimeSeconds is < 1 or > 3600)
        {
            return new LabRouteError(400, "InvalidField", $"\"lifetimeSeconds\" must be 1 to 3600; got {request.LifetimeSeconds}.");
        }

        claims = new GitHubWorkflowClaims
        {
            Repository = request.Repository,
            Ref = request.Ref ?? "refs/heads/main",
            Environment = request.Environment,
            EventName = request.EventName ?? "push",
            Actor = request.Actor ?? "octocat",
        };
        options = new OidcTokenOptions
        {
            Audience = request.Audience ?? OidcTokenOptions.StsAudience,
            Lifetime = TimeSpan.FromSeconds(request.LifetimeSeconds ?? 300),
        };
        return null;
    }

    private static LabRouteError Missing(string field) => new(400, "MissingField", $"The request needs \"{field}\".");
}
