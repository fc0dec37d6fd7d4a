using System.Security.Cryptography;
using IamLab.World.Errors;
using IamLab.World.Iam;
using IamLab.World.Sts;

namespace IamLab.World.Federation;

/// <summary>
/// The world's own identity providers and the verifier STS uses by default (<see cref="LabWorld.Federation"/>): a SAML
/// 2.0 identity provider and a GitHub Actions-shaped OIDC issuer, whose keys the world makes on first use and keeps in
/// its saved state. Grader, endpoint and notebooks mint real signed tokens here and run the federation flows with them.
/// </summary>
/// <example>
/// <code>
/// world.Federation.CreateSamlProvider("111111111111", "MyCompanySSO");
/// var saml = world.Federation.IssueSamlResponse(new SamlUser { NameId = "alice", RoleSessionName = "alice",
///     Roles = [new SamlRolePair(roleArn, "arn:aws:iam::111111111111:saml-provider/MyCompanySSO")] });
/// var session = world.Sts.AssumeRoleWithSaml(roleArn, providerArn, saml);
///
/// world.Federation.CreateGitHubProvider("111111111111");
/// var jwt = world.Federation.IssueGitHubToken(GitHubWorkflowClaims.ForBranch("myorg/myrepo"));
/// var ci = world.Sts.AssumeRoleWithWebIdentity(roleArn, "gha-run-1", jwt);
/// </code>
/// </example>
public sealed class FederationService
{
    /// <summary>The entity ID (Issuer) of the lab SAML identity provider unless configured otherwise.</summary>
    public const string DefaultSamlEntityId = "https://idp.lab.example/saml";

    private readonly LabWorld world;
    private LabSamlIdentityProvider? saml;
    private LabOidcIssuer? github;

    internal FederationService(LabWorld world)
    {
        this.world = world;
        Verifier = new LabFederationVerifier(world.Data.Federation.Jwks);
    }

    /// <summary>
    /// The verifier STS uses unless <see cref="LabWorld.FederationVerifier"/> is replaced: SAML responses against the
    /// IAM provider's metadata, JWTs against the key sets published by their issuers (the lab's GitHub issuer's
    /// automatically, others through <see cref="RegisterIssuer"/>).
    /// </summary>
    public LabFederationVerifier Verifier { get; }

    /// <summary>The lab SAML identity provider, made (with a new key) on first use and kept with the world.</summary>
    public LabSamlIdentityProvider SamlIdentityProvider => saml ??= LoadSaml() ?? ConfigureSaml(DefaultSamlEntityId, null);

    /// <summary>The lab OIDC issuer for <c>https://token.actions.githubusercontent.com</c>, made on first use.</summary>
    public LabOidcIssuer GitHubIssuer => github ??= LoadGitHub() ?? ConfigureGitHub(null);

    /// <summary>
    /// Sets up the SAML identity provider with <paramref name="entityId"/> and (a copy of) <paramref name="signingKey"/>
    /// (a new key when null). Only before first use: a provider already registered in IAM holds the old certificate.
    /// </summary>
    public LabSamlIdentityProvider ConfigureSamlIdentityProvider(string entityId, RSA? signingKey = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(entityId);
        if (world.Data.Federation.SamlKey is not null)
        {
            throw new InvalidOperationException("The lab SAML identity provider is already in use; configure it before the first token or provider.");
        }

        return saml = ConfigureSaml(entityId, signingKey);
    }

    /// <summary>Sets up the GitHub issuer with (a copy of) <paramref name="signingKey"/>. Only before first use.</summary>
    public LabOidcIssuer ConfigureGitHubIssuer(RSA? signingKey)
    {
        if (world.Data.Federation.OidcKey is not null)
        {
            throw new InvalidOperationException("The lab GitHub issuer is already in use; configure it before the first token or provider.");
        }

        return github = ConfigureGitHub(signingKey);
    }

    /// <summary>Publishes another issuer's key set to the world's verifier (kept with the world).</summary>
    public void RegisterIssuer(LabOidcIssuer issuer) => Verifier.RegisterIssuer(issuer);

    /// <summary>CreateSAMLProvider in <paramref name="accountId"/> with the lab identity provider's metadata.</summary>
    public IamResult<SamlProvider> CreateSamlProvider(string accountId, string name) =>
        world.Iam(accountId).CreateSamlProvider(name, SamlIdentityProvider.GetMetadataXml());

    /// <summary>
    /// CreateOpenIDConnectProvider for GitHub Actions in <paramref name="accountId"/>, as the article does: client id
    /// <c>sts.amazonaws.com</c> unless others are given, and the lab issuer's certificate thumbprint unless others are
    /// given (AWS, and the lab, ignore thumbprints for GitHub).
    /// </summary>
    public IamResult<OidcProvider> CreateGitHubProvider(string accountId, IReadOnlyList<string>? clientIds = null, IReadOnlyList<string>? thumbprints = null) =>
        world.Iam(accountId).CreateOpenIdConnectProvider(LabOidcIssuer.GitHubActionsIssuer, clientIds ?? [OidcTokenOptions.StsAudience],
            thumbprints ?? [GitHubIssuer.Thumbprint]);

    /// <summary>A signed, base64-encoded SAML response for <paramref name="user"/>, as the browser posts it to AWS.</summary>
    public string IssueSamlResponse(SamlUser user, SamlIssueOptions? options = null) => SamlIdentityProvider.IssueResponse(user, options);

    /// <summary>A signed RS256 token for the GitHub Actions run <paramref name="workflow"/>.</summary>
    public string IssueGitHubToken(GitHubWorkflowClaims workflow, OidcTokenOptions? options = null) => GitHubIssuer.MintToken(workflow, options);

    /// <summary>The whole SAML sign-in: issues a response for <paramref name="user"/> and calls AssumeRoleWithSAML with it.</summary>
    public IamResult<AssumeRoleResult> SignInWithSaml(SamlUser user, string roleArn, string providerArn, int? durationSeconds = null,
        SamlIssueOptions? options = null) =>
        world.Sts.AssumeRoleWithSaml(roleArn, providerArn, IssueSamlResponse(user, options), durationSeconds);

    /// <summary>The whole GitHub Actions flow: mints a token for <paramref name="workflow"/> and calls AssumeRoleWithWebIdentity.</summary>
    public IamResult<AssumeRoleResult> AssumeRoleFromGitHub(GitHubWorkflowClaims workflow, string roleArn, string roleSessionName,
        int? durationSeconds = null, OidcTokenOptions? options = null) =>
        world.Sts.AssumeRoleWithWebIdentity(roleArn, roleSessionName, IssueGitHubToken(workflow, options), durationSeconds);

    private LabSamlIdentityProvider ConfigureSaml(string entityId, RSA? signingKey)
    {
        var key = LabKeys.CopyOrCreate(signingKey);
        var provider = new LabSamlIdentityProvider(entityId, world.Time, key, certificateDer: null);
        var data = world.Data.Federation;
        data.SamlEntityId = entityId;
        data.SamlKey = Convert.ToBase64String(key.ExportPkcs8PrivateKey());
        data.SamlCertificate = Convert.ToBase64String(provider.Certificate.RawData);
        return provider;
    }

    private LabSamlIdentityProvider? LoadSaml()
    {
        var data = world.Data.Federation;
        return data is { SamlKey: { } key, SamlCertificate: { } certificate, SamlEntityId: { } entityId }
            ? new LabSamlIdentityProvider(entityId, world.Time, Import(key), Convert.FromBase64String(certificate))
            : null;
    }

    private LabOidcIssuer ConfigureGitHub(RSA? signingKey)
    {
        var key = LabKeys.CopyOrCreate(signingKey);
        var issuer = new LabOidcIssuer(world.Time, LabOidcIssuer.GitHubActionsIssuer, key, certificateDer: null);
        var data = world.Data.Federation;
        data.OidcKey = Convert.ToBase64String(key.ExportPkcs8PrivateKey());
        data.OidcCertificate = Convert.ToBase64String(issuer.Certificate.RawData);
        Verifier.RegisterIssuer(issuer);
        return issuer;
    }

    private LabOidcIssuer? LoadGitHub()
    {
        var data = world.Data.Federation;
        return data is { OidcKey: { } key, OidcCertificate: { } certificate }
            ? new LabOidcIssuer(world.Time, LabOidcIssuer.GitHubActionsIssuer, Import(key), Convert.FromBase64String(certificate))
            : null;
    }

    private static RSA Import(string pkcs8)
    {
        var key = RSA.Create();
        key.ImportPkcs8PrivateKey(Convert.FromBase64String(pkcs8), out _);
        return key;
    }
}
