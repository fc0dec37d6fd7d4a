using System.Reflection;

namespace IamLab.Interactive.Clock;

/// <summary>
/// Keeps the AWS SDK for .NET in the notebook's process signing with the world's time. The endpoint checks every
/// signature against the world's clock, and AWS refuses a request signed more than 15 minutes off ("Signature
/// expired"); a scenario's world lives on its own fixed date. The SDK corrects its clock by
/// <c>Amazon.AWSConfigs.ManualClockCorrection</c>, so the extension sets that to "world time minus wall time" before
/// every cell, whenever a command moves the clock, and when the SDK is first loaded, and SDK cells need no code of
/// their own for it.
/// </summary>
/// <remarks>
/// The SDK is reached by reflection: a notebook that never uses it never loads it, and the extension does not decide
/// which AWSSDK.Core the notebook's <c>#r</c> brings.
/// </remarks>
internal static class SdkClock
{
    private static LabNotebook? synced;

    static SdkClock() => AppDomain.CurrentDomain.AssemblyLoad += (_, e) =>
    {
        if (e.LoadedAssembly.GetName().Name == "AWSSDK.Core" && Volatile.Read(ref synced) is { } notebook)
        {
            Apply(e.LoadedAssembly, notebook);
        }
    };

    /// <summary>Sets the SDK's correction from the notebook's world; leaves it alone when there is no world.</summary>
    public static void Sync(LabNotebook notebook)
    {
        ArgumentNullException.ThrowIfNull(notebook);
        Volatile.Write(ref synced, notebook);
        foreach (var sdk in AppDomain.CurrentDomain.GetAssemblies().Where(a => a.GetName().Name == "AWSSDK.Core"))
        {
            Apply(sdk, notebook);
        }
    }

    private static void Apply(Assembly sdk, LabNotebook notebook)
    {
        if (notebook.World is { } world)
        {
            sdk.GetType("Amazon.AWSConfigs")?.GetProperty("ManualClockCorrection", BindingFlags.Public | BindingFlags.Static)
                ?.SetValue(null, (TimeSpan?)(world.Time.GetUtcNow() - DateTimeOffset.UtcNow));
        }
    }
}
