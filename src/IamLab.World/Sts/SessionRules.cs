using System.Text.RegularExpressions;
using IamLab.World.Errors;

namespace IamLab.World.Sts;

/// <summary>AWS's parameter constraints for the AssumeRole family, checked together so every failure is reported.</summary>
internal static partial class SessionRules
{
    public const string NamePattern = @"[\w+=,.@-]*";
    public const string ExternalIdPattern = @"[\w+=,.@:\/-]*";

    public static IamError? Check(string? roleSessionName, int? durationSeconds, string? externalId, string? policy,
        IReadOnlyList<string> policyArns, IReadOnlyList<Tag> tags, string? sourceIdentity)
    {
        var errors = new ValidationErrors();
        errors.Length(roleSessionName, "roleSessionName", 2, 64);
        errors.Pattern(roleSessionName, "roleSessionName", NamePattern, Name());
        errors.Range(durationSeconds, "durationSeconds", 900, 43200);
        errors.Length(externalId, "externalId", 2, 1224);
        errors.Pattern(externalId, "externalId", ExternalIdPattern, ExternalId());
        errors.Length(policy, "policy", 1, 2048);
        if (policyArns.Count > 10)
        {
            errors.Add($"[{string.Join(", ", policyArns)}]", "policyArns", "Member must have length less than or equal to 10");
        }

        if (tags.Count > 50)
        {
            errors.Add(null, "tags", "Member must have length less than or equal to 50");
        }

        errors.Length(sourceIdentity, "sourceIdentity", 2, 64);
        errors.Pattern(sourceIdentity, "sourceIdentity", NamePattern, Name());
        return errors.ToError();
    }

    [GeneratedRegex(@"^[\w+=,.@-]*$")]
    private static partial Regex Name();

    [GeneratedRegex(@"^[\w+=,.@:/-]*$")]
    private static partial Regex ExternalId();
}
