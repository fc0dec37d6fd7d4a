namespace IamLab.Cli.Streaming;

/// <summary>Splits a stream into lines of bytes (LF or CRLF), skipping blank ones, numbering them from one.</summary>
internal sealed class LineSplitter(Stream stream, int maxLine)
{
    private byte[] buffer = new byte[1 << 20];
    private int start;
    private int end;
    private int number;
    private bool eof;

    /// <summary>The number of a line longer than the limit, once one is met (reading stops there).</summary>
    public int? TooLong { get; private set; }

    /// <summary>Adds lines to <paramref name="batch"/> until it is full; false once the stream is exhausted.</summary>
    public bool Fill(CaseBatch batch)
    {
        while (batch.Count < batch.Capacity)
        {
            var newline = buffer.AsSpan(start, end - start).IndexOf((byte)'\n');
            if (newline < 0)
            {
                if (eof)
                {
                    if (end > start)
                    {
                        Take(batch, buffer.AsSpan(start, end - start));
                        start = end;
                    }

                    return false;
                }

                if (end - start > maxLine)
                {
                    TooLong = number + 1;
                    return false;
                }

                Refill();
                continue;
            }

            Take(batch, buffer.AsSpan(start, newline));
            start += newline + 1;
        }

        return true;
    }

    private void Take(CaseBatch batch, ReadOnlySpan<byte> line)
    {
        number++;
        if (number == 1 && line.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            line = line[3..];
        }

        if (line.Length > 0 && line[^1] == (byte)'\r')
        {
            line = line[..^1];
        }

        // Blank lines give no result, as before; every other line gives exactly one.
        if (line.Trim(" \t\r"u8).Length > 0)
        {
            batch.Add(line, number);
        }
    }

    private void Refill()
    {
        if (start > 0)
        {
            buffer.AsSpan(start, end - start).CopyTo(buffer);
            end -= start;
            start = 0;
        }

        if (end == buffer.Length)
        {
            Array.Resize(ref buffer, buffer.Length * 2);
        }

        var read = stream.Read(buffer, end, buffer.Length - end);
        if (read == 0)
        {
            eof = true;
        }

        end += read;
    }
}
