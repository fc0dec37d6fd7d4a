namespace IamLab.Lessons.Chains;

/// <summary>An arrow of a chain picture, from one box to another, labelled with the call and what allowed it (or the refusal).</summary>
/// <param name="From">The index of the box the call was made from.</param>
/// <param name="To">The index of the box the call made (or was refused).</param>
/// <param name="Call">The STS call: AssumeRole, AssumeRoleWithSAML, AssumeRoleWithWebIdentity, EC2 instance credentials.</param>
/// <param name="Because">The trust statement that allowed it, or AWS's error code for a refused call.</param>
public sealed record ChainArrow(int From, int To, string Call, string Because);
