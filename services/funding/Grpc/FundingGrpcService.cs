using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Lmc.BuildingBlocks.Auth;
using Lmc.BuildingBlocks.Domain;
using Lmc.BuildingBlocks.Grpc;
using Lmc.Contracts.Common.V1;
using Lmc.Contracts.Funding.V1;
using Lmc.Funding.Application;
using Microsoft.AspNetCore.Authorization;
using static Lmc.Funding.Grpc.FundingMapping;
using DomainModel = Lmc.Funding.Domain;
using static Lmc.BuildingBlocks.Grpc.CommonMapping;

namespace Lmc.Funding.Grpc;

/// <summary>lmc.funding.v1.FundingService.</summary>
public sealed class FundingGrpcService(FundCommands fund, ApplicationCommands applications, GrantCommands grants, FundQueries queries)
    : FundingService.FundingServiceBase
{
    public override Task<ListOrganisationsResponse> ListOrganisations(ListOrganisationsRequest request, ServerCallContext context)
    {
        var response = new ListOrganisationsResponse();
        response.Organisations.AddRange(DomainModel.Organisations.All.Select(o => new Organisation { Ref = o.Ref, Name = o.Name, Type = o.Type, Role = o.Role }));
        return Task.FromResult(response);
    }

    [Authorize(Policy = LmcPolicies.FundManager)]
    public override async Task<RecordExchangeRateResponse> RecordExchangeRate(RecordExchangeRateRequest request, ServerCallContext context)
    {
        if (!decimal.TryParse(request.UsdPerUnit, System.Globalization.NumberStyles.AllowDecimalPoint, System.Globalization.CultureInfo.InvariantCulture, out var rate))
        {
            throw new ValidationException("usd_per_unit", "must be a decimal number such as 0.1389");
        }

        var recorded = await fund.RecordRateAsync(context.Caller(), request.Currency, Instants.ParseIsoDate(request.ValueDate, "value_date"), rate,
            context.CancellationToken);
        return new() { Currency = recorded.Currency, ValueDate = recorded.ValueDate.ToIsoDate(), UsdPerUnit = recorded.UsdPerUnit.ToString(System.Globalization.CultureInfo.InvariantCulture) };
    }

    [Authorize(Policy = LmcPolicies.FundManager)]
    public override async Task<RecordContributionResponse> RecordContribution(RecordContributionRequest request, ServerCallContext context)
    {
        var kind = request.Kind switch
        {
            ContributionKind.Pledge => DomainModel.LedgerKind.Pledge,
            ContributionKind.IncomingFunds => DomainModel.LedgerKind.IncomingFunds,
            _ => throw new ValidationException("kind", "is required: pledge or incoming funds"),
        };
        var entry = await fund.RecordContributionAsync(context.Caller(), request.Organisation, kind, Parse(request.Amount, "amount"),
            Instants.ParseIsoDate(request.ValueDate, "value_date"), request.Description, request.IdempotencyKey, context.CancellationToken);
        return new() { Entry = ToProto(entry) };
    }

    [Authorize(Policy = LmcPolicies.FundManager)]
    public override async Task<OpenCallResponse> OpenCall(OpenCallRequest request, ServerCallContext context)
    {
        var missing = new ValidationErrors();
        if (request.OpensAt is null)
        {
            missing.Add("opens_at", "is required: the call's window opens then");
        }

        if (request.ClosesAt is null)
        {
            missing.Add("closes_at", "is required: the call's window closes then");
        }

        missing.ThrowIfAny();

        var envelopes = request.Envelopes.Select(e => new DomainModel.CountryEnvelope(
            e.Country.RequireCode("envelopes.country"), Usd(e.Amount, "envelopes.amount"))).ToList();
        await fund.OpenCallAsync(context.Caller(), request.Year, request.OpensAt!.ToDateTimeOffset(), request.ClosesAt!.ToDateTimeOffset(), envelopes, context.CancellationToken);
        return new() { Call = await CallAsync(request.Year, context) };
    }

    public override async Task<GetCallResponse> GetCall(GetCallRequest request, ServerCallContext context) => new() { Call = await CallAsync(request.Year, context) };

    [Authorize(Policy = LmcPolicies.MemberSecretariat)]
    public override async Task<SubmitApplicationResponse> SubmitApplication(SubmitApplicationRequest request, ServerCallContext context) =>
        new()
        {
            Application = ToProto(await applications.SubmitAsync(context.Caller(), request.CallYear, ParseId(request.ProjectId, "project_id"),
                Usd(request.Requested, "requested"), request.IdempotencyKey, context.CancellationToken)),
        };

    public override async Task<GetApplicationResponse> GetApplication(GetApplicationRequest request, ServerCallContext context) =>
        new() { Application = ToProto(await applications.GetAsync(ParseId(request.ApplicationId, "application_id"), context.CancellationToken)) };

    public override async Task<ListApplicationsResponse> ListApplications(ListApplicationsRequest request, ServerCallContext context)
    {
        var response = new ListApplicationsResponse();
        response.Applications.AddRange((await queries.ApplicationsAsync(request.CallYear, request.Country.OptionalCode("country"), context.CancellationToken)).Select(ToProto));
        return response;
    }

    [Authorize(Policy = LmcPolicies.FundManager)]
    public override async Task<AppraiseApplicationResponse> AppraiseApplication(AppraiseApplicationRequest request, ServerCallContext context) =>
        new()
        {
            Application = ToProto(await applications.AppraiseAsync(context.Caller(), ParseId(request.ApplicationId, "application_id"), request.Relevance,
                request.Feasibility, request.RegionalBenefit, request.Sustainability, request.Note, request.ExpectedVersion, context.CancellationToken)),
        };

    [Authorize(Policy = LmcPolicies.FundManager)]
    public override async Task<ApproveApplicationResponse> ApproveApplication(ApproveApplicationRequest request, ServerCallContext context)
    {
        var (application, grant) = await applications.ApproveAsync(context.Caller(), ParseId(request.ApplicationId, "application_id"),
            [.. request.Tranches.Select(t => Usd(t, "tranches"))], OptionalDate(request.ValueDate, "value_date"), request.IdempotencyKey, request.ExpectedVersion,
            context.CancellationToken);
        return new() { Application = ToProto(application), Grant = ToProto(grant) };
    }

    [Authorize(Policy = LmcPolicies.FundManager)]
    public override async Task<RejectApplicationResponse> RejectApplication(RejectApplicationRequest request, ServerCallContext context) =>
        new() { Application = ToProto(await applications.RejectAsync(context.Caller(), ParseId(request.ApplicationId, "application_id"), request.Note, request.ExpectedVersion, context.CancellationToken)) };

    public override async Task<GetGrantResponse> GetGrant(GetGrantRequest request, ServerCallContext context) =>
        new() { Grant = ToProto(await queries.GrantAsync(ParseId(request.GrantId, "grant_id"), context.CancellationToken)) };

    public override async Task<ListGrantsResponse> ListGrants(ListGrantsRequest request, ServerCallContext context)
    {
        var response = new ListGrantsResponse();
        var projectId = string.IsNullOrEmpty(request.ProjectId) ? (Guid?)null : ParseId(request.ProjectId, "project_id");
        response.Grants.AddRange((await queries.GrantsAsync(request.CallYear, request.Country.OptionalCode("country"), projectId, context.CancellationToken)).Select(ToProto));
        return response;
    }

    [Authorize(Policy = LmcPolicies.MemberSecretariat)]
    public override async Task<RequestAmendmentResponse> RequestAmendment(RequestAmendmentRequest request, ServerCallContext context) =>
        new()
        {
            Grant = ToProto(await grants.RequestAmendmentAsync(context.Caller(), ParseId(request.GrantId, "grant_id"), Usd(request.NewCommitment, "new_commitment"),
                request.Reason, context.CancellationToken)),
        };

    [Authorize(Policy = LmcPolicies.FundManager)]
    public override async Task<ApproveAmendmentResponse> ApproveAmendment(ApproveAmendmentRequest request, ServerCallContext context) =>
        new() { Grant = ToProto(await grants.ApproveAmendmentAsync(context.Caller(), ParseId(request.GrantId, "grant_id"), request.Number, request.IdempotencyKey, context.CancellationToken)) };

    [Authorize(Policy = LmcPolicies.FundManager)]
    public override async Task<DisburseTrancheResponse> DisburseTranche(DisburseTrancheRequest request, ServerCallContext context)
    {
        var amount = request.Amount is null || string.IsNullOrEmpty(request.Amount.Amount) ? (decimal?)null : Usd(request.Amount, "amount");
        var (grant, entry) = await grants.DisburseAsync(context.Caller(), ParseId(request.GrantId, "grant_id"), request.Number, amount,
            OptionalDate(request.ValueDate, "value_date"), request.IdempotencyKey, context.CancellationToken);
        return new() { Grant = ToProto(grant), Entry = ToProto(entry) };
    }

    [Authorize(Policy = LmcPolicies.FundManager)]
    public override async Task<CloseGrantResponse> CloseGrant(CloseGrantRequest request, ServerCallContext context) =>
        new() { Grant = ToProto(await grants.CloseAsync(context.Caller(), ParseId(request.GrantId, "grant_id"), request.FinalReport, request.IdempotencyKey, context.CancellationToken)) };

    public override async Task<GetFundPositionResponse> GetFundPosition(GetFundPositionRequest request, ServerCallContext context)
    {
        var position = await queries.PositionAsync(context.CancellationToken);
        var response = new GetFundPositionResponse { Total = ToProto(position.Total), LedgerEntries = position.Entries };
        response.ByYear.AddRange(position.ByYear.Select(l => new PositionLine { Key = l.Key, Position = ToProto(l.Position) }));
        response.ByCountry.AddRange(position.ByCountry.Select(l => new PositionLine { Key = l.Key, Position = ToProto(l.Position) }));
        response.ByPriorityArea.AddRange(position.ByArea.Select(l => new PositionLine { Key = l.Key, Position = ToProto(l.Position) }));
        return response;
    }

    public override async Task<ListLedgerEntriesResponse> ListLedgerEntries(ListLedgerEntriesRequest request, ServerCallContext context)
    {
        var grantId = string.IsNullOrEmpty(request.GrantId) ? (Guid?)null : ParseId(request.GrantId, "grant_id");
        var response = new ListLedgerEntriesResponse();
        response.Entries.AddRange((await queries.LedgerAsync(grantId, CommonMapping.OptionalYear(request.Year, "year"), context.CancellationToken)).Select(ToProto));
        return response;
    }

    public override async Task<ListIatiTransactionsResponse> ListIatiTransactions(ListIatiTransactionsRequest request, ServerCallContext context)
    {
        var entries = await queries.IatiTransactionsAsync(ParseId(request.ProjectId, "project_id"), context.CancellationToken);
        var response = new ListIatiTransactionsResponse();
        response.Transactions.AddRange(entries.Select(e => new IatiTransaction
        {
            TransactionType = e.IatiTransactionType,
            TransactionDate = e.ValueDate.ToIsoDate(),
            Value = UsdProto(e.AmountUsd),
            ValueDate = e.ValueDate.ToIsoDate(),
            ProviderOrg = DomainModel.Organisations.SpecialFund,
            ReceiverOrg = e.Country ?? "",
            Description = e.Description,
        }));
        return response;
    }

    private async Task<Call> CallAsync(int year, ServerCallContext context)
    {
        var (call, committed) = await queries.CallAsync(year, context.CancellationToken);
        var proto = new Call { Year = call.Year, OpensAt = Timestamp.FromDateTimeOffset(call.OpensAt), ClosesAt = Timestamp.FromDateTimeOffset(call.ClosesAt) };
        proto.Envelopes.AddRange(call.Envelopes.Select(e => new Envelope
        {
            Country = CommonMapping.ToCountry(e.Country), Amount = UsdProto(e.AmountUsd), Committed = UsdProto(committed.GetValueOrDefault(e.Country)),
        }));
        return proto;
    }
}
