using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;

namespace Lmc.Gateway.Edge;

/// <summary>Refusals the gateway makes itself, in the same problem+json the services use.</summary>
internal static class Problems
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static Task WriteAsync(HttpContext http, ProblemDetails problem, CancellationToken cancellationToken)
    {
        problem.Type ??= Lmc.BuildingBlocks.Errors.ErrorMapping.TypeFor(problem.Status ?? StatusCodes.Status400BadRequest);
        problem.Instance ??= http.Request.Path;
        problem.Extensions["traceId"] = Activity.Current?.TraceId.ToString();
        http.Response.StatusCode = problem.Status ?? StatusCodes.Status400BadRequest;
        http.Response.ContentType = "application/problem+json";
        return JsonSerializer.SerializeAsync(http.Response.Body, problem, Json, cancellationToken);
    }
}
