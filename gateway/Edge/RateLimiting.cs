using System.Globalization;
using System.Threading.RateLimiting;
using Lmc.BuildingBlocks.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace Lmc.Gateway.Edge;

public static class RateLimiting
{
    /// <summary>
    /// One token bucket per client, so one integrator's burst cannot starve the others. Refused
    /// requests get 429 with Retry-After and never reach a service. Health probes are not limited.
    /// </summary>
    public static IServiceCollection AddPerClientRateLimiting(this IServiceCollection services, RateLimitOptions options)
    {
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
            {
                if (!options.Enabled || http.Request.Path.StartsWithSegments("/health"))
                {
                    return RateLimitPartition.GetNoLimiter("unlimited");
                }

                var client = http.User.FindFirst(LmcClaims.Subject)?.Value is { } subject
                    ? "sub:" + subject
                    : "ip:" + http.Connection.RemoteIpAddress;
                return RateLimitPartition.GetTokenBucketLimiter(client, _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = options.TokenLimit,
                    TokensPerPeriod = options.TokensPerPeriod,
                    ReplenishmentPeriod = options.ReplenishmentPeriod,
                    QueueLimit = 0,
                    AutoReplenishment = true,
                });
            });
            limiter.OnRejected = async (context, cancellationToken) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait)
                    ? Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds))
                    : (int)Math.Ceiling(options.ReplenishmentPeriod.TotalSeconds);
                var response = context.HttpContext.Response;
                response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
                await Lmc.BuildingBlocks.Errors.ProblemJson.WriteAsync(context.HttpContext, new ProblemDetails
                {
                    Status = StatusCodes.Status429TooManyRequests,
                    Title = "Too many requests",
                    Detail = $"This client's rate limit is reached; retry after {retryAfter} s.",
                }, cancellationToken);
            };
        });
        return services;
    }
}
