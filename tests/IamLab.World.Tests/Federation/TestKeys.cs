using System.Security.Cryptography;

namespace IamLab.World.Tests.Federation;

/// <summary>
/// RSA keys made once per test run: generating a 2048-bit key costs far more than a test, and the issuers copy
/// the key they are given.
/// </summary>
internal static class TestKeys
{
    private static readonly Lazy<RSA> LazyFirst = new(() => RSA.Create(2048));
    private static readonly Lazy<RSA> LazySecond = new(() => RSA.Create(2048));

    /// <summary>The key of "the" issuer in a test.</summary>
    public static RSA First => LazyFirst.Value;

    /// <summary>Another key: an impostor's.</summary>
    public static RSA Second => LazySecond.Value;
}
