using IamLab.Endpoint.Protocol;
using IamLab.World.Errors;

namespace IamLab.Endpoint.Hosting;

/// <summary>Turns the world's errors into wire errors: the world already carries AWS's code, message and HTTP status.</summary>
public static class WorldErrors
{
    /// <summary>The wire form of a world error.</summary>
    /// <param name="error">The world's error.</param>
    /// <returns>The same code, message and status.</returns>
    public static AwsError ToAwsError(this IamError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return new AwsError(error.Code, error.Message, error.HttpStatus);
    }
}
