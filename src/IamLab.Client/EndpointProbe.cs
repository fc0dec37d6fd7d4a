using System.Security.Cryptography;
using Amazon.Runtime;
using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;

namespace IamLab.Client;

/// <summary>
/// The article's cross-account flow asked of any AWS-compatible endpoint (the lab's, LocalStack, moto) through the
/// real AWS SDK and the lab's IAM client, and each answer compared with AWS's: does the endpoint enforce the trust
/// policy's ExternalId, the caller's own policies, the root-user rule, signatures? An endpoint that enforces nothing
/// answers "allowed" to all of them, and a grader built on it would pass every wrong policy.
/// </summary>
/// <remarks>
/// The entities it creates (role <c>PartnerAccess-XXXXXX</c> in 111111111111, users <c>partner-dev-XXXXXX</c> and
/// <c>intern-XXXXXX</c> in 999999999999) carry a random suffix, so the probe can run again against the same endpoint.
/// Accounts are selected with the root convention (access key id = account id, secret <c>test</c>).
/// </remarks>
public sealed class EndpointProbe
{
    private const string Owner = "111111111111";
    private const string Partner = "999999999999";
    private const string ExternalId = "unique-external-id-12345";
    private const string PartnerTrust = """
        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::999999999999:root"},"Action":"sts:AssumeRole","Condition":{"StringEquals":{"sts:ExternalId":"unique-external-id-12345"}}}]}
        """;

    private const string AssumeAnything = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sts:AssumeRole","Resource":"*"}]}""";

    private readonly LabClientFactory _factory;

    /// <summary>Creates a probe for the factory's endpoint.</summary>
    /// <param name="factory">Makes the clients (endpoint, region).</param>
    public EndpointProbe(LabClientFactory factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        _factory = factory;
    }

    /// <summary>Creates the entities, then asks every check in order.</summary>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <returns>The checks, in the order asked.</returns>
    /// <exception cref="IamQueryClientException">The endpoint refused to create the probe's entities.</exception>
    /// <exception cref="HttpRequestException">The endpoint cannot be reached.</exception>
    public async Task<IReadOnlyList<ProbeCheck>> RunAsync(CancellationToken cancellationToken = default)
    {
        var suffix = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3));
        var roleName = $"PartnerAccess-{suffix}";
        using var owner = _factory.CreateIam(LabClientFactory.Root(Owner));
        var role = await owner.CreateRoleAsync(roleName, PartnerTrust, cancellationToken: cancellationToken).ConfigureAwait(false);
        using var partner = _factory.CreateIam(LabClientFactory.Root(Partner));
        var dev = await NewUserAsync(partner, $"partner-dev-{suffix}", AssumeAnything, cancellationToken).ConfigureAwait(false);
        var intern = await NewUserAsync(partner, $"intern-{suffix}", null, cancellationToken).ConfigureAwait(false);

        var checks = new List<ProbeCheck>();
        var (rightId, session) = await AssumeAsync(dev, role.Arn, ExternalId, cancellationToken).ConfigureAwait(false);
        checks.Add(new("a user of the trusted account, with the agreed ExternalId", "the trust policy and the user's policy both allow", "allowed", rightId));
        checks.Add(new("the same user, with a wrong ExternalId", "the trust policy's StringEquals on sts:ExternalId", "AccessDenied",
            (await AssumeAsync(dev, role.Arn, "guessed-external-id", cancellationToken).ConfigureAwait(false)).Outcome));
        checks.Add(new("the same user, without an ExternalId", "a condition on a missing key does not match", "AccessDenied",
            (await AssumeAsync(dev, role.Arn, null, cancellationToken).ConfigureAwait(false)).Outcome));
        checks.Add(new("a user of the trusted account whose own policies allow nothing", "across accounts both sides must allow", "AccessDenied",
            (await AssumeAsync(intern, role.Arn, ExternalId, cancellationToken).ConfigureAwait(false)).Outcome));
        checks.Add(new("the trusted account's root user", "roles cannot be assumed with root credentials", "AccessDenied",
            (await AssumeAsync(LabClientFactory.Root(Partner), role.Arn, ExternalId, cancellationToken).ConfigureAwait(false)).Outcome));
        checks.Add(new("the user's key with a wrong secret", "SigV4: the signature is checked", "SignatureDoesNotMatch",
            await IdentityAsync(new BasicAWSCredentials(dev.GetCredentials().AccessKey, "wrong-secret-0000000000000000000000000000"), cancellationToken).ConfigureAwait(false)));
        checks.Add(new("the session acts as the role", "GetCallerIdentity names the assumed role and session", $"assumed-role/{roleName}/probe",
            session is null ? "no session" : await IdentityAsync(session, cancellationToken).ConfigureAwait(false)));
        checks.Add(new("the user, allowed only sts:AssumeRole, calls iam:CreateUser", "an action no policy allows is implicitly denied", "AccessDenied",
            await CreateUserAsync(dev, $"mallory-{suffix}", cancellationToken).ConfigureAwait(false)));
        return checks;
    }

    private static async Task<AWSCredentials> NewUserAsync(IamQueryClient iam, string name, string? policy, CancellationToken cancellationToken)
    {
        await iam.CreateUserAsync(name, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (policy is not null)
        {
            await iam.PutUserPolicyAsync(name, "assume-roles", policy, cancellationToken).ConfigureAwait(false);
        }

        var key = await iam.CreateAccessKeyAsync(name, cancellationToken).ConfigureAwait(false);
        return new BasicAWSCredentials(key.AccessKeyId, key.SecretAccessKey);
    }

    private async Task<(string Outcome, AWSCredentials? Session)> AssumeAsync(AWSCredentials caller, string roleArn, string? externalId, CancellationToken cancellationToken)
    {
        using var sts = _factory.CreateSts(caller);
        try
        {
            var response = await sts.AssumeRoleAsync(new AssumeRoleRequest { RoleArn = roleArn, RoleSessionName = "probe", ExternalId = externalId }, cancellationToken).ConfigureAwait(false);
            var c = response.Credentials;
            return ("allowed", new SessionAWSCredentials(c.AccessKeyId, c.SecretAccessKey, c.SessionToken));
        }
        catch (AmazonSecurityTokenServiceException e)
        {
            return (e.ErrorCode, null);
        }
    }

    private async Task<string> IdentityAsync(AWSCredentials caller, CancellationToken cancellationToken)
    {
        using var sts = _factory.CreateSts(caller);
        try
        {
            var arn = (await sts.GetCallerIdentityAsync(new GetCallerIdentityRequest(), cancellationToken).ConfigureAwait(false)).Arn;
            // The resource part (after the fifth colon): the account differs between endpoints that model accounts and those that do not.
            var parts = arn.Split(':', 6);
            return parts.Length == 6 ? parts[5] : arn;
        }
        catch (AmazonSecurityTokenServiceException e)
        {
            return e.ErrorCode;
        }
    }

    private async Task<string> CreateUserAsync(AWSCredentials caller, string name, CancellationToken cancellationToken)
    {
        using var iam = _factory.CreateIam(caller);
        try
        {
            await iam.CreateUserAsync(name, cancellationToken: cancellationToken).ConfigureAwait(false);
            return "allowed";
        }
        catch (IamQueryClientException e)
        {
            return e.ErrorCode;
        }
    }
}
