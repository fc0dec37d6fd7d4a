using System.Buffers;
using System.Buffers.Binary;
using System.Text;

namespace IamLab.World.State;

/// <summary>
/// Writes the store's binary encoding: little-endian integers, lengths as 7-bit varints, strings as UTF-8 with
/// their byte length, and a null string as length 0 with a marker byte before it (see <see cref="WriteNullable"/>).
/// </summary>
internal sealed class RecordWriter
{
    private readonly ArrayBufferWriter<byte> buffer;

    public RecordWriter(int capacity = 4096)
    {
        buffer = new ArrayBufferWriter<byte>(capacity);
    }

    public int Length => buffer.WrittenCount;

    public ReadOnlySpan<byte> Written => buffer.WrittenSpan;

    public void Clear() => buffer.ResetWrittenCount();

    public byte[] ToArray() => buffer.WrittenSpan.ToArray();

    public void WriteByte(byte value)
    {
        buffer.GetSpan(1)[0] = value;
        buffer.Advance(1);
    }

    public void WriteUInt32(uint value)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(buffer.GetSpan(4), value);
        buffer.Advance(4);
    }

    public void WriteInt64(long value)
    {
        BinaryPrimitives.WriteInt64LittleEndian(buffer.GetSpan(8), value);
        buffer.Advance(8);
    }

    public void WriteVarint(int value)
    {
        var v = (uint)value;
        while (v >= 0x80)
        {
            WriteByte((byte)(v | 0x80));
            v >>= 7;
        }

        WriteByte((byte)v);
    }

    public void WriteString(string value)
    {
        var count = Encoding.UTF8.GetByteCount(value);
        WriteVarint(count);
        Encoding.UTF8.GetBytes(value, buffer.GetSpan(count));
        buffer.Advance(count);
    }

    /// <summary>A string that may be null: a byte (0 null, 1 present), then the string when present.</summary>
    public void WriteNullable(string? value)
    {
        WriteByte(value is null ? (byte)0 : (byte)1);
        if (value is not null)
        {
            WriteString(value);
        }
    }

    public void WriteBytes(ReadOnlySpan<byte> value)
    {
        WriteVarint(value.Length);
        value.CopyTo(buffer.GetSpan(value.Length));
        buffer.Advance(value.Length);
    }

    public void WriteTime(DateTimeOffset value)
    {
        WriteInt64(value.UtcTicks);
        WriteVarint((int)value.Offset.TotalMinutes + 1024);
    }
}
