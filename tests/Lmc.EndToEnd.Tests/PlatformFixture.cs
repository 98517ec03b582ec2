using Lmc.Testing;

namespace Lmc.EndToEnd.Tests;

/// <summary>The gateway and the projects service as processes, wired the way the AppHost wires them.</summary>
public sealed class PlatformFixture : IAsyncLifetime
{
    public IsolatedInfrastructure Infrastructure { get; private set; } = null!;
    public ServiceProcess Projects { get; private set; } = null!;
    public ServiceProcess Gateway { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Infrastructure = await IsolatedInfrastructure.CreateAsync();
        var auth = new Dictionary<string, string> { ["Auth__DevelopmentSigningKey"] = TestEnvironment.SigningKey };

        Projects = await ServiceProcess.StartAsync("projects", "services/projects", "Lmc.Projects", new Dictionary<string, string>(auth)
        {
            ["ConnectionStrings__projects"] = await Infrastructure.CreateDatabaseAsync("e2e_projects"),
            ["ConnectionStrings__rabbitmq"] = Infrastructure.RabbitMqUri,
            ["Database__MigrateOnStartup"] = "true",
        });

        Gateway = await ServiceProcess.StartAsync("gateway", "gateway", "Lmc.Gateway", new Dictionary<string, string>(auth)
        {
            // Logical names resolved by service discovery, as Aspire and the chart set them.
            ["services__projects__http__0"] = Projects.Http.ToString(),
            ["services__projects__grpc__0"] = Projects.Grpc.ToString(),
        });
    }

    public async Task DisposeAsync()
    {
        if (Gateway is not null)
        {
            await Gateway.DisposeAsync();
        }

        if (Projects is not null)
        {
            await Projects.DisposeAsync();
        }

        await Infrastructure.DisposeAsync();
    }
}
