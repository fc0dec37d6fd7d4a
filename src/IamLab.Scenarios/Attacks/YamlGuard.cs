using IamLab.Scenarios.Loading;
using IamLab.Scenarios.Model;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace IamLab.Scenarios.Attacks;

/// <summary>
/// Walks a learner's YAML as a stream of parser events before it is loaded into nodes: the loader builds nodes
/// recursively, so a file nested thousands deep would exhaust the stack, and an alias lets a small file name the same
/// node many times over. The walk is iterative and stops at the first limit passed.
/// </summary>
internal static class YamlGuard
{
    /// <summary>The deepest nesting of lists and mappings read (an attack file needs five).</summary>
    public const int MaxDepth = 16;

    /// <summary>The most parser events read (an attack of the most steps allowed needs a few hundred).</summary>
    public const int MaxEvents = 5_000;

    /// <summary>The first problem of <paramref name="text"/>, or null when it stays within the limits (syntax errors are left to the loader).</summary>
    public static ScenarioProblem? Check(string text, string path)
    {
        var parser = new Parser(new StringReader(text));
        var depth = 0;
        var events = 0;
        try
        {
            while (parser.MoveNext())
            {
                var current = parser.Current!;
                if (++events > MaxEvents)
                {
                    return new ScenarioProblem(LabFileCodes.TooLarge, $"The file holds more than {MaxEvents:N0} YAML nodes; an attack or findings file needs a few hundred.", Spot(path, current));
                }

                switch (current)
                {
                    case AnchorAlias:
                        return new ScenarioProblem(LabFileCodes.TooLarge, "The file uses a YAML alias (*name); write each value out instead.", Spot(path, current));
                    case SequenceStart or MappingStart when ++depth > MaxDepth:
                        return new ScenarioProblem(LabFileCodes.TooLarge, $"The file nests lists and mappings more than {MaxDepth} deep; an attack file needs five.", Spot(path, current));
                    case SequenceEnd or MappingEnd:
                        depth--;
                        break;
                }
            }
        }
        catch (YamlException)
        {
            // A syntax error: the loader reports it with its line and column.
        }

        return null;
    }

    private static SourceSpot Spot(string path, ParsingEvent e) => new(path, (int)e.Start.Line, (int)e.Start.Column);
}
