using System.Diagnostics.CodeAnalysis;

namespace IamLab.Endpoint.Protocol;

/// <summary>The outcome of reading a Query protocol request: the request, or the AWS error to answer with.</summary>
public sealed class QueryParseResult
{
    private QueryParseResult(QueryRequest? request, AwsError? error)
    {
        Request = request;
        Error = error;
    }

    /// <summary>The parsed request, when parsing succeeded.</summary>
    public QueryRequest? Request { get; }

    /// <summary>The error, when parsing failed.</summary>
    public AwsError? Error { get; }

    /// <summary>True when <see cref="Request"/> is set.</summary>
    [MemberNotNullWhen(true, nameof(Request))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsSuccess => Request is not null;

    internal static QueryParseResult Success(QueryRequest request) => new(request, null);

    internal static QueryParseResult Failure(AwsError error) => new(null, error);
}
