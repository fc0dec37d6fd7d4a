namespace IamLab.Scenarios.Reports.Sharding;

/// <summary>The codes of <see cref="GradebookProblem"/>: part of the product, asserted by the tests.</summary>
public static class GradebookCodes
{
    /// <summary>A part is missing, not a regular file, too large, not JSON, or not an iamlab gradebook.</summary>
    public const string Unreadable = "GRADEBOOK_UNREADABLE";

    /// <summary>Parts grade different scenarios (or different maximum scores: different checks).</summary>
    public const string ScenarioMismatch = "GRADEBOOK_SCENARIO_MISMATCH";

    /// <summary>Parts were split into different numbers of shares.</summary>
    public const string ShardCountMismatch = "GRADEBOOK_SHARD_COUNT_MISMATCH";

    /// <summary>Two parts hold the same share, or the same submission.</summary>
    public const string ShardOverlap = "GRADEBOOK_SHARD_OVERLAP";

    /// <summary>Some shares are not among the parts.</summary>
    public const string ShardMissing = "GRADEBOOK_SHARD_MISSING";

    /// <summary>A part holds a submission that belongs to another share (the part was not made by <c>--shard</c>, or was edited).</summary>
    public const string ShardMismatch = "GRADEBOOK_SHARD_MISMATCH";
}
