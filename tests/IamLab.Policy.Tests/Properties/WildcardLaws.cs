using CsCheck;
using IamLab.Policy.Matching;
using Xunit;

namespace IamLab.Policy.Tests.Properties;

/// <summary>The linear wildcard matcher agrees with the reference matcher.</summary>
public class WildcardLaws
{
    private static readonly Gen<string> Pattern = Gen.OneOf('a', 'b', 'c', '*', '?').Array[0, 10].Select(c => new string(c));

    private static readonly Gen<string> Text = Gen.Char['a', 'c'].Array[0, 12].Select(c => new string(c));

    [Fact]
    public void Wildcard_AgreesWithReference()
    {
        Gen.Select(Pattern, Text).Sample((p, t) => Wildcard.IsMatch(p, t, ignoreCase: false) == ReferenceWildcard.IsMatch(p, t), iter: 20_000);
    }

    [Fact]
    public void Wildcard_IgnoringCase_AgreesWithReferenceOnLowerCase()
    {
        Gen.Select(Pattern, Text).Sample((p, t) => Wildcard.IsMatch(p.ToUpperInvariant(), t, ignoreCase: true) == ReferenceWildcard.IsMatch(p, t), iter: 5_000);
    }
}
