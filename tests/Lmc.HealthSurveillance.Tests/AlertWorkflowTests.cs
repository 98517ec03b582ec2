using Grpc.Core;
using Lmc.Contracts.Common.V1;
using Lmc.Contracts.HealthSurveillance.V1;
using Lmc.Testing;
using static Lmc.HealthSurveillance.Tests.SurveillanceServiceFactory;

namespace Lmc.HealthSurveillance.Tests;

/// <summary>
/// The alert's workflow by the unit's own focal point, the IHR Annex 2 helper, and the notice
/// across the border: a verified alert in Savannakhet (LA-SV) reaches Thailand (Mukdahan) and
/// Viet Nam (Quang Binh, Quang Tri).
/// </summary>
[Collection(SurveillanceServiceGroup.Name)]
public sealed class AlertWorkflowTests(SurveillanceServiceFactory service)
{
    private readonly HealthSurveillanceService.HealthSurveillanceServiceClient _client = service.Client();

    [Fact]
    public async Task A_verified_alert_in_a_border_unit_puts_a_notice_in_each_inbox_across_the_border()
    {
        var alert = await SurgeAsync("dengue", "LA-SV", "LA");
        Assert.True(alert.BorderUnit);

        var verified = (await _client.VerifyAlertAsync(new VerifyAlertRequest { AlertId = alert.Id, Outcome = VerificationOutcome.Assess, Note = "Lab-confirmed NS1" }, FocalPoint("LA"))).Alert;

        Assert.Equal(AlertStatus.Verified, verified.Status);
        var thai = (await _client.ListCrossBorderNoticesAsync(new ListCrossBorderNoticesRequest(), FocalPoint("TH"))).Notices.Single(n => n.AlertId == alert.Id);
        Assert.Equal(["TH-49"], thai.FacingUnits);
        Assert.Equal(Country.La, thai.FromCountry);
        Assert.Contains("Savannakhet", thai.Summary);
        var vietnamese = (await _client.ListCrossBorderNoticesAsync(new ListCrossBorderNoticesRequest(), FocalPoint("VN"))).Notices.Single(n => n.AlertId == alert.Id);
        Assert.Equal(["VN-24", "VN-25"], vietnamese.FacingUnits);
        Assert.DoesNotContain((await _client.ListCrossBorderNoticesAsync(new ListCrossBorderNoticesRequest(), FocalPoint("KH"))).Notices, n => n.AlertId == alert.Id);
        Assert.Equal(2, (await service.EventsOfAsync(alert.Id)).Count(e => e == "lmc.health-surveillance.cross-border-notice.v1"));
        Assert.Contains("lmc.health-surveillance.alert-verified.v1", await service.EventsOfAsync(alert.Id));

        var acknowledged = (await _client.AcknowledgeNoticeAsync(new AcknowledgeNoticeRequest { NoticeId = thai.Id }, FocalPoint("TH"))).Notice;
        Assert.NotNull(acknowledged.AcknowledgedAt);
        Assert.Equal(StatusCode.PermissionDenied, await Refusals.StatusOf(() => _client.AcknowledgeNoticeAsync(new AcknowledgeNoticeRequest { NoticeId = vietnamese.Id }, FocalPoint("TH")).ResponseAsync));
        Assert.Equal(StatusCode.PermissionDenied, await Refusals.StatusOf(() => _client.ListCrossBorderNoticesAsync(new ListCrossBorderNoticesRequest { Country = Country.Th }, FocalPoint("LA")).ResponseAsync));
    }

    [Fact]
    public async Task Only_the_units_own_focal_point_verifies_and_the_workflow_goes_in_order_to_closure()
    {
        var alert = await SurgeAsync("dengue", "LA-VT", "LA");

        Assert.Equal(StatusCode.PermissionDenied, await Refusals.StatusOf(() => _client.VerifyAlertAsync(
            new VerifyAlertRequest { AlertId = alert.Id, Outcome = VerificationOutcome.Discard }, FocalPoint("TH")).ResponseAsync));
        Assert.Equal("alert.not-verified", await Refusals.RuleOf(() => _client.AssessRiskAsync(
            new AssessRiskRequest { AlertId = alert.Id, RiskLevel = RiskLevel.High }, FocalPoint("LA")).ResponseAsync));

        await _client.VerifyAlertAsync(new VerifyAlertRequest { AlertId = alert.Id, Outcome = VerificationOutcome.Monitor }, FocalPoint("LA"));
        await _client.VerifyAlertAsync(new VerifyAlertRequest { AlertId = alert.Id, Outcome = VerificationOutcome.Assess }, FocalPoint("LA"));
        var assessed = (await _client.AssessRiskAsync(new AssessRiskRequest
        {
            AlertId = alert.Id, RiskLevel = RiskLevel.Moderate, UnusualOrUnexpected = true,
        }, FocalPoint("LA"))).Alert;
        Assert.False(assessed.Ihr.NotifyWho); // one criterion of four
        await _client.RespondToAlertAsync(new RespondToAlertRequest { AlertId = alert.Id, Actions = "Vector control in Chanthabouly district" }, FocalPoint("LA"));
        var closed = (await _client.CloseAlertAsync(new CloseAlertRequest { AlertId = alert.Id, Note = "Two weeks below threshold" }, FocalPoint("LA"))).Alert;

        Assert.Equal(AlertStatus.Closed, closed.Status);
        Assert.Equal(RiskLevel.Moderate, closed.RiskLevel);
        Assert.Contains(closed.Log, l => l.Contains("Vector control", StringComparison.Ordinal));
        // Vientiane Capital faces Nong Khai (Thailand): verified, so Thailand was told.
        Assert.Contains((await _client.ListCrossBorderNoticesAsync(new ListCrossBorderNoticesRequest(), FocalPoint("TH"))).Notices, n => n.AlertId == alert.Id);
    }

    [Fact]
    public async Task Two_of_the_four_ihr_criteria_mean_notifying_who_within_24_hours()
    {
        var alert = await SurgeAsync("dengue", "VN-44", "VN");
        await _client.VerifyAlertAsync(new VerifyAlertRequest { AlertId = alert.Id, Outcome = VerificationOutcome.Assess }, FocalPoint("VN"));

        var assessed = (await _client.AssessRiskAsync(new AssessRiskRequest
        {
            AlertId = alert.Id, RiskLevel = RiskLevel.High, SeriousPublicHealthImpact = true, RiskOfInternationalSpread = true,
        }, FocalPoint("VN"))).Alert;

        Assert.True(assessed.Ihr.NotifyWho);
        var assessedAt = DateTimeOffset.UtcNow;
        Assert.InRange(assessed.Ihr.NotifyWhoBy.ToDateTimeOffset() - assessedAt, TimeSpan.FromHours(23.9), TimeSpan.FromHours(24));
    }

    [Fact]
    public async Task A_human_h5n1_case_is_always_notifiable_whatever_the_criteria()
    {
        var signals = (await _client.SubmitWeeklyReportAsync(new SubmitWeeklyReportRequest
        {
            Value = new WeeklyValue { Disease = "influenza-a-h5n1", Unit = "KH-18", EpiYear = 2025, EpiWeek = 8, Cases = 1 },
        }, FocalPoint("KH"))).Result.Signals;
        var alertId = Assert.Single(signals).AlertId;
        await _client.VerifyAlertAsync(new VerifyAlertRequest { AlertId = alertId, Outcome = VerificationOutcome.Assess }, FocalPoint("KH"));

        var assessed = (await _client.AssessRiskAsync(new AssessRiskRequest { AlertId = alertId, RiskLevel = RiskLevel.High }, FocalPoint("KH"))).Alert;

        Assert.True(assessed.Ihr.NotifyWho);
    }

    [Fact]
    public async Task Undefined_outcomes_and_levels_are_refused_and_a_high_risk_alert_closes_only_after_a_response()
    {
        var alert = await SurgeAsync("dengue", "KH-21", "KH");

        Assert.Equal(StatusCode.InvalidArgument, await Refusals.StatusOf(() => _client.VerifyAlertAsync(
            new VerifyAlertRequest { AlertId = alert.Id, Outcome = (VerificationOutcome)7 }, FocalPoint("KH")).ResponseAsync));
        await _client.VerifyAlertAsync(new VerifyAlertRequest { AlertId = alert.Id, Outcome = VerificationOutcome.Assess }, FocalPoint("KH"));
        Assert.Equal(StatusCode.InvalidArgument, await Refusals.StatusOf(() => _client.AssessRiskAsync(
            new AssessRiskRequest { AlertId = alert.Id, RiskLevel = (RiskLevel)9 }, FocalPoint("KH")).ResponseAsync));
        var first = (await _client.AssessRiskAsync(new AssessRiskRequest
        {
            AlertId = alert.Id, RiskLevel = RiskLevel.High, SeriousPublicHealthImpact = true, UnusualOrUnexpected = true,
        }, FocalPoint("KH"))).Alert;
        // A reassessment does not move WHO's 24-hour clock.
        var again = (await _client.AssessRiskAsync(new AssessRiskRequest { AlertId = alert.Id, RiskLevel = RiskLevel.VeryHigh }, FocalPoint("KH"))).Alert;

        Assert.Equal(first.Ihr.NotifyWhoBy, again.Ihr.NotifyWhoBy);
        Assert.True(again.Ihr.NotifyWho);
        Assert.Equal("alert.not-closable", await Refusals.RuleOf(() => _client.CloseAlertAsync(
            new CloseAlertRequest { AlertId = alert.Id, Note = "Quiet now" }, FocalPoint("KH")).ResponseAsync));
    }

    private async Task<Alert> SurgeAsync(string disease, string unit, string country)
    {
        await _client.SubmitWeeklyReportsAsync(new SubmitWeeklyReportsRequest { Values = { Steady(disease, unit, 2025, 30, 20) } }, FocalPoint(country));
        var signals = (await _client.SubmitWeeklyReportAsync(new SubmitWeeklyReportRequest
        {
            Value = new WeeklyValue { Disease = disease, Unit = unit, EpiYear = 2025, EpiWeek = 31, Cases = 60 },
        }, FocalPoint(country))).Result.Signals;
        return (await _client.GetAlertAsync(new GetAlertRequest { AlertId = signals[0].AlertId }, FocalPoint(country))).Alert;
    }
}
