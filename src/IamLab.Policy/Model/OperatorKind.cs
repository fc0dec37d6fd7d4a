namespace IamLab.Policy.Model;

/// <summary>The base condition operators, without the IfExists suffix or a set qualifier.</summary>
public enum OperatorKind
{
    /// <summary>Exact, case-sensitive string match.</summary>
    StringEquals,
    /// <summary>Negated StringEquals.</summary>
    StringNotEquals,
    /// <summary>Exact string match ignoring case.</summary>
    StringEqualsIgnoreCase,
    /// <summary>Negated StringEqualsIgnoreCase.</summary>
    StringNotEqualsIgnoreCase,
    /// <summary>Case-sensitive match with * and ? wildcards.</summary>
    StringLike,
    /// <summary>Negated StringLike.</summary>
    StringNotLike,
    /// <summary>Numbers equal.</summary>
    NumericEquals,
    /// <summary>Negated NumericEquals.</summary>
    NumericNotEquals,
    /// <summary>Request value less than the policy value.</summary>
    NumericLessThan,
    /// <summary>Request value less than or equal to the policy value.</summary>
    NumericLessThanEquals,
    /// <summary>Request value greater than the policy value.</summary>
    NumericGreaterThan,
    /// <summary>Request value greater than or equal to the policy value.</summary>
    NumericGreaterThanEquals,
    /// <summary>Dates equal.</summary>
    DateEquals,
    /// <summary>Negated DateEquals.</summary>
    DateNotEquals,
    /// <summary>Request date before the policy date.</summary>
    DateLessThan,
    /// <summary>Request date at or before the policy date.</summary>
    DateLessThanEquals,
    /// <summary>Request date after the policy date.</summary>
    DateGreaterThan,
    /// <summary>Request date at or after the policy date.</summary>
    DateGreaterThanEquals,
    /// <summary>Boolean match of "true"/"false".</summary>
    Bool,
    /// <summary>Byte-for-byte match of base64 values.</summary>
    BinaryEquals,
    /// <summary>Request IP address inside one of the CIDR blocks.</summary>
    IpAddress,
    /// <summary>Negated IpAddress.</summary>
    NotIpAddress,
    /// <summary>ARN match, segment by segment, with wildcards.</summary>
    ArnEquals,
    /// <summary>The same comparison as ArnEquals.</summary>
    ArnLike,
    /// <summary>Negated ArnEquals.</summary>
    ArnNotEquals,
    /// <summary>Negated ArnLike.</summary>
    ArnNotLike,
    /// <summary>Checks whether the key is absent ("true") or present ("false").</summary>
    Null,
}
