namespace IamLab.World.State;

/// <summary>The world's scalar settings as the store's <see cref="RecordKind.Meta"/> record.</summary>
internal sealed class StoreMeta
{
    /// <summary>The format of the JSON records (the same as the exported document's).</summary>
    public int FormatVersion { get; set; } = WorldData.CurrentFormatVersion;

    public string Region { get; set; } = "us-east-1";

    public long Seed { get; set; }

    public long Counter { get; set; }
}
