namespace IamLab.Scenarios.Attacks;

/// <summary>
/// The codes of the problems found in a learner's attack or findings file (YAML; docs/scenario-format.md "Attack files";
/// docs/error-codes.md has each with its message). Compare codes, never messages.
/// </summary>
public static class LabFileCodes
{
    /// <summary>The file is empty.</summary>
    public const string Empty = "LAB_FILE_EMPTY";

    /// <summary>The file is not valid YAML.</summary>
    public const string YamlSyntax = "LAB_FILE_YAML_SYNTAX";

    /// <summary>The file nests deeper, or holds more nodes, than the grader reads; or uses a YAML alias.</summary>
    public const string TooLarge = "LAB_FILE_TOO_LARGE";

    /// <summary>The file holds more than one YAML document (separated by <c>---</c>); only one would be read.</summary>
    public const string ExtraDocument = "LAB_FILE_EXTRA_DOCUMENT";

    /// <summary>A node has the wrong shape (a list where a mapping belongs, text that is not a number, ...).</summary>
    public const string WrongType = "LAB_FILE_WRONG_TYPE";

    /// <summary>A field the format does not have (with "did you mean").</summary>
    public const string UnknownField = "LAB_FILE_UNKNOWN_FIELD";

    /// <summary>A field given twice in one mapping.</summary>
    public const string DuplicateField = "LAB_FILE_DUPLICATE_FIELD";

    /// <summary>A required field is missing.</summary>
    public const string MissingField = "LAB_FILE_MISSING_FIELD";

    /// <summary>A field has a value outside what it accepts.</summary>
    public const string InvalidValue = "LAB_FILE_INVALID_VALUE";

    /// <summary>A step of an attack is not one of the calls an attacker can make from the foothold.</summary>
    public const string UnknownStep = "ATTACK_UNKNOWN_STEP";

    /// <summary>The attack's <c>from:</c> names another principal than the challenge's foothold.</summary>
    public const string FootholdMismatch = "ATTACK_FOOTHOLD_MISMATCH";

    /// <summary>The attack asks for something the attacker cannot choose (another caller, MFA, request facts, another repository's token).</summary>
    public const string NotYours = "ATTACK_NOT_YOURS";
}
