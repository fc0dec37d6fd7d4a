using IamLab.World.Errors;

namespace IamLab.World.State;

/// <summary>What reading a journal found: where the good batches end, the last batch number, a dropped torn batch, or the error that stops loading.</summary>
internal sealed record JournalScan(long GoodLength, long Batches, string? Dropped, IamError? Error)
{
    public static JournalScan Failed(IamError error) => new(0, 0, null, error);
}
