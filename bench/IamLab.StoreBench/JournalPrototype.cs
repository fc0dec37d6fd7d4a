using System.Buffers.Binary;
using System.IO.Hashing;
using System.Text;

namespace IamLab.StoreBench;

/// <summary>Append-only file of frames [length][crc32][payload]; a batch is one frame; durable by fdatasync.</summary>
internal sealed class JournalPrototype(string path) : IPrototypeStore
{
    private readonly FileStream file = Open(path);

    public string Name => "journal (append + fsync)";

    public void WriteDurably(IReadOnlyList<(string Key, byte[] Value)> batch)
    {
        var payload = new MemoryStream();
        using (var writer = new BinaryWriter(payload, Encoding.UTF8, leaveOpen: true))
        {
            foreach (var (key, value) in batch)
            {
                writer.Write(key);
                writer.Write7BitEncodedInt(value.Length);
                writer.Write(value);
            }
        }

        var body = payload.ToArray();
        var frame = new byte[8 + body.Length];
        BinaryPrimitives.WriteInt32LittleEndian(frame, body.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(frame.AsSpan(4), Crc32.HashToUInt32(body));
        body.CopyTo(frame, 8);
        file.Write(frame);
        file.Flush(flushToDisk: true);
    }

    public void Fill(int count, byte[] value)
    {
        var batch = new List<(string, byte[])>(4096);
        for (var i = 0; i < count; i++)
        {
            batch.Add(($"session/{i}", value));
            if (batch.Count == 4096)
            {
                WriteDurably(batch);
                batch.Clear();
            }
        }

        WriteDurably(batch);
    }

    public (long Count, long Bytes) ReadAll()
    {
        using var reader = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1 << 20);
        var header = new byte[8];
        long count = 0, bytes = 0;
        while (reader.Read(header) == 8)
        {
            var length = BinaryPrimitives.ReadInt32LittleEndian(header);
            var body = new byte[length];
            reader.ReadExactly(body);
            if (Crc32.HashToUInt32(body) != BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(4)))
            {
                break;
            }

            using var records = new BinaryReader(new MemoryStream(body));
            while (records.BaseStream.Position < length)
            {
                _ = records.ReadString();
                var size = records.Read7BitEncodedInt();
                _ = records.ReadBytes(size);
                count++;
                bytes += size;
            }
        }

        return (count, bytes);
    }

    public long FileBytes() => new FileInfo(path).Length;

    public void Dispose()
    {
        file.Dispose();
        File.Delete(path);
    }

    private static FileStream Open(string path)
    {
        File.Delete(path);
        return new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read);
    }
}
