using IamLab.World.State;
using Microsoft.AspNetCore.Http;

namespace IamLab.Endpoint.Hosting;

/// <summary>
/// A change that cannot be saved (a full disk) on the unsigned routes (instance metadata, the lab's identity
/// providers): 503 with a plain-text body that says why. AWS requests get AWS's <c>ServiceUnavailable</c> document
/// from the request pipeline instead. Reads never commit, so they go on being answered.
/// </summary>
internal static class StoreFailures
{
    public static async Task Answer(HttpContext context, RequestDelegate next)
    {
        try
        {
            await next(context).ConfigureAwait(false);
        }
        catch (StoreUnavailableException e) when (!context.Response.HasStarted)
        {
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync($"ServiceUnavailable: {HostErrors.StoreUnavailableDetail(e)}\n").ConfigureAwait(false);
        }
    }
}
