using System.Globalization;
using IamLab.Policy.Matching;
using IamLab.Policy.Model;

namespace IamLab.Policy.Conditions;

/// <summary>
/// Compares one request value with one policy value under the positive form of an operator
/// (StringNotEquals is compared as StringEquals and negated by the caller).
/// </summary>
internal static class ValueComparer
{
    public static bool Matches(OperatorKind kind, string requestValue, ConditionValue policyValue, IContextValues context)
    {
        switch (kind)
        {
            case OperatorKind.StringEquals or OperatorKind.StringNotEquals:
                return Text(policyValue, context) is { } exact && string.Equals(requestValue, exact, StringComparison.Ordinal);
            case OperatorKind.StringEqualsIgnoreCase or OperatorKind.StringNotEqualsIgnoreCase:
                return Text(policyValue, context) is { } loose && string.Equals(requestValue, loose, StringComparison.OrdinalIgnoreCase);
            case OperatorKind.StringLike or OperatorKind.StringNotLike:
                return Pattern(policyValue, context) is { } like && Wildcard.IsMatch(like, requestValue, ignoreCase: false);
            case OperatorKind.ArnEquals or OperatorKind.ArnLike or OperatorKind.ArnNotEquals or OperatorKind.ArnNotLike:
                return Pattern(policyValue, context) is { } arn && ArnMatcher.IsMatch(arn, requestValue);
            case >= OperatorKind.NumericEquals and <= OperatorKind.NumericGreaterThanEquals:
                return double.TryParse(requestValue, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
                    && Compare(kind - OperatorKind.NumericEquals, number.CompareTo(policyValue.Number));
            case >= OperatorKind.DateEquals and <= OperatorKind.DateGreaterThanEquals:
                return DateValue.TryParse(requestValue, out var date)
                    && Compare(kind - OperatorKind.DateEquals, date.CompareTo(policyValue.Date));
            case OperatorKind.Bool:
                return string.Equals(requestValue, policyValue.Text, StringComparison.OrdinalIgnoreCase);
            case OperatorKind.BinaryEquals:
                return BinaryMatches(requestValue, policyValue.Binary!);
            case OperatorKind.IpAddress or OperatorKind.NotIpAddress:
                return IpNetwork.TryParse(requestValue, out var address) && address.PrefixLength == (address.IsV6 ? 128 : 32)
                    && policyValue.Network.Contains(address);
            default:
                return false;
        }
    }

    /// <summary>
    /// The six relational operators in enum order: Equals, NotEquals, LessThan, LessThanEquals, GreaterThan,
    /// GreaterThanEquals. NotEquals is compared as Equals; the caller negates it.
    /// </summary>
    private static bool Compare(int relation, int order) => relation switch
    {
        0 or 1 => order == 0,
        2 => order < 0,
        3 => order <= 0,
        4 => order > 0,
        _ => order >= 0,
    };

    private static string? Text(ConditionValue value, IContextValues context) =>
        value.Template is null ? value.Text : value.Template.ResolveAsText(context, out _);

    private static string? Pattern(ConditionValue value, IContextValues context) =>
        value.Template is null ? value.Text : value.Template.ResolveAsPattern(context, out _);

    private static bool BinaryMatches(string requestValue, byte[] expected)
    {
        var buffer = requestValue.Length <= 512 ? stackalloc byte[requestValue.Length] : new byte[requestValue.Length];
        return Convert.TryFromBase64String(requestValue, buffer, out var written) && buffer[..written].SequenceEqual(expected);
    }
}
