using System.Buffers.Binary;
using System.Numerics;

namespace IamLab.World.State;

/// <summary>
/// CRC-32C (Castagnoli), the checksum of every journal frame. <see cref="BitOperations.Crc32C(uint, ulong)"/> uses
/// the processor's CRC instruction where there is one (eight bytes a step), so checking a large store at start-up
/// costs little next to reading it.
/// </summary>
internal static class Crc32C
{
    public static uint Compute(ReadOnlySpan<byte> data)
    {
        var crc = 0xFFFFFFFFu;
        while (data.Length >= 8)
        {
            crc = BitOperations.Crc32C(crc, BinaryPrimitives.ReadUInt64LittleEndian(data));
            data = data[8..];
        }

        foreach (var b in data)
        {
            crc = BitOperations.Crc32C(crc, b);
        }

        return ~crc;
    }
}
