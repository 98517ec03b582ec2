using Grpc.Core;
using Grpc.Net.Client.Configuration;
using Lmc.BuildingBlocks.Domain;
using Lmc.BuildingBlocks.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace Lmc.BuildingBlocks.Grpc;

/// <summary>
/// How a service asks another one a question over gRPC, the same way everywhere: the address from service discovery
/// (<c>services:{name}:grpc:0</c>, set by Aspire and the chart; the callee's manifest port on loopback otherwise),
/// gRPC's own retry of Unavailable (a request body cannot be replayed by an HTTP handler), a per-attempt timeout and a
/// circuit breaker that stops asking a service that keeps failing. The callee must be in the caller's manifest
/// <c>calls</c>, which is what opens the NetworkPolicy between them.
/// </summary>
public static class ServiceClients
{
    public static void AddServiceClient<TClient>(this WebApplicationBuilder builder, string service) where TClient : ClientBase
    {
        builder.Services.AddHttpContextAccessor();
        var address = builder.Configuration[$"services:{service}:grpc:0"]
                      ?? $"http://127.0.0.1:{ServiceManifests.FromRepository().Single(m => m.Name == service).Ports.Grpc}";
        builder.Services.AddGrpcClient<TClient>(o => o.Address = new Uri(address))
            .ConfigureChannel(channel => channel.ServiceConfig = new ServiceConfig
            {
                MethodConfigs =
                {
                    new MethodConfig
                    {
                        Names = { MethodName.Default },
                        RetryPolicy = new RetryPolicy
                        {
                            MaxAttempts = 3,
                            InitialBackoff = TimeSpan.FromMilliseconds(200),
                            MaxBackoff = TimeSpan.FromSeconds(1),
                            BackoffMultiplier = 2,
                            RetryableStatusCodes = { StatusCode.Unavailable },
                        },
                    },
                },
            })
            .AddResilienceHandler(service, pipeline => pipeline
                .AddTimeout(TimeSpan.FromSeconds(2))
                .AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
                {
                    SamplingDuration = TimeSpan.FromSeconds(10), MinimumThroughput = 5, BreakDuration = TimeSpan.FromSeconds(5),
                }));
    }

    /// <summary>The caller's own token, so the callee answers only what the caller may read.</summary>
    public static Metadata CallerHeaders(this IHttpContextAccessor http)
    {
        var headers = new Metadata();
        if (http.HttpContext?.Request.Headers.Authorization.ToString() is { Length: > 0 } authorization)
        {
            headers.Add("Authorization", authorization);
        }

        return headers;
    }

    /// <summary>
    /// What a failed call means for the caller: a callee that is down or slow is a retriable Unavailable (never a yes),
    /// a refusal of the caller is the caller's refusal; null for the codes the caller must decide on itself (NotFound...).
    /// </summary>
    public static Exception? Translate(RpcException e, string question) => e.StatusCode switch
    {
        StatusCode.Unavailable or StatusCode.DeadlineExceeded or StatusCode.Internal or StatusCode.Unknown or StatusCode.ResourceExhausted =>
            new DependencyUnavailableException($"{question}: {e.StatusCode}", e),
        StatusCode.PermissionDenied or StatusCode.Unauthenticated => new ForbiddenException($"{question}: refused to the caller ({e.Status.Detail})."),
        _ => null,
    };
}
