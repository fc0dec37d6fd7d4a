using IamLab.Scenarios.Model;
using IamLab.World;

namespace IamLab.Scenarios.Serving;

/// <summary>A scenario's world ready to be served: the world, where its learner files came from, and the users' keys.</summary>
public sealed class ServingWorld
{
    internal ServingWorld(Scenario scenario, LabWorld world, string filesDirectory, bool fromStarter, IReadOnlyList<ServingUserKey> keys)
    {
        Scenario = scenario;
        World = world;
        FilesDirectory = filesDirectory;
        FromStarter = fromStarter;
        Keys = keys;
    }

    /// <summary>The scenario.</summary>
    public Scenario Scenario { get; }

    /// <summary>The world, on the clock it was built with.</summary>
    public LabWorld World { get; }

    /// <summary>The folder the learner's files were read from (the submission, or the scenario's <c>starter/</c>).</summary>
    public string FilesDirectory { get; }

    /// <summary>True when no submission was given and the scenario's <c>starter/</c> files are in place.</summary>
    public bool FromStarter { get; }

    /// <summary>One access key per IAM user of the scenario, in the order the scenario declares them.</summary>
    public IReadOnlyList<ServingUserKey> Keys { get; }
}
