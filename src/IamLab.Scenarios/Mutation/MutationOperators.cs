namespace IamLab.Scenarios.Mutation;

/// <summary>The names of the mutation operators, as they appear at the end of a mutant id.</summary>
public static class MutationOperators
{
    /// <summary>An Allow's Resource or Action widened with a trailing <c>*</c> (<c>my-bucket*</c>, <c>s3:Get*</c>).</summary>
    public const string WildcardEnd = "wildcard-end";

    /// <summary>An Allow's Resource or Action, or a trust's AWS principal, replaced by <c>"*"</c>.</summary>
    public const string Star = "star";

    /// <summary>An Allow's whole Condition removed.</summary>
    public const string ConditionDropped = "condition-dropped";

    /// <summary>One key of an Allow's Condition removed (when it has more than one).</summary>
    public const string KeyDropped = "key-dropped";

    /// <summary>StringEquals/ArnEquals made StringLike/ArnLike with a trailing <c>*</c> on every value.</summary>
    public const string LikePrefix = "like-prefix";

    /// <summary>StringEquals made StringEqualsIgnoreCase.</summary>
    public const string IgnoreCase = "ignore-case";

    /// <summary>An operator made ...IfExists (an absent key then matches).</summary>
    public const string IfExists = "if-exists";

    /// <summary>DateLessThan/DateGreaterThan (and the Numeric ones) made inclusive (...Equals).</summary>
    public const string Inclusive = "inclusive";

    /// <summary>An IpAddress CIDR widened (8 bits shorter for IPv4, 16 for IPv6).</summary>
    public const string CidrWidened = "cidr-widened";

    /// <summary>A trust's role or user principal widened to its account root.</summary>
    public const string AccountRoot = "account-root";

    /// <summary>One more service trusted next to a trust's service principal(s).</summary>
    public const string ExtraService = "extra-service";

    /// <summary>A Deny statement removed.</summary>
    public const string DenyRemoved = "deny-removed";

    /// <summary>Every operator, in the order mutants are listed.</summary>
    public static IReadOnlyList<string> All { get; } =
        [WildcardEnd, Star, ConditionDropped, KeyDropped, LikePrefix, IgnoreCase, IfExists, Inclusive, CidrWidened, AccountRoot, ExtraService, DenyRemoved];
}
