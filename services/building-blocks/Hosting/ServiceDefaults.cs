using Lmc.BuildingBlocks.Auth;
using Lmc.BuildingBlocks.Errors;
using Lmc.BuildingBlocks.Grpc;
using Lmc.BuildingBlocks.Health;
using Lmc.BuildingBlocks.Messaging;
using Lmc.BuildingBlocks.Telemetry;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Lmc.BuildingBlocks.Data;

namespace Lmc.BuildingBlocks.Hosting;

public static class ServiceDefaults
{
    /// <summary>
    /// The cross-cutting setup of every LMC service: listeners, telemetry, health, authentication,
    /// problem details, gRPC with transcoding and OpenAPI. Each service then adds its database,
    /// messaging and own registrations.
    /// </summary>
    public static WebApplicationBuilder AddServiceDefaults(this WebApplicationBuilder builder, string apiTitle)
    {
        builder.AddHostDefaults();
        builder.AddLmcGrpc(apiTitle);
        builder.Services.AddGrpcHealthChecks(o => o.Services.Map("", r => r.Tags.Contains(HealthExtensions.ReadyTag)));
        return builder;
    }

    /// <summary>What the gateway shares with the services: listeners, telemetry, health, authentication, problem details.</summary>
    public static WebApplicationBuilder AddHostDefaults(this WebApplicationBuilder builder)
    {
        builder.AddLmcListeners();
        builder.AddLmcTelemetry();
        builder.AddLmcHealth();
        builder.AddLmcAuthentication();
        builder.Services.AddProblemDetails();
        builder.Services.TryAddSingleton(TimeProvider.System);
        return builder;
    }

    public static WebApplicationBuilder AddLmcListeners(this WebApplicationBuilder builder)
    {
        var ports = builder.Configuration.GetSection(PortOptions.Section).Get<PortOptions>() ?? new PortOptions();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            Listen(kestrel, ports.Http, HttpProtocols.Http1, ports.LoopbackOnly);
            Listen(kestrel, ports.Grpc, HttpProtocols.Http2, ports.LoopbackOnly);
            kestrel.AddServerHeader = false;
        });
        return builder;

        static void Listen(KestrelServerOptions kestrel, int port, HttpProtocols protocols, bool loopbackOnly)
        {
            if (loopbackOnly)
            {
                kestrel.ListenLocalhost(port, o => o.Protocols = protocols);
            }
            else
            {
                kestrel.ListenAnyIP(port, o => o.Protocols = protocols);
            }
        }
    }

    /// <summary>The middleware and endpoints every service has, in the order they must run.</summary>
    public static WebApplication UseServiceDefaults(this WebApplication app)
    {
        app.UseHostDefaults(beforeAuthentication: () =>
        {
            app.UseMiddleware<RestProblemDetailsMiddleware>();
            app.MapLmcOpenApi(); // public: the gateway publishes every service's document
            app.MapLmcEventCatalogue(); // and its event catalogue
        });
        app.MapGrpcHealthChecksService().AllowAnonymous();
        return app;
    }

    /// <summary>Error handling, authentication and health, shared by the gateway and the services.</summary>
    /// <param name="app">The application.</param>
    /// <param name="beforeAuthentication">Middleware that must see every request, authenticated or not.</param>
    /// <param name="afterAuthentication">Middleware that needs the caller (a per-client rate limit) before authorization refuses anything.</param>
    public static WebApplication UseHostDefaults(this WebApplication app, Action? beforeAuthentication = null, Action? afterAuthentication = null)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        beforeAuthentication?.Invoke();
        app.UseAuthentication();
        afterAuthentication?.Invoke();
        app.UseAuthorization();
        app.MapLmcHealth();
        return app;
    }

    /// <summary>
    /// Runs the service. With <c>--migrate-only</c> it applies the database migrations and exits
    /// (the Kubernetes pre-upgrade job); otherwise it migrates first when
    /// <c>Database:MigrateOnStartup</c> is true (local runs), then serves.
    /// </summary>
    public static async Task RunServiceAsync<TDbContext>(this WebApplication app, string[] args, Func<IServiceProvider, Task>? afterMigrations = null)
        where TDbContext : LmcDbContext
    {
        if (args.Contains("--migrate-only"))
        {
            await app.Services.MigrateAsync<TDbContext>();
            return;
        }

        if (app.Configuration.GetValue("Database:MigrateOnStartup", false))
        {
            await app.Services.MigrateAsync<TDbContext>();
        }

        if (afterMigrations is not null)
        {
            await afterMigrations(app.Services);
        }

        await app.RunAsync();
    }
}
