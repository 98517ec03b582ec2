using Lmc.Contracts.IntegrationEvents;

namespace Lmc.Funding.Contracts;

// Events of the funding service (the LMC Special Fund): every change of a grant's commitment
// (IATI transaction type 2) and every disbursement (type 3), in USD, for the projects service's
// IATI export and implementation report and anyone following the fund.

/// <summary>A commitment made or changed: Kind "original", "amendment" or "release" (closure); AmountUsd is the change, negative when released.</summary>
[EventName("lmc.funding.commitment-made.v1")]
public sealed record CommitmentMade(
    Guid GrantId, Guid ProjectId, string Country, string PriorityArea, int CallYear, decimal AmountUsd, DateOnly ValueDate, string Kind, DateTimeOffset OccurredAt)
    : IIntegrationEvent;

/// <summary>A disbursement against a tranche released by an accepted progress report.</summary>
[EventName("lmc.funding.disbursement-made.v1")]
public sealed record DisbursementMade(
    Guid GrantId, Guid ProjectId, string Country, string PriorityArea, int Tranche, decimal AmountUsd, DateOnly ValueDate, DateTimeOffset OccurredAt)
    : IIntegrationEvent;
