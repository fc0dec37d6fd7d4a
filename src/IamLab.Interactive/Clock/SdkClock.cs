namespace IamLab.Interactive.Clock;

/// <summary>
/// Keeps the AWS SDK for .NET in the notebook's process signing with the world's time. The endpoint checks every
/// signature against the world's clock, and AWS refuses a request signed more than 15 minutes off (SignatureDoesNotMatch
/// "Signature expired"); a scenario's world lives on its own fixed date. The SDK corrects its clock by
/// <see cref="Amazon.AWSConfigs.ManualClockCorrection"/>, so the extension sets that to "world time minus wall time"
/// before every cell and whenever a command moves the clock, and SDK cells need no code of their own for it.
/// </summary>
internal static class SdkClock
{
    /// <summary>Sets the SDK's correction from the notebook's world; leaves it alone when there is no world.</summary>
    public static void Sync(LabNotebook notebook)
    {
        if (notebook.World is { } world)
        {
            SetCorrection(world.Time.GetUtcNow() - DateTimeOffset.UtcNow);
        }
    }

    // Separate, so that AWSSDK.Core is loaded only once a world exists (the JIT loads a method's types when compiling it).
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static void SetCorrection(TimeSpan correction) => Amazon.AWSConfigs.ManualClockCorrection = correction;
}
