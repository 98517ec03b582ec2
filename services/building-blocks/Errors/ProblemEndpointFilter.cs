using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Lmc.BuildingBlocks.Errors;

/// <summary>
/// What <see cref="ErrorInterceptor"/> is for gRPC methods, for a service's plain minimal-API endpoints (GeoJSON
/// layers, file downloads): an exception becomes the same problem document through <see cref="ErrorMapping"/>, so
/// a refused bbox and a refused gRPC field read alike and an unexpected failure says nothing of its cause.
/// </summary>
public sealed partial class ProblemEndpointFilter(ILogger<ProblemEndpointFilter> logger) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !context.HttpContext.RequestAborted.IsCancellationRequested)
        {
            var http = context.HttpContext;
            var (status, problem) = ErrorMapping.Map(exception, Activity.Current?.TraceId.ToString() ?? http.TraceIdentifier);
            if (status.Code == (int)global::Grpc.Core.StatusCode.Internal)
            {
                LogUnexpected(logger, exception, http.Request.Path);
            }

            problem.Instance = http.Request.Path;
            // Left for RestProblemDetailsMiddleware too, which rewrites every /api error body from it.
            http.Items[RestProblemDetailsMiddleware.ProblemKey] = problem;
            return Results.Problem(problem);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unexpected error in {Path}")]
    private static partial void LogUnexpected(ILogger logger, Exception exception, string path);
}

public static class ProblemEndpointFilterExtensions
{
    /// <summary>Answers the group's errors as problem+json, mapped as gRPC errors are.</summary>
    public static TBuilder WithProblems<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter<TBuilder, ProblemEndpointFilter>();
}
