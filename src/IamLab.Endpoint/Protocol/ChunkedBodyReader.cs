using System.Text;

namespace IamLab.Endpoint.Protocol;

/// <summary>
/// Reads CRLF-terminated lines and raw blocks from a stream through one fixed buffer, so memory stays
/// bounded however large the body or its chunks are.
/// </summary>
internal sealed class ChunkedBodyReader
{
    public enum LineStatus
    {
        Ok,
        EndOfStream,
        Truncated,
        TooLong,
        BareLineFeed,
    }

    private readonly Stream _stream;
    private readonly byte[] _buffer;
    private int _start;
    private int _end;

    public ChunkedBodyReader(Stream stream, int bufferSize)
    {
        _stream = stream;
        _buffer = new byte[bufferSize];
    }

    /// <summary>Reads up to the next CRLF; the line is ASCII/Latin-1 text without its terminator.</summary>
    public async ValueTask<(LineStatus Status, string Line)> ReadLineAsync(int maxLength, CancellationToken cancellationToken)
    {
        var line = new StringBuilder();
        while (true)
        {
            if (_start == _end && !await FillAsync(cancellationToken))
            {
                return (line.Length == 0 ? LineStatus.EndOfStream : LineStatus.Truncated, line.ToString());
            }

            var b = _buffer[_start++];
            if (b == (byte)'\n')
            {
                if (line.Length == 0 || line[^1] != '\r')
                {
                    return (LineStatus.BareLineFeed, line.ToString());
                }

                return (LineStatus.Ok, line.ToString(0, line.Length - 1));
            }

            line.Append((char)b);
            if (line.Length > maxLength + 1)
            {
                return (LineStatus.TooLong, line.ToString(0, Math.Min(line.Length, 64)));
            }
        }
    }

    /// <summary>Returns the next up-to-<paramref name="max"/> bytes; empty at end of stream. Valid until the next call.</summary>
    public async ValueTask<ReadOnlyMemory<byte>> ReadBlockAsync(long max, CancellationToken cancellationToken)
    {
        if (_start == _end && !await FillAsync(cancellationToken))
        {
            return ReadOnlyMemory<byte>.Empty;
        }

        var count = (int)Math.Min(max, _end - _start);
        var block = new ReadOnlyMemory<byte>(_buffer, _start, count);
        _start += count;
        return block;
    }

    private async ValueTask<bool> FillAsync(CancellationToken cancellationToken)
    {
        _start = 0;
        _end = await _stream.ReadAsync(_buffer, cancellationToken);
        return _end > 0;
    }
}
