namespace IamLab.World.Errors;

/// <summary>The value of an operation that returns nothing but may fail.</summary>
public readonly record struct Done
{
    /// <summary>The one value.</summary>
    public static Done Value => default;
}
