namespace IamLab.World.Iam;

/// <summary>A user's long-term access key. AWS shows the secret only when the key is made; the lab keeps it to verify signatures.</summary>
public sealed record AccessKey(string UserName, string AccessKeyId, string SecretAccessKey, string Status, DateTimeOffset CreateDate)
{
    /// <summary>True when the key may be used.</summary>
    public bool IsActive => Status == "Active";
}
