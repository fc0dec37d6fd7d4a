namespace IamLab.World.Sts;

/// <summary>The strings a session of one role with one session name carries: the name, the assumed-role ARN and the AssumedRoleId.</summary>
internal sealed record SessionNames(string SessionName, string Arn, string AssumedRoleId);
