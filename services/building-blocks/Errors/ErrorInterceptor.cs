using System.Diagnostics;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Lmc.BuildingBlocks.Domain;
using Microsoft.Extensions.Logging;

namespace Lmc.BuildingBlocks.Errors;

/// <summary>
/// Turns exceptions thrown by gRPC service methods into statuses with details. For calls that came
/// in over REST (JSON transcoding) it also leaves the problem document for
/// <see cref="RestProblemDetailsMiddleware"/>, which writes it instead of the transcoder's body.
/// </summary>
public sealed partial class ErrorInterceptor(ILogger<ErrorInterceptor> logger) : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(request, context);
        }
        catch (Exception exception)
        {
            throw Translate(exception, context);
        }
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context,
        ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            await continuation(request, responseStream, context);
        }
        catch (Exception exception)
        {
            throw Translate(exception, context);
        }
    }

    private RpcException Translate(Exception exception, ServerCallContext context)
    {
        var traceId = Activity.Current?.TraceId.ToString();
        var (status, problem) = ErrorMapping.Map(exception, traceId);
        if (status.Code == (int)StatusCode.Internal)
        {
            LogUnexpected(logger, exception, context.Method);
        }
        else if (exception is not DomainException)
        {
            LogPassedOn(logger, context.Method, status.Code, exception.Message);
        }

        var http = context.GetHttpContext();
        problem.Instance = http.Request.Path;
        http.Items[RestProblemDetailsMiddleware.ProblemKey] = problem;
        return status.ToRpcException();
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unexpected error in {Method}")]
    private static partial void LogUnexpected(ILogger logger, Exception exception, string method);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Method} failed with status {Code}: {Reason}")]
    private static partial void LogPassedOn(ILogger logger, string method, int code, string reason);
}
