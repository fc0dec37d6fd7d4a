using System.Buffers;
using System.Buffers.Binary;
using Microsoft.Win32.SafeHandles;

namespace IamLab.World.State;

/// <summary>
/// The world store's file: a header (<c>IAMLABWS</c> and the format version), then frames, each one batch of changes
/// written by one group commit: a marker, the payload's length, its CRC-32C, and the payload (the batch number, then
/// each change: put or delete, the record kind, the key and, for a put, the value). A batch is on disk whole or not at
/// all as far as a reader is concerned: a frame whose bytes are missing or fail their checksum is the torn end of the
/// last write, dropped with a message; a bad frame with more frames after it is damage, and the file is refused.
/// </summary>
internal sealed class JournalFile : IDisposable
{
    public const int Version = 1;
    public const int HeaderSize = 12;
    private const int FrameHeaderSize = 12;
    private const uint FrameMarker = 0x4A57414C; // "LAWJ" on disk
    private const int MaxPayload = 1 << 30;
    private const int SnapshotFrameBytes = 1 << 20;
    private const byte Put = 1;
    private const byte Delete = 2;

    private readonly FileStream file;
    private readonly StoreDisk disk;
    private long nextBatch;

    private JournalFile(FileStream file, string path, long length, long nextBatch, StoreDisk disk)
    {
        this.file = file;
        this.disk = disk;
        this.nextBatch = nextBatch;
        Path = path;
        Length = length;
    }

    private static ReadOnlySpan<byte> Magic => "IAMLABWS"u8;

    public string Path { get; }

    /// <summary>The file's length: where the next batch goes.</summary>
    public long Length { get; private set; }

    /// <summary>The number the next batch is written with (one more than the batches in the file when it was opened, then one more per batch).</summary>
    public long NextBatch => nextBatch;

    /// <summary>The open file, for reading the batches already appended (a compaction copies them).</summary>
    public SafeFileHandle Handle => file.SafeFileHandle;

    /// <summary>Opens the store's file (writers hold <see cref="StoreLock"/> besides).</summary>
    public static FileStream OpenData(string path, bool write) =>
        new(path, new FileStreamOptions { Mode = FileMode.Open, Access = write ? FileAccess.ReadWrite : FileAccess.Read, Share = FileShare.ReadWrite | FileShare.Delete, BufferSize = 0 });

    /// <summary>True when the file starts with the store's magic bytes.</summary>
    public static bool IsStore(SafeFileHandle handle)
    {
        Span<byte> head = stackalloc byte[8];
        return RandomAccess.Read(handle, head, 0) == 8 && head.SequenceEqual(Magic);
    }

    /// <summary>Reads every good batch of the file, handing each change to <paramref name="visit"/>.</summary>
    public static JournalScan Scan(SafeFileHandle handle, string path, RecordVisitor visit)
    {
        var length = RandomAccess.GetLength(handle);
        Span<byte> header = stackalloc byte[HeaderSize];
        if (length < HeaderSize || RandomAccess.Read(handle, header, 0) != HeaderSize || !header[..8].SequenceEqual(Magic))
        {
            return JournalScan.Failed(StoreErrors.Corrupt(path, "it does not start with the world store's header (IAMLABWS)."));
        }

        var version = BinaryPrimitives.ReadInt32LittleEndian(header[8..]);
        if (version > Version)
        {
            return JournalScan.Failed(StoreErrors.TooNew(path, version, Version));
        }

        if (version < 1)
        {
            return JournalScan.Failed(StoreErrors.Corrupt(path, $"its header names format version {version}."));
        }

        var offset = (long)HeaderSize;
        long batches = 0;
        Span<byte> frame = stackalloc byte[FrameHeaderSize];
        var buffer = ArrayPool<byte>.Shared.Rent(SnapshotFrameBytes * 2);
        try
        {
            while (offset < length)
            {
                var remaining = length - offset;
                if (remaining < FrameHeaderSize)
                {
                    return Torn(offset, batches, $"only {remaining} of its {FrameHeaderSize} header bytes are present");
                }

                RandomAccess.Read(handle, frame, offset);
                var marker = BinaryPrimitives.ReadUInt32LittleEndian(frame);
                var size = BinaryPrimitives.ReadInt32LittleEndian(frame[4..]);
                var checksum = BinaryPrimitives.ReadUInt32LittleEndian(frame[8..]);
                if (marker != FrameMarker || size < 8 || size > MaxPayload)
                {
                    return AllZero(handle, offset, length)
                        ? Torn(offset, batches, "its bytes are zeros (the file grew but the data never reached the disk)")
                        : Damaged(offset, batches, "a batch header is not valid");
                }

                if (size > remaining - FrameHeaderSize)
                {
                    return Torn(offset, batches, $"only {remaining - FrameHeaderSize} of its {size} bytes are present");
                }

                if (buffer.Length < size)
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = ArrayPool<byte>.Shared.Rent(size);
                }

                var payload = buffer.AsSpan(0, size);
                RandomAccess.Read(handle, payload, offset + FrameHeaderSize);
                if (Crc32C.Compute(payload) != checksum)
                {
                    return offset + FrameHeaderSize + size == length
                        ? Torn(offset, batches, "its checksum does not match (part of it never reached the disk)")
                        : Damaged(offset, batches, "a batch fails its checksum and more batches follow it");
                }

                try
                {
                    Apply(payload, visit);
                }
                catch (FormatException e)
                {
                    return Damaged(offset, batches, e.Message);
                }

                batches++;
                offset += FrameHeaderSize + size;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        return new JournalScan(offset, batches, null, null);

        JournalScan Torn(long at, long good, string why) => new(at, good,
            $"{path}: the last batch of changes (batch {good + 1}, at byte {at}) is incomplete: {why}. It was being written when the lab stopped (or is being written now), so it was never acknowledged; it was left out.", null);

        JournalScan Damaged(long at, long good, string why) =>
            JournalScan.Failed(StoreErrors.Corrupt(path, $"it is damaged at byte {at} (batch {good + 1}): {why}."));
    }

    /// <summary>Writes a whole store to <paramref name="path"/> (a temporary file made durable, then renamed over it): a new store, or a compaction at start-up.</summary>
    /// <returns>The new file's length and number of batches, as a scan of it would find them.</returns>
    public static JournalScan WriteStore(string path, Action<Action<StoreChange>> produce)
    {
        JournalScan written;
        var temp = path + ".tmp";
        try
        {
            using (var stream = PrivateFiles.Create(temp, shared: true))
            {
                written = WriteSnapshot(stream.SafeFileHandle, StoreDisk.Default, produce);
                RandomAccess.FlushToDisk(stream.SafeFileHandle);
            }

            File.Move(temp, path, overwrite: true);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }

        PrivateFiles.SyncFolder(path);
        return written;
    }

    /// <summary>
    /// Writes the header and every record <paramref name="produce"/> hands over, in frames of about 1 MiB, from the start
    /// of <paramref name="file"/> through <see cref="StoreDisk.WriteCompaction"/>. Does not flush.
    /// </summary>
    /// <returns>The length written and the number of batches.</returns>
    public static JournalScan WriteSnapshot(SafeFileHandle file, StoreDisk disk, Action<Action<StoreChange>> produce)
    {
        var header = new byte[HeaderSize];
        Magic.CopyTo(header);
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(8), Version);
        disk.WriteCompaction(file, header, 0);
        long length = HeaderSize;
        var payload = new RecordWriter(SnapshotFrameBytes + 4096);
        long batch = 1;
        payload.WriteInt64(batch);
        produce(change =>
        {
            Encode(payload, change);
            if (payload.Length >= SnapshotFrameBytes)
            {
                length += WriteFrame(payload);
                payload.WriteInt64(++batch);
            }
        });
        if (payload.Length > 8)
        {
            length += WriteFrame(payload);
        }
        else
        {
            batch--;
        }

        return new JournalScan(length, batch, null, null);

        long WriteFrame(RecordWriter written)
        {
            var frame = Frame(written.Written);
            disk.WriteCompaction(file, frame, length);
            written.Clear();
            return frame.Length;
        }
    }

    /// <summary>Takes over an open, locked store file for appending; a torn end is cut off first.</summary>
    public static JournalFile ForAppend(FileStream file, string path, JournalScan scan, StoreDisk disk)
    {
        if (file.Length != scan.GoodLength)
        {
            RandomAccess.SetLength(file.SafeFileHandle, scan.GoodLength);
            RandomAccess.FlushToDisk(file.SafeFileHandle);
        }

        return new JournalFile(file, path, scan.GoodLength, scan.Batches + 1, disk);
    }

    /// <summary>
    /// Appends one batch and makes it durable before returning. On failure the file is cut back to where it was,
    /// so the next batch does not land behind a half-written one, and the error is thrown.
    /// </summary>
    public void Append(IReadOnlyList<StoreChange> changes)
    {
        var payload = new RecordWriter();
        payload.WriteInt64(nextBatch);
        foreach (var change in changes)
        {
            Encode(payload, change);
        }

        var bytes = Frame(payload.Written);
        try
        {
            disk.Write(file.SafeFileHandle, bytes, Length);
            disk.Flush(file.SafeFileHandle);
        }
        catch (IOException)
        {
            CutBack();
            throw;
        }
        catch (UnauthorizedAccessException)
        {
            CutBack();
            throw;
        }

        Length += bytes.Length;
        nextBatch++;
    }

    public void Dispose() => file.Dispose();

    private void CutBack()
    {
        try
        {
            RandomAccess.SetLength(file.SafeFileHandle, Length);
        }
        catch (IOException)
        {
            // The length is checked again when the store is next opened; a torn end is dropped then.
        }
    }

    private static void Encode(RecordWriter payload, StoreChange change)
    {
        payload.WriteByte(change.Value is null ? Delete : Put);
        payload.WriteByte((byte)change.Kind);
        payload.WriteString(change.Key);
        if (change.Value is not null)
        {
            payload.WriteBytes(change.Value);
        }
    }

    private static void Apply(ReadOnlySpan<byte> payload, RecordVisitor visit)
    {
        var reader = new RecordReader(payload);
        _ = reader.ReadInt64(); // the batch number
        while (!reader.AtEnd)
        {
            var op = reader.ReadByte();
            var kind = reader.ReadByte();
            if (kind is < (byte)RecordKind.Meta or > (byte)RecordKind.Function || op is not (Put or Delete))
            {
                throw new FormatException($"a change has operation {op} and record kind {kind}, which this lab does not know");
            }

            var key = reader.ReadSpan();
            visit((RecordKind)kind, key, op == Put ? reader.ReadSpan() : default, op == Delete);
        }
    }

    private static byte[] Frame(ReadOnlySpan<byte> payload)
    {
        var frame = new byte[FrameHeaderSize + payload.Length];
        BinaryPrimitives.WriteUInt32LittleEndian(frame, FrameMarker);
        BinaryPrimitives.WriteInt32LittleEndian(frame.AsSpan(4), payload.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(frame.AsSpan(8), Crc32C.Compute(payload));
        payload.CopyTo(frame.AsSpan(FrameHeaderSize));
        return frame;
    }

    private static bool AllZero(SafeFileHandle handle, long from, long length)
    {
        var chunk = new byte[64 * 1024];
        for (var at = from; at < length; at += chunk.Length)
        {
            var read = RandomAccess.Read(handle, chunk, at);
            if (chunk.AsSpan(0, read).ContainsAnyExcept((byte)0))
            {
                return false;
            }
        }

        return true;
    }
}
