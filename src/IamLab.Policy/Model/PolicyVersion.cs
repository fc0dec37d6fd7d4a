namespace IamLab.Policy.Model;

/// <summary>The policy language versions AWS accepts.</summary>
public static class PolicyVersion
{
    /// <summary>The current version; the only one in which policy variables are replaced.</summary>
    public const string Current = "2012-10-17";

    /// <summary>The older version: variables such as <c>${aws:username}</c> are plain text there.</summary>
    public const string Legacy = "2008-10-17";
}
