using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using Lmc.BuildingBlocks.Domain;
using Lmc.BuildingBlocks.Grpc;
using Lmc.Contracts.Common.V1;
using Lmc.Funding.Application;
using Domain = Lmc.Funding.Domain;
using Proto = Lmc.Contracts.Funding.V1;

namespace Lmc.Funding.Grpc;

/// <summary>Domain to lmc.funding.v1 and back; money as decimal strings, never floating point.</summary>
internal static class FundingMapping
{
    public static DateOnly? OptionalDate(string value, string field) => string.IsNullOrEmpty(value) ? null : Instants.ParseIsoDate(value, field);

    /// <summary>A USD amount from the request: decimal, at most two places.</summary>
    public static decimal Usd(Lmc.Contracts.Common.V1.Money? money, string field)
    {
        var parsed = Parse(money, field);
        return parsed.Currency == "USD" ? parsed.Amount : throw new ValidationException(field, "must be in USD, the fund's reporting currency");
    }

    public static BuildingBlocks.Domain.Money Parse(Lmc.Contracts.Common.V1.Money? money, string field)
    {
        var errors = new ValidationErrors();
        var parsed = BuildingBlocks.Domain.Money.TryParse(money?.Currency, money?.Amount, field, errors);
        errors.ThrowIfAny();
        return parsed!;
    }

    public static Lmc.Contracts.Common.V1.Money UsdProto(decimal amount) => new() { Currency = "USD", Amount = amount.ToString("0.00", CultureInfo.InvariantCulture) };

    public static Proto.Position ToProto(Balances b) => new()
    {
        Pledged = UsdProto(b.Pledged),
        Received = UsdProto(b.Received),
        Committed = UsdProto(b.Committed),
        Disbursed = UsdProto(b.Disbursed),
        Available = UsdProto(b.Available),
        Undisbursed = UsdProto(b.Undisbursed),
    };

    public static Proto.LedgerEntry ToProto(Domain.LedgerEntry e) => new()
    {
        Sequence = e.Sequence,
        Id = e.Id.ToString(),
        Kind = e.KindName,
        IatiTransactionType = e.IatiTransactionType,
        Organisation = e.Organisation,
        GrantId = e.GrantId?.ToString() ?? "",
        ProjectId = e.ProjectId?.ToString() ?? "",
        Country = e.Country is null ? Country.Unspecified : CommonMapping.ToCountry(e.Country),
        PriorityArea = e.PriorityArea is null ? PriorityArea.Unspecified : CommonMapping.ToPriorityArea(e.PriorityArea),
        Year = e.Year,
        ValueDate = e.ValueDate.ToIsoDate(),
        Amount = new Lmc.Contracts.Common.V1.Money { Currency = e.Currency, Amount = e.Amount.ToString("0.00", CultureInfo.InvariantCulture) },
        AmountUsd = UsdProto(e.AmountUsd),
        UsdRate = e.UsdRate.ToString(CultureInfo.InvariantCulture),
        Description = e.Description,
        RecordedAt = Timestamp.FromDateTimeOffset(e.RecordedAt),
        RecordedBy = e.RecordedBy,
    };

    public static Proto.Application ToProto(Domain.FundApplication a)
    {
        var proto = new Proto.Application
        {
            Id = a.Id.ToString(),
            CallYear = a.CallYear,
            ProjectId = a.ProjectId.ToString(),
            Country = CommonMapping.ToCountry(a.Country),
            PriorityArea = CommonMapping.ToPriorityArea(a.PriorityArea),
            ProjectTitle = a.ProjectTitle,
            Requested = UsdProto(a.RequestedUsd),
            Status = (Proto.ApplicationStatus)a.Status,
            GrantId = a.GrantId?.ToString() ?? "",
            DecisionNote = a.DecisionNote ?? "",
            SubmittedAt = Timestamp.FromDateTimeOffset(a.SubmittedAt),
            SubmittedBy = a.SubmittedBy,
            Version = a.Version,
        };
        if (a.Appraisal is { } p)
        {
            proto.Appraisal = new Proto.Appraisal
            {
                Relevance = p.Relevance, Feasibility = p.Feasibility, RegionalBenefit = p.RegionalBenefit, Sustainability = p.Sustainability,
                Total = p.Total, Passed = p.Passed, Note = p.Note ?? "", AppraisedBy = p.AppraisedBy, AppraisedAt = Timestamp.FromDateTimeOffset(p.AppraisedAt),
            };
        }

        return proto;
    }

    public static Proto.Grant ToProto(Domain.Grant g)
    {
        var proto = new Proto.Grant
        {
            Id = g.Id.ToString(),
            ApplicationId = g.ApplicationId.ToString(),
            ProjectId = g.ProjectId.ToString(),
            Country = CommonMapping.ToCountry(g.Country),
            PriorityArea = CommonMapping.ToPriorityArea(g.PriorityArea),
            CallYear = g.CallYear,
            Committed = UsdProto(g.CommittedUsd),
            Disbursed = UsdProto(g.DisbursedUsd),
            Status = (Proto.GrantStatus)g.Status,
            FinalReport = g.FinalReport ?? "",
            Version = g.Version,
        };
        proto.Tranches.AddRange(g.Tranches.Select(t => new Proto.Tranche
        {
            Number = t.Number, Amount = UsdProto(t.AmountUsd), Disbursed = UsdProto(t.DisbursedUsd), Status = (Proto.TrancheStatus)t.Status, ReportId = t.ReportId?.ToString() ?? "",
        }));
        proto.Amendments.AddRange(g.Amendments.Select(a => new Proto.Amendment
        {
            Number = a.Number, NewCommitment = UsdProto(a.NewCommitmentUsd), Reason = a.Reason, Status = (Proto.AmendmentStatus)a.Status,
            RequestedBy = a.RequestedBy, ApprovedBy = a.ApprovedBy ?? "",
        }));
        return proto;
    }
}
