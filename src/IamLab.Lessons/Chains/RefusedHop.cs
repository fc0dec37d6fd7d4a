namespace IamLab.Lessons.Chains;

/// <summary>A call a command made that STS refused: who called, for which role and session name, and AWS's error.</summary>
/// <param name="CallerKey">The access key id of the session the call was made with (role chaining), or null for a user, a provider or a service.</param>
/// <param name="CallerArn">The caller's ARN.</param>
/// <param name="RoleArn">The role asked for.</param>
/// <param name="SessionName">The RoleSessionName asked for.</param>
/// <param name="Call">The STS call.</param>
/// <param name="Code">AWS's error code (AccessDenied, ValidationError, ExpiredToken, ...).</param>
/// <param name="Message">AWS's error message.</param>
/// <param name="At">The world's time of the call.</param>
public sealed record RefusedHop(string? CallerKey, string CallerArn, string RoleArn, string SessionName, string Call, string Code, string Message, DateTimeOffset At);
