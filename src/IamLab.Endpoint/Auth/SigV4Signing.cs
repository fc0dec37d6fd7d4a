using System.Security.Cryptography;
using System.Text;

namespace IamLab.Endpoint.Auth;

/// <summary>
/// The cryptographic steps of SigV4: the derived signing key, the string to sign and the signature.
/// Pure functions; the verifier and the aws-chunked decoder share them.
/// </summary>
public static class SigV4Signing
{
    /// <summary>The algorithm name in the Authorization header and <c>X-Amz-Algorithm</c>.</summary>
    public const string Algorithm = "AWS4-HMAC-SHA256";

    /// <summary>The fixed last element of a credential scope.</summary>
    public const string Terminator = "aws4_request";

    /// <summary>Derives <c>kSigning = HMAC(HMAC(HMAC(HMAC("AWS4" + secret, date), region), service), "aws4_request")</c>.</summary>
    /// <param name="secretAccessKey">The secret access key.</param>
    /// <param name="date">The scope date, <c>yyyyMMdd</c>.</param>
    /// <param name="region">The scope region.</param>
    /// <param name="service">The scope service.</param>
    /// <returns>The 32-byte signing key.</returns>
    public static byte[] DeriveSigningKey(string secretAccessKey, string date, string region, string service)
    {
        var key = Hmac(Encoding.UTF8.GetBytes("AWS4" + secretAccessKey), date);
        key = Hmac(key, region);
        key = Hmac(key, service);
        return Hmac(key, Terminator);
    }

    /// <summary>Builds <c>AWS4-HMAC-SHA256\n&lt;timestamp&gt;\n&lt;scope&gt;\n&lt;hex(sha256(canonical request))&gt;</c>.</summary>
    /// <param name="timestamp">The request timestamp, <c>yyyyMMddTHHmmssZ</c>.</param>
    /// <param name="scope">The credential scope, <c>date/region/service/aws4_request</c>.</param>
    /// <param name="canonicalRequest">The canonical request text.</param>
    /// <returns>The string to sign.</returns>
    public static string StringToSign(string timestamp, string scope, string canonicalRequest) =>
        $"{Algorithm}\n{timestamp}\n{scope}\n{HexSha256(canonicalRequest)}";

    /// <summary>Signs <paramref name="stringToSign"/> with the derived key: lower-case hex HMAC-SHA256.</summary>
    /// <param name="signingKey">The derived signing key.</param>
    /// <param name="stringToSign">The string to sign.</param>
    /// <returns>The 64-character signature.</returns>
    public static string Sign(byte[] signingKey, string stringToSign) =>
        Convert.ToHexStringLower(Hmac(signingKey, stringToSign));

    /// <summary>Lower-case hex SHA-256 of the UTF-8 bytes of <paramref name="text"/>.</summary>
    /// <param name="text">The text to hash.</param>
    /// <returns>The hex digest.</returns>
    public static string HexSha256(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    /// <summary>Compares two hex signatures in constant time, ignoring case.</summary>
    /// <param name="expected">The signature this side computed.</param>
    /// <param name="provided">The signature the client sent.</param>
    /// <returns>Whether they are equal.</returns>
    public static bool SignaturesEqual(string expected, string provided) =>
        CryptographicOperations.FixedTimeEquals(
            Encoding.ASCII.GetBytes(expected.ToLowerInvariant()),
            Encoding.ASCII.GetBytes(provided.ToLowerInvariant()));

    private static byte[] Hmac(byte[] key, string data) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(data));
}
