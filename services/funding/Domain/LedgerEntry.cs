namespace Lmc.Funding.Domain;

public enum LedgerKind
{
    /// <summary>IATI 13, incoming pledge: promised, not yet money.</summary>
    Pledge = 1,

    /// <summary>IATI 1, incoming funds: what may be committed.</summary>
    IncomingFunds = 2,

    /// <summary>IATI 2, outgoing commitment; negative when an amendment or closure releases part of it.</summary>
    Commitment = 3,

    /// <summary>IATI 3, disbursement.</summary>
    Disbursement = 4,
}

/// <summary>
/// One movement of the fund, appended and never changed (the table refuses UPDATE and DELETE).
/// Every balance is a sum of these: the money as received and in USD at its value date's rate.
/// </summary>
public sealed class LedgerEntry
{
    public const int DescriptionMaxLength = 1000;

    public long Sequence { get; init; }
    public Guid Id { get; init; }
    public LedgerKind Kind { get; init; }
    public string Organisation { get; init; } = Organisations.SpecialFund;
    public Guid? GrantId { get; init; }
    public Guid? ProjectId { get; init; }
    public string? Country { get; init; }
    public string? PriorityArea { get; init; }
    public int Year { get; init; }
    public DateOnly ValueDate { get; init; }
    public string Currency { get; init; } = "USD";
    public decimal Amount { get; init; }
    public decimal UsdRate { get; init; } = 1m;
    public decimal AmountUsd { get; init; }
    public string Description { get; init; } = "";
    public DateTimeOffset RecordedAt { get; init; }
    public string RecordedBy { get; init; } = "";

    public string IatiTransactionType => Kind switch
    {
        LedgerKind.Pledge => "13",
        LedgerKind.IncomingFunds => "1",
        LedgerKind.Commitment => "2",
        _ => "3",
    };

    public string KindName => Kind switch
    {
        LedgerKind.Pledge => "pledge",
        LedgerKind.IncomingFunds => "incoming-funds",
        LedgerKind.Commitment => "commitment",
        _ => "disbursement",
    };
}

/// <summary>USD for one unit of a currency on a value date.</summary>
public sealed class ExchangeRate
{
    public string Currency { get; init; } = "";
    public DateOnly ValueDate { get; init; }
    public decimal UsdPerUnit { get; init; }
    public DateTimeOffset RecordedAt { get; init; }
    public string RecordedBy { get; init; } = "";
}
