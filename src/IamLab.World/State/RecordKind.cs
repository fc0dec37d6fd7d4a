namespace IamLab.World.State;

/// <summary>What a record of the world store holds. The numbers are written to disk: never renumber one.</summary>
internal enum RecordKind : byte
{
    /// <summary>Region, seed and id counter (JSON; key empty).</summary>
    Meta = 1,

    /// <summary>The organization (JSON; key empty).</summary>
    Organization = 2,

    /// <summary>The lab's identity providers' keys and the fetched key sets (JSON; key empty).</summary>
    Federation = 3,

    /// <summary>An account and every IAM entity in it (JSON; key = account id).</summary>
    Account = 4,

    /// <summary>A bucket without its objects (JSON; key = bucket name).</summary>
    Bucket = 5,

    /// <summary>An object (binary, <see cref="ObjectCodec"/>; key = bucket name, <c>/</c>, object key).</summary>
    Object = 6,

    /// <summary>An STS session (binary, <see cref="SessionCodec"/>; key = access key id).</summary>
    Session = 7,

    /// <summary>An EC2 instance (JSON; key = instance id).</summary>
    Instance = 8,

    /// <summary>A Lambda function (JSON; key = function name).</summary>
    Function = 9,
}
