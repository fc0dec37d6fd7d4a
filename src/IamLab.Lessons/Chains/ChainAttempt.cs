namespace IamLab.Lessons.Chains;

/// <summary>What a command asked STS for, kept with the outcome so that <c>#!lab-chain</c> can draw the hop.</summary>
/// <param name="Call">AssumeRole, AssumeRoleWithSAML or AssumeRoleWithWebIdentity.</param>
/// <param name="CallerKey">The access key id the call was signed with when it is a session's (role chaining), else null.</param>
/// <param name="CallerArn">The caller: a user, a session, or the identity provider for federation.</param>
/// <param name="RoleArn">The role asked for.</param>
/// <param name="SessionName">The RoleSessionName asked for.</param>
/// <param name="RequestedSeconds">DurationSeconds, or null.</param>
public sealed record ChainAttempt(string Call, string? CallerKey, string CallerArn, string RoleArn, string SessionName, int? RequestedSeconds);
