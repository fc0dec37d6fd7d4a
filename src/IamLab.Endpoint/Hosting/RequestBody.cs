using System.Buffers;
using Microsoft.AspNetCore.Http;

namespace IamLab.Endpoint.Hosting;

/// <summary>Reads a request body whole, in bounded chunks, refusing it as soon as it passes a limit.</summary>
internal static class RequestBody
{
    private const int ChunkSize = 16 * 1024;

    /// <summary>Reads the body; null when it is longer than <paramref name="limit"/> (declared or actual).</summary>
    /// <remarks>
    /// INVARIANT: memory grows with the bytes received, never with the bytes announced. A Content-Length is a
    /// claim: sizing a buffer from it let a few idle connections that announced 64 MiB each hold gigabytes.
    /// </remarks>
    public static async Task<byte[]?> ReadAsync(HttpRequest request, long limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength is { } declared && declared > limit)
        {
            return null;
        }

        using var collected = new MemoryStream((int)Math.Min(request.ContentLength ?? 0, ChunkSize));
        var buffer = ArrayPool<byte>.Shared.Rent(ChunkSize);
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(buffer.AsMemory(0, ChunkSize), cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (collected.Length + read > limit)
                {
                    return null;
                }

                collected.Write(buffer, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        return collected.ToArray();
    }
}
