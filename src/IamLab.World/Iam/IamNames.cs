using System.Text.RegularExpressions;
using IamLab.World.Errors;

namespace IamLab.World.Iam;

/// <summary>AWS's constraints on IAM names and paths.</summary>
internal static partial class IamNames
{
    public const string NamePattern = @"[\w+=,.@-]+";
    public const string PathPattern = @"(\u002F)|(\u002F[\u0021-\u007E]+\u002F)";

    public static IamError? Check(string name, string member, int maxLength, string path = "/")
    {
        var errors = new ValidationErrors();
        errors.Length(name, member, 1, maxLength);
        errors.Pattern(name, member, NamePattern, Name());
        errors.Length(path, "path", 1, 512);
        errors.Pattern(path, "path", PathPattern, Path());
        return errors.ToError();
    }

    [GeneratedRegex(@"^[\w+=,.@-]+$")]
    private static partial Regex Name();

    [GeneratedRegex(@"^(/|/[\u0021-\u007E]+/)$")]
    private static partial Regex Path();
}
