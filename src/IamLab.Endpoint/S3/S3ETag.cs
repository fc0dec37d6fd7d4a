using System.Runtime.CompilerServices;
using System.Security.Cryptography;

namespace IamLab.Endpoint.S3;

/// <summary>
/// The ETag of an object uploaded in one PUT: the quoted lowercase hex MD5 of its content. Objects' contents are
/// never changed in place (a PUT replaces the array), so the value is cached per array.
/// </summary>
public static class S3ETag
{
    private static readonly ConditionalWeakTable<byte[], string> Cache = [];

    /// <summary>The ETag of <paramref name="content"/>, quotes included.</summary>
    /// <param name="content">The object's bytes.</param>
    /// <returns>E.g. <c>"d41d8cd98f00b204e9800998ecf8427e"</c>.</returns>
    public static string Of(byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);
#pragma warning disable CA5351 // S3 defines the ETag of a single-part upload as the MD5 of the content.
        return Cache.GetValue(content, static c => "\"" + Convert.ToHexStringLower(MD5.HashData(c)) + "\"");
#pragma warning restore CA5351
    }
}
