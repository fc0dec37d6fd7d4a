using IamLab.World.S3;

namespace IamLab.World.State;

/// <summary>An S3 object as a store record, in binary (its bytes as they are, not base64): key, content, last-modified, content type.</summary>
internal static class ObjectCodec
{
    private const byte Layout = 1;

    /// <summary>The record key of an object: the bucket name, <c>/</c>, the object key (bucket names hold no <c>/</c>).</summary>
    public static string RecordKey(string bucket, string key) => bucket + "/" + key;

    public static void Write(RecordWriter writer, BucketObject item)
    {
        writer.WriteByte(Layout);
        writer.WriteString(item.Key);
        writer.WriteBytes(item.Content);
        writer.WriteTime(item.LastModified);
        writer.WriteNullable(item.ContentType);
    }

    public static BucketObject Read(ReadOnlySpan<byte> record)
    {
        var reader = new RecordReader(record);
        var layout = reader.ReadByte();
        if (layout != Layout)
        {
            throw new FormatException($"An object record has layout {layout}; this lab reads layout {Layout}.");
        }

        var item = new BucketObject(reader.ReadString(), reader.ReadSpan().ToArray(), reader.ReadTime(), reader.ReadNullable());
        return reader.AtEnd ? item : throw new FormatException($"The object record {item.Key} has bytes after its last field.");
    }
}
