namespace IamLab.Scenarios.Attacks;

/// <summary>
/// A defender's findings about the incident in a world's event log: each field names one fact of the attacker's call
/// (null when the learner left it out).
/// </summary>
public sealed record FindingsFile(IReadOnlyDictionary<string, string> Values)
{
    /// <summary>The eventID of the attacker's call.</summary>
    public const string EventId = "eventId";

    /// <summary>The role session name the attacker chose.</summary>
    public const string SessionName = "sessionName";

    /// <summary>The address the attacker's call came from.</summary>
    public const string SourceIp = "sourceIp";

    /// <summary>The access key id the call was signed with (a user's long-term key, or a session's).</summary>
    public const string AccessKeyId = "accessKeyId";

    /// <summary>Every field a findings file may have.</summary>
    public static IReadOnlyList<string> Fields { get; } = [EventId, SessionName, SourceIp, AccessKeyId];

    /// <summary>The value of <paramref name="field"/>, or null.</summary>
    public string? Value(string field) => Values.TryGetValue(field, out var value) && value.Trim().Length > 0 ? value.Trim() : null;
}
