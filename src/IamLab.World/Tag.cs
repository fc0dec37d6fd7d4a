namespace IamLab.World;

/// <summary>A tag on an IAM entity or a session.</summary>
public sealed record Tag(string Key, string Value);
