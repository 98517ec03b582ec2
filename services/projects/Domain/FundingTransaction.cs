namespace Lmc.Projects.Domain;

/// <summary>
/// Money the LMC Special Fund committed (IATI 2) or disbursed (IATI 3) for a project, as the
/// funding service announced it: what the implementation report and the IATI export show. The
/// fund's ledger stays the record; this is the registry's copy, one row per event.
/// </summary>
public sealed class FundingTransaction
{
    public Guid Id { get; init; }
    public Guid ProjectId { get; init; }
    public Guid GrantId { get; init; }
    /// <summary>IATI transaction type: "2" outgoing commitment, "3" disbursement.</summary>
    public string Type { get; init; } = "";
    public decimal AmountUsd { get; init; }
    public DateOnly ValueDate { get; init; }
    public string Description { get; init; } = "";
    public DateTimeOffset ReceivedAt { get; init; }
}
