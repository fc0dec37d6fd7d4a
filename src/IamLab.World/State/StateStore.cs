using System.Text.Json;
using System.Text.Json.Serialization;
using IamLab.World.Errors;

namespace IamLab.World.State;

/// <summary>
/// Saves the world as a versioned JSON document and loads it back. Saving writes a temporary file and
/// renames it over the old one, so a crash never leaves half a file; loading a corrupt document, or one
/// written by a newer lab, fails with a clear error and leaves the file untouched.
/// </summary>
public static class StateStore
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        PreferredObjectCreationHandling = JsonObjectCreationHandling.Populate,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>The same settings without indentation: the JSON records of the world store.</summary>
    internal static readonly JsonSerializerOptions RecordOptions = new(Options) { WriteIndented = false };

    /// <summary>The world as a JSON document.</summary>
    public static string Serialize(LabWorld world)
    {
        ArgumentNullException.ThrowIfNull(world);
        world.SyncCounter();
        return JsonSerializer.Serialize(world.Data, Options);
    }

    /// <summary>A world from a JSON document, or StateCorrupt / StateTooNew.</summary>
    public static IamResult<LabWorld> Deserialize(string json, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        int version;
        try
        {
            using var probe = JsonDocument.Parse(json);
            version = probe.RootElement.TryGetProperty("FormatVersion", out var v) && v.TryGetInt32(out var n) ? n : 0;
        }
        catch (JsonException e)
        {
            return Corrupt(e.Message);
        }

        if (version > WorldData.CurrentFormatVersion)
        {
            return new IamError(StateCodes.TooNew,
                $"The state document has format version {version}, but this lab reads version {WorldData.CurrentFormatVersion} at most. Update the lab; the file was left as it was.", 400);
        }

        if (version < 1)
        {
            return Corrupt("it has no FormatVersion.");
        }

        try
        {
            var data = JsonSerializer.Deserialize<WorldData>(json, Options);
            return data is null ? Corrupt("it is empty.") : new LabWorld(data, time ?? TimeProvider.System);
        }
        catch (JsonException e)
        {
            return Corrupt(e.Message);
        }
    }

    /// <summary>Saves atomically: writes <c>PATH.tmp</c>, then renames it over <paramref name="path"/>.</summary>
    public static void Save(LabWorld world, string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var temp = path + ".tmp";
        File.WriteAllText(temp, Serialize(world));
        File.Move(temp, path, overwrite: true);
    }

    /// <summary>Loads a saved world; the file is only read.</summary>
    public static IamResult<LabWorld> Load(string path, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            return new IamError(StateCodes.NotFound, $"There is no state file at {path}.", 404);
        }

        return Deserialize(File.ReadAllText(path), time);
    }

    private static IamError Corrupt(string why) =>
        new(StateCodes.Corrupt, $"The state document cannot be read: {why} The file was left as it was.", 400);
}
