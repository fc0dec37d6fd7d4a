using System.Buffers.Binary;
using System.Text;

namespace IamLab.World.State;

/// <summary>Reads what <see cref="RecordWriter"/> wrote. A record that ends early or holds a bad length throws <see cref="FormatException"/>.</summary>
internal ref struct RecordReader
{
    private ReadOnlySpan<byte> rest;

    public RecordReader(ReadOnlySpan<byte> data)
    {
        rest = data;
    }

    public readonly bool AtEnd => rest.IsEmpty;

    public byte ReadByte()
    {
        Need(1);
        var value = rest[0];
        rest = rest[1..];
        return value;
    }

    public long ReadInt64()
    {
        Need(8);
        var value = BinaryPrimitives.ReadInt64LittleEndian(rest);
        rest = rest[8..];
        return value;
    }

    public int ReadVarint()
    {
        uint value = 0;
        for (var shift = 0; shift < 35; shift += 7)
        {
            var b = ReadByte();
            value |= (uint)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return value <= int.MaxValue ? (int)value : throw new FormatException("A length in the record is out of range.");
            }
        }

        throw new FormatException("A length in the record is too long.");
    }

    public ReadOnlySpan<byte> ReadSpan()
    {
        var count = ReadVarint();
        Need(count);
        var value = rest[..count];
        rest = rest[count..];
        return value;
    }

    public string ReadString() => Encoding.UTF8.GetString(ReadSpan());

    /// <summary>A string through <paramref name="pool"/>, so that values repeated across records share one instance.</summary>
    public string ReadString(StringPool pool) => pool.Get(ReadSpan());

    public string? ReadNullable(StringPool? pool = null) =>
        ReadByte() == 0 ? null : pool is null ? ReadString() : ReadString(pool);

    public DateTimeOffset ReadTime()
    {
        var ticks = ReadInt64();
        var offset = TimeSpan.FromMinutes(ReadVarint() - 1024);
        return new DateTimeOffset(ticks + offset.Ticks, offset);
    }

    private readonly void Need(int count)
    {
        if (count > rest.Length)
        {
            throw new FormatException("The record ends early.");
        }
    }
}
