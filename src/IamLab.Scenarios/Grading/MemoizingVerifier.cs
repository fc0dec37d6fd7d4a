using System.Collections.Concurrent;
using IamLab.World.Errors;
using IamLab.World.Iam;
using IamLab.World.Sts;

namespace IamLab.Scenarios.Grading;

/// <summary>
/// The lab's federation verifier, remembering each answer: a class of submissions replays the same assertions and
/// tokens against identically configured providers, so the signature checks (the slowest part of grading a
/// federation scenario) are made once per distinct input instead of once per learner.
/// </summary>
/// <remarks>
/// INVARIANT: the key holds everything the answer depends on: the token or assertion, the provider's configuration
/// (ARN, audiences, thumbprints, metadata), the role and the time. A learner's files never reach the verifier.
/// </remarks>
internal sealed class MemoizingVerifier(IFederationVerifier inner) : IFederationVerifier
{
    private readonly ConcurrentDictionary<string, IamResult<FederatedClaims>> answers = new(StringComparer.Ordinal);

    public IamResult<FederatedClaims> VerifySaml(string samlAssertion, SamlProvider provider, string roleArn, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(provider);
        var key = string.Join('\n', "saml", now.UtcTicks, roleArn, provider.Arn, provider.MetadataDocument, samlAssertion);
        return answers.GetOrAdd(key, _ => inner.VerifySaml(samlAssertion, provider, roleArn, now));
    }

    public IamResult<FederatedClaims> VerifyWebIdentity(string webIdentityToken, OidcProvider provider, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(provider);
        var key = string.Join('\n', "oidc", now.UtcTicks, provider.Arn, provider.Url, string.Join(',', provider.ClientIds), string.Join(',', provider.Thumbprints), webIdentityToken);
        return answers.GetOrAdd(key, _ => inner.VerifyWebIdentity(webIdentityToken, provider, now));
    }
}
