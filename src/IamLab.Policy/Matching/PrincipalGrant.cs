namespace IamLab.Policy.Matching;

/// <summary>How a Principal element names the caller; the order is from weakest to strongest.</summary>
public enum PrincipalGrant
{
    /// <summary>The caller is not named.</summary>
    None,
    /// <summary>Only the caller's account is named: access is delegated to the account's identity policies.</summary>
    Account,
    /// <summary>The role is named and the caller is one of its sessions: the session's boundary and session policies still apply.</summary>
    Role,
    /// <summary>The caller itself is named (its user or session ARN, or <c>*</c>).</summary>
    Direct,
}
