using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Lmc.BuildingBlocks.Auth;
using Lmc.Contracts.WaterResources.V1;
using Lmc.Testing;
using Lmc.WaterResources.Application;
using Lmc.WaterResources.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Lmc.Testing.TestTokens;

namespace Lmc.WaterResources.Tests;

/// <summary>
/// The water-resources service in-process on its own database and vhost of the real PostgreSQL and RabbitMQ.
/// Copies of warnings escalate after a second, but only when a test sweeps (the timer waits an hour), so a test sees
/// the sweep it runs. Tests share the shipped stations: each clears the station it uses first.
/// </summary>
public sealed class WaterResourcesServiceFactory : ServiceFactory<Program, WaterResourcesDbContext>
{
    protected override string DatabaseName => "water-resources";

    public WaterResourcesService.WaterResourcesServiceClient Client() => new(Channel());

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Warnings:EscalateAfter", "00:00:01");
        builder.UseSetting("Warnings:SweepEvery", "01:00:00");
    }

    /// <summary>Removes everything recorded at a station, so a test starts from its shipped state.</summary>
    public Task ResetAsync(string station) => InDatabaseAsync(async db =>
    {
        await db.Deliveries
            .Where(d => db.Warnings.Any(w => w.Id == d.WarningId && w.StationCode == station))
            .ExecuteDeleteAsync();
        await db.Warnings.Where(w => w.StationCode == station).ExecuteDeleteAsync();
        await db.Observations.Where(o => o.StationCode == station).ExecuteDeleteAsync();
        await db.ObservationRevisions.Where(o => o.StationCode == station).ExecuteDeleteAsync();
        await db.Forecasts.Where(f => f.StationCode == station).ExecuteDeleteAsync();
        await db.LevelSets.Where(l => l.StationCode == station).ExecuteDeleteAsync();
        return await db.StationStates.Where(s => s.StationCode == station).ExecuteDeleteAsync();
    });

    public async Task<(int Escalated, int Lifted)> SweepAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<WarningCommands>().SweepAsync(CancellationToken.None);
    }

    /// <summary>A water focal point of a country.</summary>
    public static Metadata FocalPoint(string country) => Bearer(For(country, LmcRoles.WaterFocalPoint));

    /// <summary>Hourly levels ending an hour ago, oldest first.</summary>
    public static IEnumerable<ObservationValue> Hourly(params double[] levels) =>
        levels.Select((level, i) => new ObservationValue
        {
            Time = Timestamp.FromDateTimeOffset(HoursAgo(levels.Length - i)), Value = level,
        });

    public static DateTimeOffset HoursAgo(double hours) =>
        new DateTimeOffset(DateTime.UtcNow.Date.AddHours(DateTime.UtcNow.Hour), TimeSpan.Zero).AddHours(-hours);

    public Task<RecordObservationsResponse> LevelsAsync(
        string station, string country, IEnumerable<ObservationValue> values) =>
        Client().RecordObservationsAsync(
            new RecordObservationsRequest
            {
                Station = station, Property = "water-level", Unit = "m", Values = { values },
            },
            FocalPoint(country)).ResponseAsync;
}

[CollectionDefinition(Name)]
public sealed class WaterResourcesServiceGroup : ICollectionFixture<WaterResourcesServiceFactory>
{
    public const string Name = "water-resources service";
}
