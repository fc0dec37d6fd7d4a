namespace IamLab.Cli.Grading;

/// <summary>The codes of <c>iamlab check</c>'s refusals: part of the product, asserted by the tests.</summary>
internal static class CheckCodes
{
    /// <summary>The scenarios folder holds no solutions or answers (the packed tool's), so there is nothing to check them with.</summary>
    public const string NoAnswers = "CHECK_NO_ANSWERS";
}
