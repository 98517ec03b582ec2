using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;

namespace Lmc.Gateway.Edge;

/// <summary>
/// Refuses a body over the limit with 413 before anything is forwarded: at once when the
/// declared length says so, and while streaming (Kestrel's limit) when it does not.
/// </summary>
public sealed class RequestBodyLimit(RequestDelegate next, GatewayOptions options)
{
    public async Task InvokeAsync(HttpContext http)
    {
        if (http.Request.ContentLength > options.MaxRequestBodyBytes)
        {
            await Lmc.BuildingBlocks.Errors.ProblemJson.WriteAsync(http, new ProblemDetails
            {
                Status = StatusCodes.Status413PayloadTooLarge,
                Title = "Request body too large",
                Detail = $"The body is {http.Request.ContentLength} bytes; the limit is {options.MaxRequestBodyBytes}.",
            }, http.RequestAborted);
            return;
        }

        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = options.MaxRequestBodyBytes;
        }

        await next(http);
    }
}
