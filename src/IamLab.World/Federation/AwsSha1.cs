using System.Security.Cryptography;

namespace IamLab.World.Federation;

/// <summary>
/// SHA-1, where AWS's formats require it: OIDC provider thumbprints, <c>SAML:namequalifier</c> and JWK <c>x5t</c>.
/// It identifies data there; it protects nothing.
/// </summary>
internal static class AwsSha1
{
    public static byte[] Hash(byte[] data)
    {
#pragma warning disable CA5350 // AWS defines these identifiers with SHA-1; no security decision rests on it.
        return SHA1.HashData(data);
#pragma warning restore CA5350
    }
}
