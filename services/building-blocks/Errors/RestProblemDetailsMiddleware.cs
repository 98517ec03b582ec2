using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;

namespace Lmc.BuildingBlocks.Errors;

/// <summary>
/// Gives REST callers <c>application/problem+json</c> for every 4xx/5xx under <c>/api</c>: errors
/// raised by the service (the problem left by <see cref="ErrorInterceptor"/>), errors of the JSON
/// transcoder itself (a malformed body, an unknown route) and empty-bodied refusals (401, 403).
/// Successful responses stream through untouched; only error bodies are held back and replaced.
/// </summary>
public sealed class RestProblemDetailsMiddleware(RequestDelegate next)
{
    internal const string ProblemKey = "lmc.problem";

    public async Task InvokeAsync(HttpContext context)
    {
        if (!context.Request.Path.StartsWithSegments("/api") || IsGrpc(context.Request))
        {
            await next(context);
            return;
        }

        var original = context.Features.Get<IHttpResponseBodyFeature>()!;
        var capture = new ErrorCapturingBody(original, context.Response);
        context.Features.Set<IHttpResponseBodyFeature>(capture);
        try
        {
            await next(context);
        }
        finally
        {
            context.Features.Set(original);
        }

        if (context.Response.StatusCode < 400 || capture.PassedThrough)
        {
            await capture.CompleteAsync();
            return;
        }

        var problem = context.Items.TryGetValue(ProblemKey, out var stored) && stored is ProblemDetails fromService
            ? fromService
            : FromTranscoderBody(context.Response.StatusCode, capture.Captured.ToArray());
        problem.Status ??= context.Response.StatusCode;
        context.Response.ContentLength = null;
        await ProblemJson.WriteAsync(context, problem, context.RequestAborted);
    }

    private static bool IsGrpc(HttpRequest request) =>
        request.ContentType?.StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase) == true;

    private static ProblemDetails FromTranscoderBody(int status, byte[] body)
    {
        // The transcoder writes a google.rpc.Status as JSON: {"code":3,"message":"...","details":[]}.
        string? detail = null;
        if (body.Length > 0)
        {
            try
            {
                using var doc = JsonDocument.Parse(body);
                if (doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("message", out var message))
                {
                    detail = message.GetString();
                }
            }
            catch (JsonException)
            {
                // Not the transcoder's body; say only what the status says.
            }
        }

        if (status >= 500)
        {
            detail = ErrorMapping.UnexpectedMessage;
        }

        return new ProblemDetails
        {
            Status = status,
            Title = ReasonPhrases.For(status),
            Detail = detail,
            Type = ErrorMapping.TypeFor(status),
        };
    }

    /// <summary>Holds back the body of an error response; passes anything else straight through.</summary>
    private sealed class ErrorCapturingBody(IHttpResponseBodyFeature inner, HttpResponse response) : Stream, IHttpResponseBodyFeature
    {
        private bool? _capturing;

        public MemoryStream Captured { get; } = new();

        public bool PassedThrough => _capturing == false;

        private Stream Target => (_capturing ??= response.StatusCode >= 400) ? Captured : inner.Stream;

        public Stream Stream => this;

        public System.IO.Pipelines.PipeWriter Writer => field ??= System.IO.Pipelines.PipeWriter.Create(this, new(leaveOpen: true));

        public void DisableBuffering() => inner.DisableBuffering();

        public Task StartAsync(CancellationToken cancellationToken = default) =>
            (_capturing ??= response.StatusCode >= 400) ? Task.CompletedTask : inner.StartAsync(cancellationToken);

        public Task SendFileAsync(string path, long offset, long? count, CancellationToken cancellationToken = default) =>
            inner.SendFileAsync(path, offset, count, cancellationToken);

        public async Task CompleteAsync()
        {
            await Writer.FlushAsync();
            if (_capturing != true)
            {
                await inner.CompleteAsync();
            }
        }

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() => Target.Flush();
        public override Task FlushAsync(CancellationToken cancellationToken) => Target.FlushAsync(cancellationToken);
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => Target.Write(buffer, offset, count);
        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) =>
            Target.WriteAsync(buffer, cancellationToken);
        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            Target.WriteAsync(buffer, offset, count, cancellationToken);
    }
}

/// <summary>Writes a problem document the one way the platform writes them: services and the gateway alike.</summary>
public static class ProblemJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static Task WriteAsync(HttpContext http, ProblemDetails problem, CancellationToken cancellationToken)
    {
        problem.Status ??= StatusCodes.Status400BadRequest;
        problem.Type ??= ErrorMapping.TypeFor(problem.Status.Value);
        problem.Instance ??= http.Request.Path;
        problem.Extensions.TryAdd("traceId", Activity.Current?.TraceId.ToString());
        http.Response.StatusCode = problem.Status.Value;
        http.Response.ContentType = "application/problem+json";
        return JsonSerializer.SerializeAsync(http.Response.Body, problem, Options, cancellationToken);
    }
}

internal static class ReasonPhrases
{
    public static string For(int status) => Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status) is { Length: > 0 } phrase
        ? phrase
        : "Error";
}
