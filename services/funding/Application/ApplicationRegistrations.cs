using Grpc.Core;
using Polly;
using Grpc.Net.Client.Configuration;
using Lmc.Contracts.Projects.V1;
using Microsoft.Extensions.Http.Resilience;

namespace Lmc.Funding.Application;

public static class ApplicationRegistrations
{
    /// <summary>The fund's use cases and its one synchronous dependency: the projects service's gRPC API.</summary>
    public static WebApplicationBuilder AddFundingApplication(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ProjectsClientOptions>().BindConfiguration(ProjectsClientOptions.Section);
        builder.Services.AddHttpContextAccessor();
        // The address comes from service discovery's configuration (Aspire and the chart set
        // services__projects__grpc__0). gRPC retries Unavailable itself (a request body cannot be
        // replayed by an HTTP handler); the Polly pipeline adds a per-attempt timeout and a circuit
        // breaker that stops asking a projects service that keeps failing; the call carries a deadline.
        builder.Services.AddGrpcClient<ProjectsService.ProjectsServiceClient>(o =>
            o.Address = new Uri(builder.Configuration["services:projects:grpc:0"] ?? "http://127.0.0.1:5102"))
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
            .AddResilienceHandler("projects", pipeline => pipeline
                .AddTimeout(TimeSpan.FromSeconds(2))
                .AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions { SamplingDuration = TimeSpan.FromSeconds(10), MinimumThroughput = 5, BreakDuration = TimeSpan.FromSeconds(5) }));
        builder.Services.AddScoped<ProjectEligibility>();
        builder.Services.AddScoped<Ledger>();
        builder.Services.AddScoped<FundCommands>();
        builder.Services.AddScoped<ApplicationCommands>();
        builder.Services.AddScoped<GrantCommands>();
        builder.Services.AddScoped<FundQueries>();
        return builder;
    }
}
