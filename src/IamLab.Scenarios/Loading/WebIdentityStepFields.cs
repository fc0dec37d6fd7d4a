using IamLab.Scenarios.Model;

namespace IamLab.Scenarios.Loading;

/// <summary>
/// The fields of an <c>assumeRoleWithWebIdentity</c> step that a scenario's checks and a learner's attack file read
/// alike: the session name, the audience, the duration and the GitHub workflow run the token describes, with the same
/// defaults. Each reader checks its own fields first (which keys it allows, a check's <c>issuer</c> and <c>policy</c>,
/// an attack's foothold and own repositories) and reads the role and the repository itself.
/// </summary>
internal static class WebIdentityStepFields
{
    /// <summary>The step for <paramref name="roleArn"/> and <paramref name="repository"/>, with the other shared fields of <paramref name="step"/> and <paramref name="github"/> or their defaults.</summary>
    public static WebIdentityStepSpec Spec(YamlFields step, YamlFields github, string roleArn, string repository) => new()
    {
        RoleArn = roleArn,
        RoleSessionName = step.String("roleSessionName") ?? "iamlab",
        Audience = step.String("audience") ?? "sts.amazonaws.com",
        Repository = repository,
        Ref = github.String("ref") ?? "refs/heads/main",
        Environment = github.String("environment"),
        Event = github.String("event") ?? "push",
        DurationSeconds = step.Int("durationSeconds"),
    };
}
