using Grpc.Core;
using Grpc.Net.Client;
using Lmc.BuildingBlocks.Auth;
using Lmc.Contracts.HealthSurveillance.V1;
using Lmc.HealthSurveillance.Data;
using Lmc.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Lmc.HealthSurveillance.Tests;

/// <summary>The health-surveillance service in-process on its own database and vhost of the real PostgreSQL and RabbitMQ.</summary>
public sealed class SurveillanceServiceFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    private IsolatedInfrastructure _infrastructure = null!;
    private string _connectionString = null!;

    public CapturedLogs Logs { get; } = new();

    public static Metadata FocalPoint(string country) => Bearer(TestTokens.For(country, LmcRoles.HealthFocalPoint));

    public static Metadata Bearer(string token) => new() { { "Authorization", "Bearer " + token } };

    public async Task InitializeAsync()
    {
        _infrastructure = await IsolatedInfrastructure.CreateAsync();
        _connectionString = await _infrastructure.CreateDatabaseAsync("surveillance");
        _ = Server;
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await _infrastructure.DisposeAsync();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:health-surveillance", _connectionString);
        builder.UseSetting("ConnectionStrings:rabbitmq", _infrastructure.RabbitMqUri);
        builder.UseSetting("Auth:DevelopmentSigningKey", TestEnvironment.SigningKey);
        builder.UseSetting("Database:MigrateOnStartup", "true");
        // The tests' series lie in fixed past years; every signal in them opens its alert.
        builder.UseSetting("Surveillance:AlertWindowWeeks", "100000");
        builder.ConfigureLogging(logging => logging.ClearProviders().AddProvider(Logs));
    }

    public HealthSurveillanceService.HealthSurveillanceServiceClient Client() =>
        new(GrpcChannel.ForAddress(Server.BaseAddress, new GrpcChannelOptions { HttpHandler = Server.CreateHandler() }));

    public HttpClient RestClient(string token)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        return client;
    }

    public async Task<T> InDatabaseAsync<T>(Func<SurveillanceDbContext, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<SurveillanceDbContext>());
    }

    public Task<List<string>> EventsOfAsync(string alertId) => InDatabaseAsync(db => db.OutboxMessages
        .Where(m => m.AggregateId == Guid.Parse(alertId)).OrderBy(m => m.Sequence).Select(m => m.EventName).ToListAsync());

    /// <summary>
    /// A dengue series for a unit: <paramref name="weeks"/> weeks ending at the given week, a
    /// steady 10-12 cases a week (deterministic), as its country's focal point reports it.
    /// </summary>
    public static IEnumerable<WeeklyValue> Steady(string disease, string unit, int endYear, int endWeek, int weeks)
    {
        var week = Detection.Weeks.EpiWeek.Of(endYear, endWeek, Detection.Weeks.WeekSystem.Iso).AddWeeks(-(weeks - 1));
        for (var i = 0; i < weeks; i++, week = week.Next())
        {
            yield return new WeeklyValue { Disease = disease, Unit = unit, EpiYear = week.Year, EpiWeek = week.Week, Cases = 10 + (i % 3), Deaths = 0 };
        }
    }
}

[CollectionDefinition(Name)]
public sealed class SurveillanceServiceGroup : ICollectionFixture<SurveillanceServiceFactory>
{
    public const string Name = "health-surveillance service";
}
