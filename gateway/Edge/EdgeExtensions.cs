using Lmc.BuildingBlocks.Health;
using Lmc.BuildingBlocks.Hosting;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Scalar.AspNetCore;

namespace Lmc.Gateway.Edge;

public static class EdgeExtensions
{
    public const string CorsPolicy = "configured-origins";

    /// <summary>Rate limits, body limits, CORS, downstream health and the API documentation page.</summary>
    public static WebApplicationBuilder AddGatewayEdge(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(GatewayOptions.Section).Get<GatewayOptions>() ?? new GatewayOptions();
        builder.Services.AddSingleton(options);
        builder.Services.AddPerClientRateLimiting(options.RateLimit);
        builder.Services.AddCors(cors => cors.AddPolicy(CorsPolicy, policy => policy
            .WithOrigins(options.CorsOrigins)
            .WithMethods("GET", "POST", "OPTIONS")
            .WithHeaders("Authorization", "Content-Type", CorrelationHeaders.Header, "traceparent")
            .WithExposedHeaders(CorrelationHeaders.Header, "traceparent", "Retry-After")));
        builder.Services.AddHttpClient(nameof(DownstreamHealth), c => c.Timeout = TimeSpan.FromSeconds(2));
        builder.Services.AddHealthChecks().AddCheck<DownstreamHealth>("services", tags: [DownstreamHealth.Tag]);
        return builder;
    }

    /// <summary>The edge middleware, in order: correlation, CORS, body limit (before any forwarding).</summary>
    public static WebApplication UseGatewayEdge(this WebApplication app)
    {
        app.UseMiddleware<CorrelationHeaders>();
        app.UseCors(CorsPolicy);
        app.UseMiddleware<RequestBodyLimit>();
        return app;
    }

    /// <summary>/health (every service's state) and /docs (one page over every service's OpenAPI document).</summary>
    public static WebApplication MapGatewayPages(this WebApplication app)
    {
        app.MapHealthChecks("/health", new HealthCheckOptions
        {
            Predicate = r => r.Tags.Contains(DownstreamHealth.Tag),
            ResponseWriter = HealthReportWriter.WriteAsync,
        }).AllowAnonymous();

        var documents = app.Services.GetRequiredService<IReadOnlyList<ServiceManifest>>()
            .Where(m => m.PublishesOpenApi).Select(m => m.Name).ToList();
        app.MapScalarApiReference("/docs", scalar =>
        {
            scalar.WithTitle("LMC Platform API");
            foreach (var document in documents)
            {
                scalar.AddDocument(document, document, $"/openapi/{document}.json");
            }
        }).AllowAnonymous();
        return app;
    }
}
