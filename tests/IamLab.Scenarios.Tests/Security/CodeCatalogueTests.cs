using System.Reflection;
using System.Text.RegularExpressions;
using IamLab.Policy.Diagnostics;
using IamLab.Scenarios.Security;

namespace IamLab.Scenarios.Tests.Security;

/// <summary>docs/error-codes.md and the named constants hold the same codes, and the code compares constants, not literals.</summary>
public sealed partial class CodeCatalogueTests
{
    private static readonly Type[] Catalogues = [typeof(PolicyCodes), typeof(FindingCodes)];

    [Fact]
    public void EveryConstant_IsDocumented_AndEveryDocumentedCode_IsAConstant()
    {
        var constants = Constants().ToHashSet(StringComparer.Ordinal);
        var documented = DocumentedCodes().ToHashSet(StringComparer.Ordinal);

        Assert.Empty(constants.Except(documented).Order(StringComparer.Ordinal));
        Assert.Empty(documented.Except(constants).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void EachCode_IsOneConstant_AndMissingElementIsSplit()
    {
        var all = Constants().ToList();

        Assert.Equal(all.Count, all.Distinct(StringComparer.Ordinal).Count());
        Assert.DoesNotContain("MISSING_ELEMENT", all);
        Assert.Contains(PolicyCodes.MissingStatement, all);
        Assert.Contains(PolicyCodes.MissingEffect, all);
        Assert.Contains(PolicyCodes.MissingAction, all);
        Assert.Contains(PolicyCodes.MissingResource, all);
    }

    [Fact]
    public void NoSourceFile_WritesACatalogueCodeAsALiteral()
    {
        var codes = Constants().ToHashSet(StringComparer.Ordinal);
        var catalogueFiles = new[] { "PolicyCodes.cs", "FindingCodes.cs" };
        var offenders = new List<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Repo.Root, "src"), "*.cs", SearchOption.AllDirectories)
                     .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                                 && !catalogueFiles.Contains(Path.GetFileName(f))))
        {
            var text = File.ReadAllText(file);
            offenders.AddRange(Literal().Matches(text).Select(m => m.Groups[1].Value).Where(codes.Contains).Select(code => $"{Path.GetRelativePath(Repo.Root, file)}: \"{code}\""));
        }

        Assert.Empty(offenders);
    }

    private static IEnumerable<string> Constants() =>
        Catalogues.SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static))
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!);

    private static IEnumerable<string> DocumentedCodes() =>
        File.ReadAllLines(Path.Combine(Repo.Root, "docs", "error-codes.md"))
            .Select(l => Row().Match(l))
            .Where(m => m.Success)
            .Select(m => m.Groups[1].Value)
            .Distinct(StringComparer.Ordinal);

    [GeneratedRegex("^\\| `([A-Z][A-Z0-9_]+)` \\|")]
    private static partial Regex Row();

    [GeneratedRegex("\"([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)\"")]
    private static partial Regex Literal();
}
