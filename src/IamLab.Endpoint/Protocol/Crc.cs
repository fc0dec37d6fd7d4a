namespace IamLab.Endpoint.Protocol;

/// <summary>
/// A table-driven reflected CRC (initial value and final XOR all ones), enough for the checksums S3 accepts:
/// CRC32 (ISO-HDLC), CRC32C (Castagnoli) and CRC64NVME.
/// </summary>
public sealed class Crc
{
    private readonly ulong[] _table = new ulong[256];
    private readonly ulong _mask;
    private readonly int _width;
    private ulong _state;

    private Crc(ulong reflectedPolynomial, int width)
    {
        _width = width;
        _mask = width == 64 ? ulong.MaxValue : (1UL << width) - 1;
        for (var i = 0; i < 256; i++)
        {
            var value = (ulong)i;
            for (var bit = 0; bit < 8; bit++)
            {
                value = (value & 1) != 0 ? (value >> 1) ^ reflectedPolynomial : value >> 1;
            }

            _table[i] = value;
        }

        _state = _mask;
    }

    /// <summary>CRC-32 as in zlib and S3's <c>x-amz-checksum-crc32</c>.</summary>
    /// <returns>A fresh calculator.</returns>
    public static Crc Crc32() => new(0xEDB88320UL, 32);

    /// <summary>CRC-32C (Castagnoli) as in S3's <c>x-amz-checksum-crc32c</c>.</summary>
    /// <returns>A fresh calculator.</returns>
    public static Crc Crc32C() => new(0x82F63B78UL, 32);

    /// <summary>CRC-64/NVME as in S3's <c>x-amz-checksum-crc64nvme</c>.</summary>
    /// <returns>A fresh calculator.</returns>
    public static Crc Crc64Nvme() => new(0x9A6C9329AC4BC9B5UL, 64);

    /// <summary>Feeds bytes into the checksum.</summary>
    /// <param name="data">The next bytes.</param>
    public void Append(ReadOnlySpan<byte> data)
    {
        var state = _state;
        foreach (var b in data)
        {
            state = _table[(state ^ b) & 0xFF] ^ (state >> 8);
        }

        _state = state;
    }

    /// <summary>The checksum of everything appended so far.</summary>
    public ulong Value => (_state ^ _mask) & _mask;

    /// <summary>The checksum as big-endian bytes (4 or 8), the form S3 base64-encodes.</summary>
    /// <returns>The bytes.</returns>
    public byte[] ToBigEndianBytes()
    {
        var bytes = new byte[_width / 8];
        var value = Value;
        for (var i = bytes.Length - 1; i >= 0; i--)
        {
            bytes[i] = (byte)value;
            value >>= 8;
        }

        return bytes;
    }
}
