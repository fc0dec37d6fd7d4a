using System.Reflection;
using System.Text.RegularExpressions;
using IamLab.Policy.Diagnostics;
using IamLab.Scenarios.Grading;
using IamLab.Scenarios.Loading;
using IamLab.Scenarios.Security;
using IamLab.Scenarios.Submissions;
using IamLab.World.State;

namespace IamLab.Scenarios.Tests.Security;

/// <summary>
/// docs/error-codes.md and the named constants hold the same codes, both ways, and no source file writes a code as a
/// literal. The catalogues are the files named <c>*Codes.cs</c> under <c>src/</c> (but AWS's own codes) (read as text, so that projects this
/// test does not reference, such as the notebook extension, are covered too).
/// </summary>
public sealed partial class CodeCatalogueTests
{
    [Fact]
    public void EveryConstant_IsDocumented_AndEveryDocumentedCode_IsAConstant()
    {
        var constants = CatalogueCodes().Select(c => c.Code).ToHashSet(StringComparer.Ordinal);
        var documented = DocumentedCodes().ToHashSet(StringComparer.Ordinal);

        Assert.Empty(constants.Except(documented).Order(StringComparer.Ordinal));
        Assert.Empty(documented.Except(constants).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void TheCataloguesReadAsText_AreTheConstantsTheAssembliesHold()
    {
        // Guards the text reading above: for the catalogues this project can load, reflection agrees with it.
        Type[] loaded = [typeof(PolicyCodes), typeof(FindingCodes), typeof(ScenarioCodes), typeof(SubmissionCodes), typeof(GradingCodes), typeof(StateCodes), typeof(IamLab.Scenarios.Attacks.LabFileCodes)];
        var reflected = loaded.SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static))
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => $"{f.DeclaringType!.Name}.{f.Name}={f.GetRawConstantValue()}")
            .Order(StringComparer.Ordinal);
        var read = CatalogueCodes().Where(c => loaded.Any(t => t.Name == c.Class))
            .Select(c => $"{c.Class}.{c.Name}={c.Code}")
            .Order(StringComparer.Ordinal);

        Assert.Equal(reflected, read);
        Assert.Contains(CatalogueCodes(), c => c is { Class: "ErrorCodes", Code: "NO_SCENARIO" });
    }

    [Fact]
    public void EachCode_IsOneConstant_AndMissingElementIsSplit()
    {
        var all = CatalogueCodes().Select(c => c.Code).ToList();

        Assert.Equal(all.Count, all.Distinct(StringComparer.Ordinal).Count());
        Assert.DoesNotContain("MISSING_ELEMENT", all);
        Assert.Contains(PolicyCodes.MissingStatement, all);
        Assert.Contains(PolicyCodes.MissingEffect, all);
        Assert.Contains(PolicyCodes.MissingAction, all);
        Assert.Contains(PolicyCodes.MissingResource, all);
        Assert.Contains(PolicyCodes.InvalidStatement, all);
        Assert.Contains(PolicyCodes.InvalidCondition, all);
    }

    [Fact]
    public void NoSourceFile_WritesACodeAsALiteral_OrUsesAnUncataloguedOne()
    {
        var codes = CatalogueCodes().Select(c => c.Code).ToHashSet(StringComparer.Ordinal);
        var offenders = new List<string>();
        foreach (var file in SourceFiles().Where(f => !IsCatalogue(f)))
        {
            var text = File.ReadAllText(file);
            var where = Path.GetRelativePath(Repo.Root, file);
            // A catalogued code written out again, in any style.
            offenders.AddRange(AnyLiteral().Matches(text).Select(m => m.Groups[1].Value).Where(codes.Contains).Select(v => $"{where}: \"{v}\""));
            // A new code of the lab's own style that no catalogue holds: a literal handed to a problem, a finding or a
            // command's error as its code, or compared with a code.
            offenders.AddRange(CodeUse().Matches(text).Select(m => m.Groups["code"].Value).Where(v => !codes.Contains(v)).Select(v => $"{where}: \"{v}\" (not catalogued)"));
        }

        Assert.Empty(offenders);
    }

    private static IEnumerable<string> SourceFiles() =>
        Directory.EnumerateFiles(Path.Combine(Repo.Root, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    /// <summary>The lab's own catalogues; AWS's own codes (<c>FederationErrorCodes</c>) are AWS's, documented by AWS.</summary>
    private static bool IsCatalogue(string file) =>
        Path.GetFileName(file) is var name && name.EndsWith("Codes.cs", StringComparison.Ordinal) && name != "FederationErrorCodes.cs";

    private static IEnumerable<(string Class, string Name, string Code)> CatalogueCodes() =>
        SourceFiles().Where(IsCatalogue).SelectMany(file =>
        {
            var text = File.ReadAllText(file);
            var type = Class().Match(text).Groups[1].Value;
            return Constant().Matches(text).Select(m => (type, m.Groups[1].Value, m.Groups[2].Value));
        });

    private static IEnumerable<string> DocumentedCodes() =>
        File.ReadAllLines(Path.Combine(Repo.Root, "docs", "error-codes.md"))
            .Select(l => Row().Match(l))
            .Where(m => m.Success)
            .Select(m => m.Groups[1].Value)
            .Distinct(StringComparer.Ordinal);

    [GeneratedRegex("^\\| `([A-Z][A-Za-z0-9_]+)` \\|")]
    private static partial Regex Row();

    [GeneratedRegex("public static class (\\w+)")]
    private static partial Regex Class();

    [GeneratedRegex("public const string (\\w+) = \"([^\"]+)\";")]
    private static partial Regex Constant();

    [GeneratedRegex("(?:(?:Problem|Finding|Exception|Diagnostic|EvaluationError|Report|Refused)\\(\\s*|Code\\s*(?:==|!=|is)\\s*|case\\s+)\"(?<code>[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)\"")]
    private static partial Regex CodeUse();

    [GeneratedRegex("\"([A-Z][A-Za-z0-9_]+)\"")]
    private static partial Regex AnyLiteral();
}
