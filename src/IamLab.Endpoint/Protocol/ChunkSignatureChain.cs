using System.Text;
using IamLab.Endpoint.Auth;

namespace IamLab.Endpoint.Protocol;

/// <summary>
/// The chain of aws-chunked signatures: each chunk's signature covers the previous signature, so chunks
/// cannot be dropped, reordered or replayed. The seed is the request's own signature.
/// </summary>
internal sealed class ChunkSignatureChain
{
    private readonly SigV4Identity _signer;

    public ChunkSignatureChain(SigV4Identity signer)
    {
        _signer = signer;
        Previous = signer.Signature;
    }

    public string Previous { get; private set; }

    /// <summary>Checks a chunk: <c>AWS4-HMAC-SHA256-PAYLOAD\n date\n scope\n previous\n hash("")\n hash(chunk)</c>.</summary>
    public bool VerifyChunk(string chunkHashHex, string provided) =>
        Advance($"AWS4-HMAC-SHA256-PAYLOAD\n{_signer.Timestamp}\n{_signer.Scope.Scope}\n{Previous}\n{ContentSha256.EmptyPayloadHash}\n{chunkHashHex}", provided);

    /// <summary>Checks the trailer: <c>AWS4-HMAC-SHA256-TRAILER\n date\n scope\n previous\n hash(trailer lines)</c>.</summary>
    public bool VerifyTrailer(IEnumerable<KeyValuePair<string, string>> trailers, string provided)
    {
        var text = new StringBuilder();
        foreach (var (name, value) in trailers)
        {
            text.Append(name).Append(':').Append(value).Append('\n');
        }

        return Advance($"AWS4-HMAC-SHA256-TRAILER\n{_signer.Timestamp}\n{_signer.Scope.Scope}\n{Previous}\n{SigV4Signing.HexSha256(text.ToString())}", provided);
    }

    private bool Advance(string stringToSign, string provided)
    {
        var expected = SigV4Signing.Sign(_signer.SigningKey, stringToSign);
        if (!SigV4Signing.SignaturesEqual(expected, provided))
        {
            return false;
        }

        Previous = expected;
        return true;
    }
}
