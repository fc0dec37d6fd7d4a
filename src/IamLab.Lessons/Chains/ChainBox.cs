namespace IamLab.Lessons.Chains;

/// <summary>One box of a chain picture: the origin principal, a session, or a refused call.</summary>
/// <param name="Title">The principal or role name.</param>
/// <param name="Lines">The lines under the title (ARN, session name, issued, expires, cap and why; or AWS's error).</param>
/// <param name="Refused">True for a call STS refused (drawn in red).</param>
/// <param name="Expired">True for a session whose expiry has passed on the world's clock.</param>
public sealed record ChainBox(string Title, IReadOnlyList<string> Lines, bool Refused = false, bool Expired = false);
