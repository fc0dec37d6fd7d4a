using IamLab.World.Errors;

namespace IamLab.World.State;

/// <summary>The world store's errors (the lab's own codes and wording; AWS has no such errors).</summary>
internal static class StoreErrors
{
    public static IamError Corrupt(string path, string why) =>
        new(StateCodes.Corrupt, $"The world store {path} cannot be read: {why} The file was left as it was.", 400);

    public static IamError TooNew(string path, int version, int known) =>
        new(StateCodes.TooNew, $"The world store {path} has format version {version}, but this lab reads version {known} at most. Update the lab; the file was left as it was.", 400);

    public static IamError InUse(string path, string why) =>
        new(StateCodes.InUse, $"The world store {path} is open in another process (a running `iamlab serve`?): {why} Stop it first.", 409);
}
