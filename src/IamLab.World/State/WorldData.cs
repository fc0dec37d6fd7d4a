using IamLab.World.Accounts;
using IamLab.World.Compute;
using IamLab.World.S3;

namespace IamLab.World.State;

/// <summary>Everything the world holds; saved as the state document. The format version guards loading.</summary>
internal sealed class WorldData
{
    public const int CurrentFormatVersion = 1;

    public int FormatVersion { get; set; } = CurrentFormatVersion;

    public string Region { get; set; } = "us-east-1";

    public long Seed { get; set; }

    public long Counter { get; set; }

    public SortedDictionary<string, Account> Accounts { get; set; } = new(StringComparer.Ordinal);

    public Organization? Organization { get; set; }

    public SortedDictionary<string, Bucket> Buckets { get; set; } = new(StringComparer.Ordinal);

    public SessionTable Sessions { get; set; } = new();

    public SortedDictionary<string, Ec2Instance> Instances { get; set; } = new(StringComparer.Ordinal);

    public SortedDictionary<string, LambdaFunction> Functions { get; set; } = new(StringComparer.Ordinal);

    public FederationData Federation { get; set; } = new();
}
