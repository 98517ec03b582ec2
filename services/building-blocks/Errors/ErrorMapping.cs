using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using Lmc.BuildingBlocks.Domain;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using RpcStatus = Google.Rpc.Status;

namespace Lmc.BuildingBlocks.Errors;

/// <summary>
/// The one place that decides what a caller sees for an error: the gRPC status (code, message,
/// rich details) and the problem document over REST. Both come from the same decision so the two
/// transports never disagree. Unexpected errors say nothing about their cause.
/// </summary>
public static class ErrorMapping
{
    public const string UnexpectedMessage = "An unexpected error occurred. Quote the trace id when reporting it.";

    public static (RpcStatus Status, ProblemDetails Problem) Map(Exception exception, string? traceId)
    {
        var (code, httpStatus, title, message) = exception switch
        {
            ValidationException => (Code.InvalidArgument, StatusCodes.Status400BadRequest, "Invalid request", exception.Message),
            NotFoundException => (Code.NotFound, StatusCodes.Status404NotFound, "Not found", exception.Message),
            ConflictException => (Code.AlreadyExists, StatusCodes.Status409Conflict, "Conflict", exception.Message),
            ConcurrencyException => (Code.Aborted, StatusCodes.Status409Conflict, "Version conflict", exception.Message),
            DbUpdateConcurrencyException => (Code.Aborted, StatusCodes.Status409Conflict, "Version conflict",
                "The resource was changed by someone else; read it again and retry."),
            // Two writers raced for the same unique identity (the 9th FMM scheduled twice): the loser hears so.
            DbUpdateException { InnerException: PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } } => (Code.AlreadyExists,
                StatusCodes.Status409Conflict, "Conflict", "Something with the same identity was created at the same time; read it and retry if needed."),
            // A text longer than its column: a missing length check, still the caller's error, not a 500.
            DbUpdateException { InnerException: PostgresException { SqlState: PostgresErrorCodes.StringDataRightTruncation } } => (Code.InvalidArgument,
                StatusCodes.Status400BadRequest, "Invalid request", "A text in the request is longer than its field allows; shorten it."),
            RuleViolationException => (Code.FailedPrecondition, StatusCodes.Status409Conflict, "Rule violated", exception.Message),
            ForbiddenException => (Code.PermissionDenied, StatusCodes.Status403Forbidden, "Forbidden", exception.Message),
            DependencyUnavailableException => (Code.Unavailable, StatusCodes.Status503ServiceUnavailable, "Dependency unavailable", exception.Message),
            RpcException rpc => FromRpc(rpc),
            _ when IsTransientDatabaseFailure(exception) => (Code.Unavailable, StatusCodes.Status503ServiceUnavailable,
                "Database unavailable", "The database is not reachable right now; nothing was changed. Retry later."),
            _ => (Code.Internal, StatusCodes.Status500InternalServerError, "Internal error", UnexpectedMessage),
        };

        var status = new RpcStatus { Code = (int)code, Message = message };
        var problem = new ProblemDetails { Status = httpStatus, Title = title, Detail = message, Type = TypeFor(httpStatus) };
        if (traceId is not null)
        {
            problem.Extensions["traceId"] = traceId;
        }

        switch (exception)
        {
            case ValidationException validation:
                var badRequest = new BadRequest();
                foreach (var (field, problems) in validation.Errors)
                {
                    badRequest.FieldViolations.AddRange(problems.Select(p => new BadRequest.Types.FieldViolation { Field = field, Description = p }));
                }
                status.Details.Add(Any.Pack(badRequest));
                problem.Extensions["errors"] = validation.Errors;
                break;
            case RuleViolationException rule:
                status.Details.Add(Any.Pack(new ErrorInfo { Reason = rule.Rule, Domain = "lmc" }));
                problem.Extensions["rule"] = rule.Rule;
                break;
            case DependencyUnavailableException:
            case not null when code == Code.Unavailable:
                status.Details.Add(Any.Pack(new RetryInfo { RetryDelay = Duration.FromTimeSpan(TimeSpan.FromSeconds(5)) }));
                break;
        }

        return (status, problem);
    }

    /// <summary>The HTTP status a gRPC code stands for (used when no richer mapping is known).</summary>
    public static int HttpStatusFor(StatusCode code) => code switch
    {
        StatusCode.InvalidArgument or StatusCode.OutOfRange => StatusCodes.Status400BadRequest,
        StatusCode.Unauthenticated => StatusCodes.Status401Unauthorized,
        StatusCode.PermissionDenied => StatusCodes.Status403Forbidden,
        StatusCode.NotFound or StatusCode.Unimplemented => StatusCodes.Status404NotFound,
        StatusCode.AlreadyExists or StatusCode.Aborted or StatusCode.FailedPrecondition => StatusCodes.Status409Conflict,
        StatusCode.ResourceExhausted => StatusCodes.Status429TooManyRequests,
        StatusCode.Unavailable => StatusCodes.Status503ServiceUnavailable,
        StatusCode.DeadlineExceeded => StatusCodes.Status504GatewayTimeout,
        StatusCode.Cancelled => 499,
        _ => StatusCodes.Status500InternalServerError,
    };

    public static string TypeFor(int httpStatus) => $"https://httpstatuses.io/{httpStatus}";

    private static (Code, int, string, string) FromRpc(RpcException rpc)
    {
        // An error passed on from a downstream gRPC call keeps its code; its text is not ours to expose
        // when it is an internal failure.
        var http = HttpStatusFor(rpc.StatusCode);
        var message = http >= 500 && rpc.StatusCode != StatusCode.Unavailable ? UnexpectedMessage : rpc.Status.Detail;
        return ((Code)(int)rpc.StatusCode, http, rpc.StatusCode.ToString(), message);
    }

    private static bool IsTransientDatabaseFailure(Exception exception) => exception switch
    {
        NpgsqlException { IsTransient: true } => true,
        DbUpdateException { InnerException: NpgsqlException { IsTransient: true } } => true,
        InvalidOperationException { InnerException: NpgsqlException { IsTransient: true } } => true,
        _ => false,
    };
}
