namespace IamLab.Scenarios.Grading;

/// <summary>The parts of an IAM ARN: <c>arn:aws:iam::ACCOUNT:TYPE/PATH/NAME</c>.</summary>
internal readonly record struct ArnParts(string Account, string Type, string Path, string Name)
{
    public static ArnParts Parse(string arn)
    {
        var parts = arn.Split(':', 6);
        var rest = parts.Length == 6 ? parts[5] : string.Empty;
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        var last = rest.LastIndexOf('/');
        var type = slash < 0 ? rest : rest[..slash];
        var path = slash < 0 || last == slash ? "/" : rest[slash..(last + 1)];
        var name = last < 0 ? string.Empty : rest[(last + 1)..];
        return new ArnParts(parts.Length > 4 ? parts[4] : string.Empty, type, path, name);
    }
}
