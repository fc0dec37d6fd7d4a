using IamLab.Policy.Evaluation;
using IamLab.Policy.Model;
using IamLab.World.Accounts;
using IamLab.World.Authorization;
using IamLab.World.Compute;
using IamLab.World.Errors;
using IamLab.World.Events;
using IamLab.World.Federation;
using IamLab.World.Iam;
using IamLab.World.Ids;
using IamLab.World.S3;
using IamLab.World.State;
using IamLab.World.Sts;

namespace IamLab.World;

/// <summary>
/// The lab's AWS: accounts with their IAM entities, an optional organization, STS sessions, S3 buckets,
/// EC2 instances and Lambda functions, all in process. Time comes from the injected <see cref="TimeProvider"/>
/// and every id from a seeded generator, so a scenario replays exactly.
/// </summary>
public sealed class LabWorld
{
    private IFederationVerifier federationVerifier;

    /// <summary>Makes an empty world.</summary>
    public LabWorld(TimeProvider? time = null, long seed = 1, string region = "us-east-1")
        : this(new WorldData { Seed = seed, Region = region }, time ?? TimeProvider.System)
    {
    }

    internal LabWorld(WorldData data, TimeProvider time)
    {
        Data = data;
        Time = time;
        Ids = new IdGenerator(data.Seed, data.Counter);
        Sts = new StsService(this);
        S3 = new S3Service(this);
        Compute = new ComputeService(this);
        Organizations = new OrganizationsService(this);
        Federation = new FederationService(this);
        Events = new EventLog(this);
        federationVerifier = Federation.Verifier;
    }

    /// <summary>The clock every expiry and date condition reads.</summary>
    public TimeProvider Time { get; }

    /// <summary>The region the lab pretends to be in (RoleLastUsed, Lambda ARNs).</summary>
    public string Region => Data.Region;

    /// <summary>The accounts by id.</summary>
    public IReadOnlyDictionary<string, Account> Accounts => Data.Accounts;

    /// <summary>The world's event log: each call in CloudTrail's record shape, newest <see cref="EventLog.Capacity"/> kept.</summary>
    public EventLog Events { get; }

    /// <summary>STS.</summary>
    public StsService Sts { get; }

    /// <summary>S3 (buckets, bucket policies, objects).</summary>
    public S3Service S3 { get; }

    /// <summary>EC2 instances and Lambda functions.</summary>
    public ComputeService Compute { get; }

    /// <summary>AWS Organizations (OUs, SCPs, RCPs).</summary>
    public OrganizationsService Organizations { get; }

    /// <summary>
    /// The world's SAML identity provider and GitHub Actions OIDC issuer (keys kept with the world), with helpers that
    /// mint signed tokens and run AssumeRoleWithSAML / AssumeRoleWithWebIdentity with them.
    /// </summary>
    public FederationService Federation { get; }

    /// <summary>
    /// Checks SAML assertions and web identity tokens for STS. Real verification by default
    /// (<see cref="FederationService.Verifier"/>: signatures, issuer, audience, time window); replaceable, never null.
    /// </summary>
    public IFederationVerifier FederationVerifier
    {
        get => federationVerifier;
        set => federationVerifier = value ?? throw new ArgumentNullException(nameof(value));
    }

    internal WorldData Data { get; }

    internal IdGenerator Ids { get; }

    internal DateTimeOffset Now => Time.GetUtcNow();

    /// <summary>How big the world may grow (accounts, sessions, S3 objects and bytes); not saved with it.</summary>
    public IamLab.World.Limits.WorldLimits Limits { get; set; } = new();

    /// <summary>Adds an account with a 12-digit id.</summary>
    public IamResult<Account> CreateAccount(string accountId)
    {
        ArgumentNullException.ThrowIfNull(accountId);
        if (accountId.Length != 12 || !accountId.All(char.IsAsciiDigit))
        {
            var errors = new ValidationErrors();
            errors.Add(accountId, "accountId", "Member must satisfy regular expression pattern: ^\\d{12}$");
            return errors.ToError()!;
        }

        if (Data.Accounts.ContainsKey(accountId))
        {
            return new IamError("EntityAlreadyExists", $"Account {accountId} already exists.", 409);
        }

        if (Data.Accounts.Count >= Limits.MaxAccounts)
        {
            return IamLab.World.Limits.IamQuotas.LabLimit("accounts", Limits.MaxAccounts, nameof(IamLab.World.Limits.WorldLimits.MaxAccounts));
        }

        var account = new Account { Id = accountId };
        Data.Accounts[accountId] = account;
        return account;
    }

    /// <summary>IAM in one account. Asking for an account that does not exist is a bug in the caller.</summary>
    public IamService Iam(string accountId) =>
        Data.Accounts.TryGetValue(accountId, out var account)
            ? new IamService(this, account)
            : throw new ArgumentException($"No account {accountId} in this world; call CreateAccount first.", nameof(accountId));

    /// <summary>
    /// Authorizes a request made with <paramref name="credentials"/>: builds the caller's whole policy stack
    /// (identity policies, boundary, session policies, SCPs, the resource's policy, RCPs) and asks the engine.
    /// Fails only when the credentials are unknown or expired; a deny is an answer in the <see cref="AccessCheck"/>.
    /// </summary>
    public IamResult<AccessCheck> Authorize(Credentials credentials, string action, string resource, RequestContext? context = null, bool trace = true)
    {
        var caller = Sts.Resolve(credentials);
        return caller.IsSuccess ? PolicyStack.Check(this, caller.Value, action, resource, context, trace) : caller.Forward<AccessCheck>();
    }

    /// <summary>
    /// Authorizes an unsigned (anonymous) request: the caller has no identity policies, so only a resource policy
    /// granting everyone (<c>"Principal": "*"</c>) can allow it. A deny is an answer in the <see cref="AccessCheck"/>.
    /// </summary>
    public AccessCheck AuthorizeAnonymous(string action, string resource, RequestContext? context = null, bool trace = false) =>
        PolicyStack.CheckPrincipal(this, "anonymous", action, resource, context?.Clone() ?? new RequestContext(), trace);

    /// <summary>Finds a managed policy (AWS managed or customer managed in any account) by ARN.</summary>
    public ManagedPolicy? FindPolicy(string arn)
    {
        if (AwsManagedPolicies.ByArn.TryGetValue(arn, out var aws))
        {
            return aws;
        }

        var account = Arn.AccountOf(arn);
        return account is not null && Data.Accounts.TryGetValue(account, out var owner) && owner.Policies.TryGetValue(arn, out var policy) ? policy : null;
    }

    /// <summary>Finds a role by ARN (path and all), or null.</summary>
    public Role? FindRole(string roleArn)
    {
        if (Arn.TryParse(roleArn) is not { Service: "iam", ResourceType: "role" } arn)
        {
            return null;
        }

        return Data.Accounts.TryGetValue(arn.Account, out var account) && account.Roles.TryGetValue(arn.Name, out var role) ? role : null;
    }

    internal void SyncCounter() => Data.Counter = Ids.Counter;
}
