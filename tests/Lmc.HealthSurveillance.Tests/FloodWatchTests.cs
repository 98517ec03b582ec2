using System.Globalization;
using Lmc.Contracts.Common.V1;
using Lmc.Contracts.HealthSurveillance.V1;
using Lmc.Testing;
using Lmc.WaterResources.Contracts;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Lmc.HealthSurveillance.Tests.SurveillanceServiceFactory;

namespace Lmc.HealthSurveillance.Tests;

/// <summary>
/// One Health: the water-resources service's flood warnings, published on the real broker, put the warned reach's
/// units under heightened surveillance of cholera, leptospirosis and dengue, shown on the alerts and epi curves there.
/// Each test uses its own warning id, and units no other test of the class uses.
/// </summary>
[Collection(SurveillanceServiceGroup.Name)]
public sealed class FloodWatchTests(SurveillanceServiceFactory service)
{
    private static WarningIssued Issued(Guid id, string kind, params string[] units) => new(
        id, kind, "LMC-NAK", "Nakhon Phanom", "TH", "Mekong", 12.3, 12.0, 0, DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddHours(-1),
        null, "Flood at Nakhon Phanom: 12.30 m, above the flood level of 12.00 m", units, 17.62, 104.52, 25, DateTimeOffset.UtcNow.AddHours(-1));

    private static WarningLifted Lifted(Guid id, string kind, DateTimeOffset at, params string[] units) =>
        new(id, kind, "LMC-NAK", "Nakhon Phanom is falling at 11.20 m", 12.6, units, at);

    private Task PublishAsync<T>(T message, Guid? messageId = null) where T : class =>
        service.Services.GetRequiredService<IBus>().Publish(message, c => c.MessageId = messageId ?? NewId.NextGuid());

    private Task<List<Domain.HeightenedSurveillance>> WatchesOfAsync(Guid warning) =>
        service.InDatabaseAsync(db => db.HeightenedSurveillance.AsNoTracking().Where(h => h.WarningId == warning).OrderBy(h => h.Unit).ToListAsync());

    /// <summary>The warning's watches once they satisfy <paramref name="done"/> (the consumer runs on the broker's time).</summary>
    private Task<List<Domain.HeightenedSurveillance>> WatchesOfAsync(Guid warning, Func<List<Domain.HeightenedSurveillance>, bool> done) =>
        Eventually.ReturnsAsync(async () => await WatchesOfAsync(warning) is var w && done(w) ? w : null);

    [Fact]
    public async Task A_flood_warning_marks_each_known_unit_of_its_reach_once_however_often_it_is_delivered()
    {
        var warning = Guid.NewGuid();
        var messageId = NewId.NextGuid();

        await PublishAsync(Issued(warning, "flood", "TH-48", "LA-KH", "XX-99"), messageId);
        await PublishAsync(Issued(warning, "flood", "TH-48", "LA-KH", "XX-99"), messageId);
        var watches = await WatchesOfAsync(warning, w => w.Count == 2);
        var listed = await service.Client().ListHeightenedSurveillanceAsync(new ListHeightenedSurveillanceRequest
        {
            Country = Country.La, ActiveOnly = true,
        }, FocalPoint("LA"));

        Assert.Equal(["LA-KH", "TH-48"], watches.Select(w => w.Unit));
        Assert.All(watches, w => Assert.Equal(["cholera", "leptospirosis", "dengue"], w.Diseases));
        Assert.All(watches, w => Assert.Null(w.Until));
        var la = Assert.Single(listed.Watches, w => w.WarningId == warning.ToString());
        Assert.Equal("flood", la.Hazard);
        Assert.Equal("LMC-NAK", la.Station);
    }

    [Fact]
    public async Task A_drought_warning_marks_nothing()
    {
        var drought = Guid.NewGuid();
        var flood = Guid.NewGuid();

        await PublishAsync(Issued(drought, "drought", "TH-43"));
        await PublishAsync(Issued(flood, "alarm", "TH-43"));
        await WatchesOfAsync(flood, w => w.Count == 1);

        Assert.Empty(await WatchesOfAsync(drought));
    }

    [Fact]
    public async Task The_watch_lasts_four_weeks_after_the_warning_is_lifted()
    {
        var warning = Guid.NewGuid();
        var liftedAt = DateTimeOffset.UtcNow.AddMinutes(-5);

        await PublishAsync(Issued(warning, "flood", "TH-49"));
        await WatchesOfAsync(warning, w => w.Count == 1);
        await PublishAsync(Lifted(warning, "flood", liftedAt, "TH-49"));
        var ended = await WatchesOfAsync(warning, w => w.Count == 1 && w[0].Until is not null);

        Assert.Equal(liftedAt.AddDays(28).ToUnixTimeSeconds(), ended[0].Until!.Value.ToUnixTimeSeconds());
    }

    [Fact]
    public async Task A_lifting_that_overtakes_its_issue_still_leaves_the_units_watched_for_the_weeks_after()
    {
        var warning = Guid.NewGuid();
        var liftedAt = DateTimeOffset.UtcNow;

        await PublishAsync(Lifted(warning, "flood", liftedAt, "LA-SV"));
        await WatchesOfAsync(warning, w => w.Count == 1);
        await PublishAsync(Issued(warning, "flood", "LA-SV"));
        await Eventually.TrueAsync(() => service.InDatabaseAsync(db => db.InboxMessages.CountAsync(m => m.Consumer == "FloodWarningIssuedConsumer")
            .ContinueWith(t => t.Result > 0)));
        await Task.Delay(300);

        var watch = Assert.Single(await WatchesOfAsync(warning));
        Assert.Equal(liftedAt.AddDays(28).ToUnixTimeSeconds(), watch.Until!.Value.ToUnixTimeSeconds());
    }

    [Fact]
    public async Task A_cholera_alert_and_the_epi_curve_in_a_watched_unit_show_the_flood_watch()
    {
        var warning = Guid.NewGuid();
        await PublishAsync(Issued(warning, "flood", "KH-19"));
        await WatchesOfAsync(warning, w => w.Count == 1);
        var today = DateTime.UtcNow;

        await service.Client().SubmitWeeklyReportAsync(new SubmitWeeklyReportRequest
        {
            Value = new WeeklyValue
            {
                Disease = "cholera", Unit = "KH-19", EpiYear = ISOWeek.GetYear(today), EpiWeek = ISOWeek.GetWeekOfYear(today), Cases = 2,
            },
        }, FocalPoint("KH"));
        var alerts = await service.Client().ListAlertsAsync(new ListAlertsRequest { Country = Country.Kh, Disease = "cholera" }, FocalPoint("KH"));
        var curve = await service.Client().GetEpiCurveAsync(new GetEpiCurveRequest { Disease = "leptospirosis", Unit = "KH-19" }, FocalPoint("TH"));
        var malaria = await service.Client().GetEpiCurveAsync(new GetEpiCurveRequest { Disease = "malaria-vivax", Unit = "KH-19" }, FocalPoint("TH"));

        var alert = Assert.Single(alerts.Alerts, a => a.Unit == "KH-19");
        Assert.Equal(warning.ToString(), Assert.Single(alert.HeightenedSurveillance).WarningId);
        Assert.Equal(warning.ToString(), Assert.Single(curve.HeightenedSurveillance).WarningId);
        Assert.Empty(malaria.HeightenedSurveillance);
    }
}
