namespace IamLab.Lessons.Charts;

/// <summary>The colours the charts share with the notebook's HTML views.</summary>
public static class ChartColours
{
    /// <summary>The colour of an allowed decision or a passed check.</summary>
    public const string Green = "#1a7f37";

    /// <summary>The colour of a denied decision, a failed check or a refused call.</summary>
    public const string Red = "#cf222e";
}
