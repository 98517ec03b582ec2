using Lmc.BuildingBlocks.Grpc;
using Lmc.Contracts.Projects.V1;

namespace Lmc.Funding.Application;

public static class ApplicationRegistrations
{
    /// <summary>The fund's use cases and its one synchronous dependency: the projects service's gRPC API.</summary>
    public static WebApplicationBuilder AddFundingApplication(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ProjectsClientOptions>().BindConfiguration(ProjectsClientOptions.Section);
        // The one synchronous dependency, asked the platform's way (ServiceClients): discovery, retries, a breaker.
        builder.AddServiceClient<ProjectsService.ProjectsServiceClient>("projects");
        builder.Services.AddScoped<ProjectEligibility>();
        builder.Services.AddScoped<Ledger>();
        builder.Services.AddScoped<FundCommands>();
        builder.Services.AddScoped<ApplicationCommands>();
        builder.Services.AddScoped<GrantCommands>();
        builder.Services.AddScoped<FundQueries>();
        return builder;
    }
}
