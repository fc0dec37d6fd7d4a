namespace IamLab.Policy.Evaluation;

/// <summary>A statement that decided a request: the policy it is in, its index and its Sid.</summary>
public readonly record struct StatementRef(PolicySlot Policy, int Statement, string? Sid)
{
    /// <inheritdoc />
    public override string ToString() => Sid is null ? $"{Policy} statement {Statement}" : $"{Policy} statement {Statement} (\"{Sid}\")";
}
