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

    /// <summary>
    /// A description (CreateRole, UpdateRole, CreatePolicy): up to 1,000 characters of tab, line feed, carriage return
    /// and printable Latin-1, as IAM's API reference gives the pattern. Other control characters are refused.
    /// </summary>
    public static IamError? CheckDescription(string? description, string member = "description")
    {
        var errors = new ValidationErrors();
        errors.Length(description, member, 0, 1000);
        errors.Pattern(description, member, @"[\u0009\u000A\u000D\u0020-\u007E\u00A1-\u00FF]*", Description());
        return errors.ToError();
    }

    /// <summary>Tags (CreateRole, CreateUser): at most 50; keys 1-128 and values 0-256 characters of IAM's tag pattern.</summary>
    public static IamError? CheckTags(IReadOnlyList<Tag>? tags)
    {
        var errors = new ValidationErrors();
        if (tags is null)
        {
            return null;
        }

        if (tags.Count > 50)
        {
            errors.Add(null, "tags", "Member must have length less than or equal to 50");
        }

        for (var i = 0; i < tags.Count; i++)
        {
            var member = $"tags.{i + 1}.member";
            errors.Length(tags[i].Key, member + ".key", 1, 128);
            errors.Pattern(tags[i].Key, member + ".key", TagPattern + "+", TagKey());
            errors.Length(tags[i].Value, member + ".value", 0, 256);
            errors.Pattern(tags[i].Value, member + ".value", TagPattern + "*", TagValue());
        }

        return errors.ToError();
    }

    private const string TagPattern = @"[\p{L}\p{Z}\p{N}_.:/=+\-@]";

    [GeneratedRegex(@"^[\u0009\u000A\u000D\u0020-\u007E\u00A1-\u00FF]*\z")]
    private static partial Regex Description();

    [GeneratedRegex(@"^[\p{L}\p{Z}\p{N}_.:/=+\-@]+\z")]
    private static partial Regex TagKey();

    [GeneratedRegex(@"^[\p{L}\p{Z}\p{N}_.:/=+\-@]*\z")]
    private static partial Regex TagValue();

    [GeneratedRegex(@"^[\w+=,.@-]+\z")]
    private static partial Regex Name();

    [GeneratedRegex(@"^(/|/[\u0021-\u007E]+/)\z")]
    private static partial Regex Path();
}
