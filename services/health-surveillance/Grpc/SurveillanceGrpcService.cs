using System.Text;
using Grpc.Core;
using Lmc.BuildingBlocks.Auth;
using Lmc.BuildingBlocks.Domain;
using Lmc.BuildingBlocks.Grpc;
using Lmc.Contracts.HealthSurveillance.V1;
using Lmc.HealthSurveillance.Application;
using Microsoft.AspNetCore.Authorization;
using static Lmc.HealthSurveillance.Grpc.SurveillanceMapping;
using DomainModel = Lmc.HealthSurveillance.Domain;
using static Lmc.BuildingBlocks.Grpc.CommonMapping;

namespace Lmc.HealthSurveillance.Grpc;

/// <summary>lmc.healthsurveillance.v1.HealthSurveillanceService.</summary>
public sealed class SurveillanceGrpcService(Ingestion ingestion, AlertCommands alerts, SurveillanceQueries queries, DomainModel.ReferenceData reference)
    : HealthSurveillanceService.HealthSurveillanceServiceBase
{
    public override Task<ListDiseasesResponse> ListDiseases(ListDiseasesRequest request, ServerCallContext context)
    {
        var response = new ListDiseasesResponse();
        response.Diseases.AddRange(reference.Diseases.Select(d =>
        {
            var disease = new Disease
            {
                Code = d.Code, Name = d.Name, Icd10 = d.Icd10 ?? "", AnyCaseIsSignal = d.AnyCaseIsSignal, IhrAlwaysNotifiable = d.IhrAlwaysNotifiable,
                MinimumCases = d.MinimumCases,
            };
            disease.Methods.AddRange(d.AnyCaseIsSignal ? [SignalDetection.AnyCase] : d.MethodNames);
            return disease;
        }));
        return Task.FromResult(response);
    }

    public override Task<ListAdminUnitsResponse> ListAdminUnits(ListAdminUnitsRequest request, ServerCallContext context)
    {
        var country = request.Country.OptionalCode("country");
        var response = new ListAdminUnitsResponse();
        response.Units.AddRange(reference.Units
            .Where(u => country is null || u.Country == country)
            .Where(u => !request.BorderOnly || reference.FacingUnits(u.Code).Count > 0)
            .Select(u =>
            {
                var unit = new AdminUnit { Code = u.Code, Country = CommonMapping.ToCountry(u.Country), Name = u.Name, Type = u.Type };
                unit.FacingUnits.AddRange(reference.FacingUnits(u.Code));
                return unit;
            }));
        return Task.FromResult(response);
    }

    [Authorize(Policy = LmcPolicies.HealthFocalPoint)]
    public override async Task<SubmitWeeklyReportResponse> SubmitWeeklyReport(SubmitWeeklyReportRequest request, ServerCallContext context)
    {
        var value = request.Value ?? throw new ValidationException("value", "is required");
        return new() { Result = ToProto(await ingestion.IngestAsync(context.Caller(), [ToInput(value)], context.CancellationToken)) };
    }

    [Authorize(Policy = LmcPolicies.HealthFocalPoint)]
    public override async Task<SubmitWeeklyReportsResponse> SubmitWeeklyReports(SubmitWeeklyReportsRequest request, ServerCallContext context) =>
        new() { Result = ToProto(await ingestion.IngestAsync(context.Caller(), [.. request.Values.Select(ToInput)], context.CancellationToken)) };

    [Authorize(Policy = LmcPolicies.HealthFocalPoint)]
    public override async Task<ImportDataValueSetResponse> ImportDataValueSet(ImportDataValueSetRequest request, ServerCallContext context)
    {
        var csv = request.Csv?.Data is { IsEmpty: false } data ? data.ToString(Encoding.UTF8) : throw new ValidationException("csv", "the request body is empty");
        return new() { Result = ToProto(await ingestion.IngestAsync(context.Caller(), DataValueSetCsv.Parse(csv), context.CancellationToken)) };
    }

    public override async Task<GetReportHistoryResponse> GetReportHistory(GetReportHistoryRequest request, ServerCallContext context)
    {
        var history = await queries.HistoryAsync(request.Disease, request.Unit.ToUpperInvariant(), request.EpiYear, request.EpiWeek, ToDomain(request.WeekSystem), context.CancellationToken);
        var response = new GetReportHistoryResponse();
        response.Revisions.AddRange(history.Select(r => new ReportRevision
        {
            Cases = r.Cases, Deaths = r.Deaths, Version = r.Version, RecordedAt = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(r.RecordedAt), RecordedBy = r.RecordedBy,
        }));
        return response;
    }

    public override async Task<GetEpiCurveResponse> GetEpiCurve(GetEpiCurveRequest request, ServerCallContext context)
    {
        var points = await queries.EpiCurveAsync(request.Disease, request.Country.OptionalCode("country"), request.Unit.ToUpperInvariant(), request.FromYear, request.ToYear,
            ToDomain(request.WeekSystem), context.CancellationToken);
        var response = new GetEpiCurveResponse();
        response.Points.AddRange(points.Select(p => new Lmc.Contracts.HealthSurveillance.V1.EpiCurvePoint
        {
            EpiYear = p.EpiYear, EpiWeek = p.EpiWeek, WeekStart = p.WeekStart.ToIsoDate(), Cases = p.Cases, Deaths = p.Deaths,
        }));
        var watches = await queries.WatchesOverCurveAsync(request.Disease, request.Country.OptionalCode("country"), request.Unit.ToUpperInvariant(),
            request.FromYear, request.ToYear, context.CancellationToken);
        response.HeightenedSurveillance.AddRange(watches.Select(SurveillanceMapping.ToProto));
        return response;
    }

    public override async Task<ListHeightenedSurveillanceResponse> ListHeightenedSurveillance(ListHeightenedSurveillanceRequest request,
        ServerCallContext context)
    {
        var response = new ListHeightenedSurveillanceResponse();
        var watches = await queries.WatchesAsync(request.Country.OptionalCode("country"), request.ActiveOnly, context.CancellationToken);
        response.Watches.AddRange(watches.Select(SurveillanceMapping.ToProto));
        return response;
    }

    public override async Task<ListSignalsResponse> ListSignals(ListSignalsRequest request, ServerCallContext context)
    {
        var response = new ListSignalsResponse();
        var signals = await queries.SignalsAsync(request.Disease, request.Country.OptionalCode("country"), request.Unit.ToUpperInvariant(), request.EpiYear, context.CancellationToken);
        response.Signals.AddRange(signals.Select(SurveillanceMapping.ToProto));
        return response;
    }

    public override async Task<RunBacktestResponse> RunBacktest(RunBacktestRequest request, ServerCallContext context)
    {
        var unit = reference.RequireUnit(request.Unit.ToUpperInvariant());
        var backtest = await queries.BacktestAsync(request.Disease, unit.Code, ToDomain(request.WeekSystem), context.CancellationToken);
        var response = new RunBacktestResponse { Weeks = backtest.Weeks };
        response.Signals.AddRange(backtest.Signals.Select(s => SurveillanceMapping.ToProto(s, request.Disease, unit.Code, unit.Country)));
        response.Outbreaks.AddRange(backtest.Outbreaks.Select(o => new Outbreak
        {
            Start = o.Start.ToString(), Declared = o.Declared.ToString(), End = o.End?.ToString() ?? "",
        }));
        return response;
    }

    public override async Task<ListAlertsResponse> ListAlerts(ListAlertsRequest request, ServerCallContext context)
    {
        var response = new ListAlertsResponse();
        var found = await queries.AlertsAsync(request.Country.OptionalCode("country"), request.Disease, request.OpenOnly, context.CancellationToken);
        var watches = await queries.WatchesOverAsync([.. found.Select(a => a.Alert)], context.CancellationToken);
        response.Alerts.AddRange(found.Select(a => WithWatches(SurveillanceMapping.ToProto(a.Alert, a.Signals, IsBorder(a.Alert.Unit)), watches[a.Alert.Id])));
        return response;
    }

    public override async Task<GetAlertResponse> GetAlert(GetAlertRequest request, ServerCallContext context)
    {
        return new() { Alert = await FullAsync(ParseId(request.AlertId, "alert_id"), context) };
    }

    [Authorize(Policy = LmcPolicies.HealthFocalPoint)]
    public override async Task<VerifyAlertResponse> VerifyAlert(VerifyAlertRequest request, ServerCallContext context)
    {
        var outcome = RequireDefined((DomainModel.VerificationOutcome)request.Outcome, "outcome", "discard, monitor or assess");
        var alert = await alerts.VerifyAsync(context.Caller(), ParseId(request.AlertId, "alert_id"), outcome, request.Note, request.ExpectedVersion, context.CancellationToken);
        return new() { Alert = await FullAsync(alert.Id, context) };
    }

    [Authorize(Policy = LmcPolicies.HealthFocalPoint)]
    public override async Task<AssessRiskResponse> AssessRisk(AssessRiskRequest request, ServerCallContext context)
    {
        var level = RequireDefined((DomainModel.RiskLevel)request.RiskLevel, "risk_level", "low, moderate, high or very high");
        var criteria = new DomainModel.IhrAnnex2(request.SeriousPublicHealthImpact, request.UnusualOrUnexpected, request.RiskOfInternationalSpread,
            request.RiskOfTravelOrTradeRestrictions, AlwaysNotifiable: false);
        var alert = await alerts.AssessAsync(context.Caller(), ParseId(request.AlertId, "alert_id"), level, criteria, request.Note, request.ExpectedVersion, context.CancellationToken);
        return new() { Alert = await FullAsync(alert.Id, context) };
    }

    [Authorize(Policy = LmcPolicies.HealthFocalPoint)]
    public override async Task<RespondToAlertResponse> RespondToAlert(RespondToAlertRequest request, ServerCallContext context)
    {
        var alert = await alerts.RespondAsync(context.Caller(), ParseId(request.AlertId, "alert_id"), request.Actions, request.ExpectedVersion, context.CancellationToken);
        return new() { Alert = await FullAsync(alert.Id, context) };
    }

    [Authorize(Policy = LmcPolicies.HealthFocalPoint)]
    public override async Task<CloseAlertResponse> CloseAlert(CloseAlertRequest request, ServerCallContext context)
    {
        var alert = await alerts.CloseAsync(context.Caller(), ParseId(request.AlertId, "alert_id"), request.Note, request.ExpectedVersion, context.CancellationToken);
        return new() { Alert = await FullAsync(alert.Id, context) };
    }

    public override async Task<ListCrossBorderNoticesResponse> ListCrossBorderNotices(ListCrossBorderNoticesRequest request, ServerCallContext context)
    {
        var response = new ListCrossBorderNoticesResponse();
        var notices = await queries.NoticesAsync(context.Caller(), request.Country.OptionalCode("country"), request.UnacknowledgedOnly, context.CancellationToken);
        response.Notices.AddRange(notices.Select(SurveillanceMapping.ToProto));
        return response;
    }

    [Authorize(Policy = LmcPolicies.HealthFocalPoint)]
    public override async Task<AcknowledgeNoticeResponse> AcknowledgeNotice(AcknowledgeNoticeRequest request, ServerCallContext context) =>
        new() { Notice = SurveillanceMapping.ToProto(await alerts.AcknowledgeAsync(context.Caller(), ParseId(request.NoticeId, "notice_id"), context.CancellationToken)) };

    public override async Task<GetTimelinessResponse> GetTimeliness(GetTimelinessRequest request, ServerCallContext context)
    {
        var response = new GetTimelinessResponse();
        var rows = await queries.TimelinessAsync(request.Country.OptionalCode("country"), request.Year, context.CancellationToken);
        response.Countries.AddRange(rows.Select(r => new Lmc.Contracts.HealthSurveillance.V1.CountryTimeliness
        {
            Country = CommonMapping.ToCountry(r.Country), Reports = r.Reports, MedianHoursWeekEndToReport = r.WeekEndToReportHours,
            Signals = r.Signals, MedianHoursWeekEndToSignal = r.WeekEndToSignalHours,
            Verified = r.Verified, MedianHoursSignalToVerification = r.SignalToVerificationHours,
        }));
        return response;
    }

    private bool IsBorder(string unit) => reference.FacingUnits(unit).Count > 0;

    private async Task<Alert> FullAsync(Guid id, ServerCallContext context)
    {
        var (alert, signals) = await queries.AlertAsync(id, context.CancellationToken);
        var watches = await queries.WatchesOverAsync([alert], context.CancellationToken);
        return WithWatches(SurveillanceMapping.ToProto(alert, signals, IsBorder(alert.Unit)), watches[alert.Id]);
    }

    private static Alert WithWatches(Alert alert, IEnumerable<DomainModel.HeightenedSurveillance> watches)
    {
        alert.HeightenedSurveillance.AddRange(watches.Select(SurveillanceMapping.ToProto));
        return alert;
    }
}
