using Lmc.BuildingBlocks.Domain;

namespace Lmc.Funding.Domain;

public enum GrantStatus
{
    Active = 1,
    Closed = 2,
}

public enum TrancheStatus
{
    AwaitingReport = 1,
    Released = 2,
    Disbursed = 3,
    Cancelled = 4,
}

public enum AmendmentStatus
{
    Requested = 1,
    Approved = 2,
}

/// <summary>A scheduled part of a grant, released by an accepted progress report of the project.</summary>
public sealed record Tranche(int Number, decimal AmountUsd, decimal DisbursedUsd, TrancheStatus Status, Guid? ReportId);

public sealed record Amendment(int Number, decimal NewCommitmentUsd, string Reason, AmendmentStatus Status, string RequestedBy, string? ApprovedBy);

/// <summary>
/// A grant: the commitment made by an approval, its tranches and their release by the project's
/// accepted progress reports, amendments, and closure after the final report. The money itself
/// lives in the ledger; the grant's amounts are kept in step in the same transaction.
/// </summary>
public sealed class Grant
{
    public const int ReasonMaxLength = 1000;
    public const int FinalReportMaxLength = 4000;

    private Grant()
    {
    }

    public Guid Id { get; private set; }
    public Guid ApplicationId { get; private set; }
    public Guid ProjectId { get; private set; }
    public string Country { get; private set; } = "";
    public string PriorityArea { get; private set; } = "";
    public int CallYear { get; private set; }
    public decimal CommittedUsd { get; private set; }
    public decimal DisbursedUsd { get; private set; }
    public GrantStatus Status { get; private set; }
    public List<Tranche> Tranches { get; private set; } = [];
    public List<Amendment> Amendments { get; private set; } = [];
    public string? FinalReport { get; private set; }
    /// <summary>When the approval created it: reports accepted before are not reports for its tranches.</summary>
    public DateTimeOffset CreatedAt { get; private set; }
    /// <summary>The commitment's value date: no disbursement is dated before it.</summary>
    public DateOnly CommittedOn { get; private set; }
    public long Version { get; private set; }

    public static Grant Create(FundApplication application, IReadOnlyList<decimal> tranches, DateOnly committedOn, DateTimeOffset now)
    {
        if (tranches.Count == 0 || tranches.Any(t => t <= 0 || decimal.Round(t, 2) != t) || tranches.Sum() != application.RequestedUsd)
        {
            throw new ValidationException("tranches", $"positive USD amounts (two decimals) that sum to the requested USD {application.RequestedUsd:N2}");
        }

        return new Grant
        {
            Id = Guid.CreateVersion7(now),
            ApplicationId = application.Id,
            ProjectId = application.ProjectId,
            Country = application.Country,
            PriorityArea = application.PriorityArea,
            CallYear = application.CallYear,
            CommittedUsd = application.RequestedUsd,
            Status = GrantStatus.Active,
            Tranches = [.. tranches.Select((amount, i) => new Tranche(i + 1, amount, 0, TrancheStatus.AwaitingReport, null))],
            CreatedAt = now,
            CommittedOn = committedOn,
            Version = 1,
        };
    }

    /// <summary>
    /// The next tranche waiting for a report is released by this accepted report (once per report);
    /// a report accepted before the grant existed, however late its news arrives, releases nothing.
    /// </summary>
    public bool ReleaseNextTranche(Guid reportId, DateTimeOffset acceptedAt)
    {
        if (Status != GrantStatus.Active || acceptedAt < CreatedAt || Tranches.Any(t => t.ReportId == reportId))
        {
            return false;
        }

        var next = Tranches.FirstOrDefault(t => t.Status == TrancheStatus.AwaitingReport);
        if (next is null)
        {
            return false;
        }

        Tranches = [.. Tranches.Select(t => t.Number == next.Number ? t with { Status = TrancheStatus.Released, ReportId = reportId } : t)];
        Version++;
        return true;
    }

    /// <summary>How much this disbursement may be: within the tranche's remainder and the grant's undisbursed commitment.</summary>
    public decimal CheckDisbursement(int number, decimal? requested)
    {
        EnsureActive();
        var tranche = Tranches.FirstOrDefault(t => t.Number == number) ?? throw new NotFoundException("Tranche", number.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (tranche.Status == TrancheStatus.AwaitingReport)
        {
            throw new RuleViolationException("tranche.awaiting-report", $"Tranche {number} is released only when the project's progress report for it is accepted.");
        }

        if (tranche.Status != TrancheStatus.Released)
        {
            throw new RuleViolationException("tranche.not-released", $"Tranche {number} is {tranche.Status.ToString().ToLowerInvariant()}.");
        }

        var amount = requested ?? tranche.AmountUsd - tranche.DisbursedUsd;
        if (amount <= 0 || decimal.Round(amount, 2) != amount)
        {
            throw new ValidationException("amount", "must be a positive USD amount with at most two decimals");
        }

        if (amount > tranche.AmountUsd - tranche.DisbursedUsd)
        {
            throw new RuleViolationException("tranche.exceeded", $"Tranche {number} has USD {tranche.AmountUsd - tranche.DisbursedUsd:N2} left; USD {amount:N2} exceeds it.");
        }

        return amount;
    }

    public void RecordDisbursement(int number, decimal amount)
    {
        Tranches = [.. Tranches.Select(t => t.Number != number ? t : t with
        {
            DisbursedUsd = t.DisbursedUsd + amount,
            Status = t.DisbursedUsd + amount == t.AmountUsd ? TrancheStatus.Disbursed : t.Status,
        })];
        DisbursedUsd += amount;
        Version++;
    }

    public Amendment RequestAmendment(decimal newCommitment, string? reason, string by)
    {
        EnsureActive();
        if (newCommitment <= 0 || decimal.Round(newCommitment, 2) != newCommitment)
        {
            throw new ValidationException("new_commitment", "must be a positive USD amount with at most two decimals");
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new ValidationException("reason", "is required");
        }

        if (Amendments.Any(a => a.Status == AmendmentStatus.Requested))
        {
            throw new RuleViolationException("amendment.pending", "An amendment is already waiting for approval.");
        }

        if (newCommitment == CommittedUsd)
        {
            throw new RuleViolationException("amendment.no-change", $"The grant's commitment is USD {CommittedUsd:N2} already.");
        }

        var amendment = new Amendment(Amendments.Count + 1, newCommitment, reason, AmendmentStatus.Requested, by, null);
        Amendments = [.. Amendments, amendment];
        Version++;
        return amendment;
    }

    /// <summary>
    /// Applies an approved amendment: the commitment changes by the returned delta, and the last
    /// tranches not yet released absorb it (a cut may not go below what is disbursed or released).
    /// </summary>
    public decimal ApproveAmendment(int number, string by)
    {
        EnsureActive();
        var amendment = Amendments.FirstOrDefault(a => a.Number == number) ?? throw new NotFoundException("Amendment", number.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (amendment.Status != AmendmentStatus.Requested)
        {
            throw new RuleViolationException("amendment.decided", $"Amendment {number} is already approved.");
        }

        if (amendment.RequestedBy == by)
        {
            throw new RuleViolationException("amendment.four-eyes", "Whoever requested an amendment does not also approve it.");
        }

        var delta = amendment.NewCommitmentUsd - CommittedUsd;
        var open = Tranches.Where(t => t.Status == TrancheStatus.AwaitingReport).ToList();
        if (delta < 0 && -delta > open.Sum(t => t.AmountUsd))
        {
            throw new RuleViolationException("amendment.below-released", $"Only tranches not yet released can be cut: at most USD {open.Sum(t => t.AmountUsd):N2}.");
        }

        Tranches = Resize(delta);
        CommittedUsd = amendment.NewCommitmentUsd;
        Amendments = [.. Amendments.Select(a => a.Number == number ? a with { Status = AmendmentStatus.Approved, ApprovedBy = by } : a)];
        Version++;
        return delta;
    }

    /// <summary>Closure after the final report: what was committed but not disbursed is released (returned as a positive amount).</summary>
    public decimal Close(string? finalReport)
    {
        EnsureActive();
        if (string.IsNullOrWhiteSpace(finalReport))
        {
            throw new ValidationException("final_report", "is required: the project's final report closes the grant");
        }

        if (Amendments.Any(a => a.Status == AmendmentStatus.Requested))
        {
            throw new RuleViolationException("amendment.pending", "An amendment is waiting for approval; decide it before closing the grant.");
        }

        var release = CommittedUsd - DisbursedUsd;
        Tranches = [.. Tranches.Select(t => t.Status is TrancheStatus.Disbursed ? t : t with { Status = TrancheStatus.Cancelled })];
        CommittedUsd = DisbursedUsd;
        FinalReport = finalReport;
        Status = GrantStatus.Closed;
        Version++;
        return release;
    }

    private List<Tranche> Resize(decimal delta)
    {
        var tranches = Tranches.ToList();
        if (delta > 0)
        {
            // More money: a new tranche at the end, released by the next report like the others.
            tranches.Add(new Tranche(tranches.Count + 1, delta, 0, TrancheStatus.AwaitingReport, null));
            return tranches;
        }

        var cut = -delta;
        for (var i = tranches.Count - 1; i >= 0 && cut > 0; i--)
        {
            if (tranches[i].Status != TrancheStatus.AwaitingReport)
            {
                continue;
            }

            var take = Math.Min(cut, tranches[i].AmountUsd);
            cut -= take;
            tranches[i] = tranches[i].AmountUsd == take ? tranches[i] with { AmountUsd = 0, Status = TrancheStatus.Cancelled } : tranches[i] with { AmountUsd = tranches[i].AmountUsd - take };
        }

        return tranches;
    }

    private void EnsureActive()
    {
        if (Status != GrantStatus.Active)
        {
            throw new RuleViolationException("grant.closed", "The grant is closed.");
        }
    }
}
