namespace IamLab.StoreBench;

/// <summary>A prototype store: a batch of (key, value) puts made durable at once, a bulk fill and a full read.</summary>
internal interface IPrototypeStore : IDisposable
{
    string Name { get; }

    /// <summary>Writes the batch and makes it durable before returning.</summary>
    void WriteDurably(IReadOnlyList<(string Key, byte[] Value)> batch);

    void Fill(int count, byte[] value);

    (long Count, long Bytes) ReadAll();

    long FileBytes();
}
