namespace IamLab.Endpoint.Federation;

/// <summary>An error of the lab's own routes, written as <c>{"code": …, "message": …}</c>.</summary>
/// <param name="Status">The HTTP status.</param>
/// <param name="Code">A stable code.</param>
/// <param name="Message">What is wrong, quoting the input.</param>
public sealed record LabRouteError(int Status, string Code, string Message);
