namespace IamLab.Scenarios.Model;

/// <summary>
/// Where a challenge's attacker starts: an IAM user's long-term access key (<see cref="User"/>), or GitHub Actions
/// tokens for the repositories of one owner (<see cref="GitHubOwner"/>), whose claims the attacker chooses.
/// </summary>
public sealed record FootholdSpec(string? User, string? GitHubOwner)
{
    /// <summary>How an attack file names the foothold in its <c>from:</c> line.</summary>
    public string Text => User ?? $"github:{GitHubOwner}";
}
