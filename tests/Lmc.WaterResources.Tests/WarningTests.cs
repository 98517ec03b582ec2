using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Lmc.BuildingBlocks.Auth;
using Lmc.Contracts.Common.V1;
using Lmc.Contracts.WaterResources.V1;
using Microsoft.EntityFrameworkCore;
using static Lmc.Testing.TestTokens;
using static Lmc.WaterResources.Tests.WaterResourcesServiceFactory;

namespace Lmc.WaterResources.Tests;

/// <summary>
/// Warnings computed on ingest, at Nakhon Phanom (Thailand; MRC alarm 11.5 m, flood 12.0 m): delivered to all six
/// inboxes with the observation that raised them, judged by the level version in force, lifted when the level
/// falls, acknowledged each by its own country, escalated when nobody does.
/// </summary>
[Collection(WaterResourcesServiceGroup.Name)]
public sealed class WarningTests(WaterResourcesServiceFactory service)
{
    private const string NakhonPhanom = "LMC-NAK";
    private const string Jinghong = "092600";

    private async Task<Warning> FloodAsync()
    {
        await service.ResetAsync(NakhonPhanom);
        var rise = await service.LevelsAsync(NakhonPhanom, "TH", Hourly(11.2, 11.6, 11.9, 12.05, 12.3));
        return Assert.Single(rise.Summary.Warnings, w => w.Kind == WarningKind.Flood);
    }

    [Fact]
    public async Task A_level_over_the_flood_level_is_a_flood_warning_in_all_six_inboxes_with_its_level_version()
    {
        var flood = await FloodAsync();

        Assert.True(flood.Active);
        Assert.Equal(12.0, flood.ThresholdM);
        Assert.Equal(0, flood.LevelVersion);
        Assert.Equal(12.3, flood.PeakM);
        Assert.Equal(["TH-48", "LA-KH"], flood.ReachUnits);
        Assert.Equal(6, flood.Deliveries.Count);
        foreach (var country in new[] { "KH", "CN", "LA", "MM", "TH", "VN" })
        {
            var inbox = await service.Client().ListInboxAsync(
                new ListInboxRequest(), Bearer(For(country, LmcRoles.Secretariat)));
            Assert.Contains(
                inbox.Items, i => i.Warning.WarningId == flood.WarningId && i.Delivery.AcknowledgedAt is null);
        }

        Assert.Contains(
            "lmc.water-resources.warning-issued.v1", await service.OutboxEventsOfAsync(Guid.Parse(flood.WarningId)));
    }

    [Fact]
    public async Task The_flood_warning_is_issued_once_while_the_level_stays_above_and_lifted_when_it_falls_below()
    {
        var flood = await FloodAsync();

        var higher = await service.LevelsAsync(
            NakhonPhanom,
            "TH",
            [new ObservationValue { Time = Timestamp.FromDateTimeOffset(HoursAgo(0.5)), Value = 12.6 }]);
        var peak = (await service.Client().GetWarningAsync(
            new GetWarningRequest { WarningId = flood.WarningId }, FocalPoint("VN"))).Warning;
        var fall = await service.LevelsAsync(
            NakhonPhanom,
            "TH",
            [new ObservationValue { Time = Timestamp.FromDateTimeOffset(HoursAgo(0.25)), Value = 11.2 }]);

        Assert.Empty(higher.Summary.Warnings);
        Assert.Equal(12.6, peak.PeakM);
        var lifted = Assert.Single(fall.Summary.Warnings);
        Assert.Equal(flood.WarningId, lifted.WarningId);
        Assert.False(lifted.Active);
        Assert.Equal(["lmc.water-resources.warning-issued.v1", "lmc.water-resources.warning-lifted.v1"],
            await service.OutboxEventsOfAsync(Guid.Parse(flood.WarningId)));
    }

    [Fact]
    public async Task Levels_changed_mid_season_judge_the_days_from_their_date_and_the_warning_names_the_version()
    {
        await service.ResetAsync(NakhonPhanom);
        var today = DateTime.UtcNow.AddHours(7).Date;
        await service.Client().SetLevelsAsync(new SetLevelsRequest
        {
            Station = NakhonPhanom,
            ValidFrom = today.AddDays(-30).ToString("yyyy-MM-dd"),
            AlarmM = 11.5,
            FloodM = 12.0,
            Source = "RID 2025",
        }, FocalPoint("TH"));
        var lowered = await service.Client().SetLevelsAsync(new SetLevelsRequest
        {
            Station = NakhonPhanom,
            ValidFrom = today.AddDays(-1).ToString("yyyy-MM-dd"),
            AlarmM = 11.0,
            FloodM = 11.6,
            Source = "RID circular, flood season 2025",
            ExpectedVersion = 1,
        }, FocalPoint("TH"));

        // 11.8 m three days ago is an alarm under version 1; the same 11.8 m now is a flood under version 2.
        var before = await service.LevelsAsync(
            NakhonPhanom,
            "TH",
            [new ObservationValue { Time = Timestamp.FromDateTimeOffset(HoursAgo(72)), Value = 11.8 }]);
        var now = await service.LevelsAsync(
            NakhonPhanom,
            "TH",
            [new ObservationValue { Time = Timestamp.FromDateTimeOffset(HoursAgo(0.5)), Value = 11.8 }]);

        Assert.Equal(2, lowered.Levels.Version);
        Assert.Equal(1, Assert.Single(before.Summary.Warnings).LevelVersion);
        Assert.Equal(WarningKind.Alarm, before.Summary.Warnings[0].Kind);
        var flood = Assert.Single(now.Summary.Warnings, w => w.Kind == WarningKind.Flood);
        Assert.Equal(2, flood.LevelVersion);
        Assert.Equal(11.6, flood.ThresholdM);
        Assert.Contains(
            now.Summary.Warnings,
            w => w.Kind == WarningKind.Alarm && !w.Active
                && w.LiftReason.Contains("superseded", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Setting_levels_is_the_stations_countrys_and_a_stale_version_is_refused()
    {
        await service.ResetAsync(NakhonPhanom);
        var request = new SetLevelsRequest
        {
            Station = NakhonPhanom, ValidFrom = "2025-06-01", FloodM = 12.5, Source = "Thai critical level",
        };

        var foreign = await Assert.ThrowsAsync<RpcException>(
            () => service.Client().SetLevelsAsync(request, FocalPoint("LA")).ResponseAsync);
        await service.Client().SetLevelsAsync(request, FocalPoint("TH"));
        var stale = await Assert.ThrowsAsync<RpcException>(
            () => service.Client().SetLevelsAsync(request, FocalPoint("TH")).ResponseAsync);
        var versions = await service.Client().ListLevelsAsync(
            new ListLevelsRequest { Station = NakhonPhanom }, FocalPoint("KH"));

        Assert.Equal(StatusCode.PermissionDenied, foreign.StatusCode);
        Assert.Equal(StatusCode.Aborted, stale.StatusCode);
        Assert.Equal([1, 0], versions.Versions.Select(v => v.Version));
        Assert.Equal(12.0, versions.Versions[1].FloodM);
    }

    [Fact]
    public async Task A_forecast_reaching_the_flood_level_within_three_days_raises_an_alarm_and_a_lower_one_lifts_it()
    {
        await service.ResetAsync(NakhonPhanom);
        await service.LevelsAsync(
            NakhonPhanom, "TH", Hourly([.. Enumerable.Range(0, 26).Select(i => 9.0 + i * 0.044)]));
        var issued = HoursAgo(0.5);

        var alarm = await service.Client().SubmitForecastAsync(new SubmitForecastRequest
        {
            Station = NakhonPhanom,
            IssuedAt = Timestamp.FromDateTimeOffset(issued),
            Values =
            {
                new ForecastValue { LeadDays = 1, LevelM = 10.8 },
                new ForecastValue { LeadDays = 3, LevelM = 12.0 },
                new ForecastValue { LeadDays = 5, LevelM = 12.9 },
            },
        }, FocalPoint("TH"));
        var calmer = await service.Client().SubmitForecastAsync(new SubmitForecastRequest
        {
            Station = NakhonPhanom,
            IssuedAt = Timestamp.FromDateTimeOffset(issued.AddMinutes(10)),
            Values =
            {
                new ForecastValue { LeadDays = 1, LevelM = 10.4 },
                new ForecastValue { LeadDays = 3, LevelM = 11.0 },
                new ForecastValue { LeadDays = 4, LevelM = 12.5 },
            },
        }, FocalPoint("TH"));

        var warning = Assert.Single(alarm.Warnings);
        Assert.Equal(WarningKind.Alarm, warning.Kind);
        Assert.Equal(StationStatus.Alarm, alarm.State.Status);
        Assert.NotEmpty(warning.ForecastDate);
        Assert.False(Assert.Single(calmer.Warnings).Active);
        Assert.Equal(StationStatus.Rising, calmer.State.Status);
    }

    [Fact]
    public async Task Each_country_acknowledges_its_own_copy_only()
    {
        var flood = await FloodAsync();

        var la = await service.Client().AcknowledgeWarningAsync(
            new AcknowledgeWarningRequest { WarningId = flood.WarningId, Note = "DMH informed" }, FocalPoint("LA"));
        var admin = await Assert.ThrowsAsync<RpcException>(() => service.Client().AcknowledgeWarningAsync(
            new AcknowledgeWarningRequest { WarningId = flood.WarningId },
            Bearer(For(null, LmcRoles.Admin))).ResponseAsync);
        var integrator = await Assert.ThrowsAsync<RpcException>(() => service.Client().AcknowledgeWarningAsync(
            new AcknowledgeWarningRequest { WarningId = flood.WarningId },
            Bearer(For("TH", LmcRoles.Integrator))).ResponseAsync);
        var othersInbox = await Assert.ThrowsAsync<RpcException>(() => service.Client().ListInboxAsync(
            new ListInboxRequest { Country = Country.Kh }, FocalPoint("LA")).ResponseAsync);
        var warning = (await service.Client().GetWarningAsync(
            new GetWarningRequest { WarningId = flood.WarningId }, FocalPoint("VN"))).Warning;

        Assert.Equal(Country.La, la.Delivery.Country);
        Assert.Equal("DMH informed", la.Delivery.Note);
        Assert.Equal(StatusCode.PermissionDenied, admin.StatusCode);
        Assert.Equal(StatusCode.PermissionDenied, integrator.StatusCode);
        Assert.Equal(StatusCode.PermissionDenied, othersInbox.StatusCode);
        Assert.Equal([Country.La], warning.Deliveries.Where(d => d.AcknowledgedAt is not null).Select(d => d.Country));
    }

    [Fact]
    public async Task Copies_left_unacknowledged_past_the_escalation_time_are_escalated_once_each()
    {
        var flood = await FloodAsync();
        await service.Client().AcknowledgeWarningAsync(
            new AcknowledgeWarningRequest { WarningId = flood.WarningId }, FocalPoint("TH"));
        await Task.Delay(1100);

        await service.SweepAsync();
        await service.SweepAsync();

        var warning = (await service.Client().GetWarningAsync(
            new GetWarningRequest { WarningId = flood.WarningId }, FocalPoint("VN"))).Warning;
        Assert.Equal(["CN", "KH", "LA", "MM", "VN"], warning.Deliveries.Where(d => d.EscalatedAt is not null)
            .Select(d => d.Country.ToString().ToUpperInvariant()).Order());
        var events = await service.OutboxEventsOfAsync(Guid.Parse(flood.WarningId));
        Assert.Equal(5, events.Count(e => e == "lmc.water-resources.warning-escalated.v1"));
    }

    [Fact]
    public async Task China_issues_an_urgent_notice_of_a_release_at_Jinghong_which_lifts_when_its_time_runs_out()
    {
        await service.ResetAsync(Jinghong);
        var request = new IssueUrgentNoticeRequest
        {
            Station = Jinghong,
            Direction = ChangeDirection.Rise,
            ExpectedChangeM = 1.8,
            Reason = "Release from Jinghong reservoir",
            From = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow),
            Until = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddSeconds(2)),
        };

        var refused = await Assert.ThrowsAsync<RpcException>(
            () => service.Client().IssueUrgentNoticeAsync(request, FocalPoint("TH")).ResponseAsync);
        var notice = (await service.Client().IssueUrgentNoticeAsync(
            request, Bearer(For("CN", LmcRoles.Jwg("water-resources"))))).Warning;
        await Task.Delay(2100);
        await service.SweepAsync();
        var after = (await service.Client().GetWarningAsync(
            new GetWarningRequest { WarningId = notice.WarningId }, FocalPoint("KH"))).Warning;

        Assert.Equal(StatusCode.PermissionDenied, refused.StatusCode);
        Assert.Equal(WarningKind.UrgentNotice, notice.Kind);
        Assert.Contains("China", notice.Headline, StringComparison.Ordinal);
        Assert.Equal(6, notice.Deliveries.Count);
        Assert.False(after.Active);
    }

    [Fact]
    public async Task A_drought_is_warned_after_the_window_below_the_drought_level()
    {
        await service.ResetAsync(NakhonPhanom);
        await service.Client().SetLevelsAsync(new SetLevelsRequest
        {
            Station = NakhonPhanom,
            ValidFrom = "2020-01-01",
            AlarmM = 11.5,
            FloodM = 12.0,
            DroughtM = 1.5,
            DroughtWindowDays = 5,
            Source = "test",
        }, FocalPoint("TH"));
        var days = Enumerable.Range(0, 8).Select(d => new ObservationValue
        {
            Time = Timestamp.FromDateTimeOffset(HoursAgo(24 * (7 - d) + 1)), Value = d == 0 ? 1.6 : 1.2,
        }).ToList();

        var first = await service.LevelsAsync(NakhonPhanom, "TH", days.Take(5));
        var rest = await service.LevelsAsync(NakhonPhanom, "TH", days.Skip(5));

        Assert.DoesNotContain(first.Summary.Warnings, w => w.Kind == WarningKind.Drought);
        Assert.Equal(StationStatus.Drought, Assert.Single(rest.Summary.States).Status);
        Assert.Single(rest.Summary.Warnings, w => w.Kind == WarningKind.Drought);
    }

    [Fact]
    public async Task A_warning_is_in_the_database_only_with_the_observation_that_raised_it()
    {
        await service.ResetAsync(NakhonPhanom);
        var values = Hourly(11.9, 12.4, 12.8).ToList();
        values[2].Value = 700;

        await Assert.ThrowsAsync<RpcException>(() => service.LevelsAsync(NakhonPhanom, "TH", values));

        Assert.Equal(
            0, await service.InDatabaseAsync(db => db.Warnings.CountAsync(w => w.StationCode == NakhonPhanom)));
        Assert.Equal(
            0, await service.InDatabaseAsync(db => db.Observations.CountAsync(o => o.StationCode == NakhonPhanom)));
    }
}
