using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Lmc.Gateway.Edge;

/// <summary>
/// Every response carries the W3C <c>traceparent</c> of its request and an <c>X-Correlation-Id</c>
/// (the caller's, when it sent a sane one; else the trace id), so a caller can quote either and
/// operations find the request in the traces. The id is forwarded to the services too.
/// </summary>
public sealed partial class CorrelationHeaders(RequestDelegate next)
{
    public const string Header = "X-Correlation-Id";

    public Task InvokeAsync(HttpContext http)
    {
        var activity = Activity.Current;
        var incoming = http.Request.Headers[Header].ToString();
        var correlationId = SaneId().IsMatch(incoming) ? incoming : activity?.TraceId.ToString() ?? http.TraceIdentifier;
        http.Request.Headers[Header] = correlationId;
        activity?.SetTag("lmc.correlation_id", correlationId);
        http.Response.OnStarting(() =>
        {
            http.Response.Headers[Header] = correlationId;
            if (activity?.Id is { } traceparent)
            {
                http.Response.Headers["traceparent"] = traceparent;
            }

            return Task.CompletedTask;
        });
        return next(http);
    }

    // Echoing a caller's header back needs a limit on what it may contain.
    [GeneratedRegex("^[A-Za-z0-9._:-]{1,128}$")]
    private static partial Regex SaneId();
}
