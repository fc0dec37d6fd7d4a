using IamLab.Policy.Json;

namespace IamLab.Scenarios.Submissions;

/// <summary>
/// One UpdateRole request of a role-settings file: the role and the settings to give it, with where each was written
/// (the grader points a refusal at the value IAM refused).
/// </summary>
/// <param name="RoleName">The role's name (UpdateRole's <c>RoleName</c>).</param>
/// <param name="MaxSessionDuration">UpdateRole's <c>MaxSessionDuration</c> in seconds, or null to leave it.</param>
/// <param name="Description">UpdateRole's <c>Description</c>, or null to leave it.</param>
/// <param name="Position">Where the request's object starts.</param>
/// <param name="RoleNamePosition">Where the role name is written.</param>
/// <param name="DurationPosition">Where the duration is written (the request's position when there is none).</param>
public sealed record RoleSettingsEntry(string RoleName, int? MaxSessionDuration, string? Description, SourcePosition Position,
    SourcePosition RoleNamePosition, SourcePosition DurationPosition);
