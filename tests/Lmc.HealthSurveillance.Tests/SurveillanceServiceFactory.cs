using Grpc.Core;
using Lmc.BuildingBlocks.Auth;
using Lmc.Contracts.HealthSurveillance.V1;
using Lmc.HealthSurveillance.Data;
using Lmc.Testing;
using Microsoft.AspNetCore.Hosting;
using static Lmc.Testing.TestTokens;

namespace Lmc.HealthSurveillance.Tests;

/// <summary>The health-surveillance service in-process on its own database and vhost of the real PostgreSQL and RabbitMQ.</summary>
public sealed class SurveillanceServiceFactory : ServiceFactory<Program, SurveillanceDbContext>
{
    public static Metadata FocalPoint(string country) => Bearer(TestTokens.For(country, LmcRoles.HealthFocalPoint));

    protected override string DatabaseName => "health-surveillance";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        // The tests' series lie in fixed past years; every signal in them opens its alert.
        builder.UseSetting("Surveillance:AlertWindowWeeks", "100000");
    }

    public HealthSurveillanceService.HealthSurveillanceServiceClient Client() => new(Channel());

    public new HttpClient RestClient(string token) => base.RestClient(token);

    public Task<List<string>> EventsOfAsync(string alertId) => OutboxEventsOfAsync(Guid.Parse(alertId));

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
