using System.Buffers;
using Microsoft.AspNetCore.Http;

namespace IamLab.Endpoint.Hosting;

/// <summary>Reads a request body whole, refusing it as soon as it passes a limit.</summary>
internal static class RequestBody
{
    /// <summary>Reads the body; null when it is longer than <paramref name="limit"/> (declared or actual).</summary>
    public static async Task<byte[]?> ReadAsync(HttpRequest request, long limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength is { } declared)
        {
            if (declared > limit)
            {
                return null;
            }

            // The usual case: the length is known, so read straight into an array of that size.
            var exact = new byte[declared];
            var filled = 0;
            while (filled < exact.Length)
            {
                var count = await request.Body.ReadAsync(exact.AsMemory(filled), cancellationToken).ConfigureAwait(false);
                if (count == 0)
                {
                    return exact[..filled];
                }

                filled += count;
            }

            return exact;
        }

        using var collected = new MemoryStream();
        var buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
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
