using Lmc.BuildingBlocks.Domain;

namespace Lmc.Funding.Domain;

/// <summary>A country's share of a year's call, in USD.</summary>
public sealed record CountryEnvelope(string Country, decimal AmountUsd);

/// <summary>
/// A year's call for applications: the window in which secretariats apply, and an envelope per
/// member country that approvals may not exceed.
/// </summary>
public sealed class FundingCall
{
    private FundingCall()
    {
    }

    public int Year { get; private set; }
    public DateTimeOffset OpensAt { get; private set; }
    public DateTimeOffset ClosesAt { get; private set; }
    public List<CountryEnvelope> Envelopes { get; private set; } = [];
    public DateTimeOffset CreatedAt { get; private set; }

    public static FundingCall Open(int year, DateTimeOffset opensAt, DateTimeOffset closesAt, IReadOnlyList<CountryEnvelope> envelopes, DateTimeOffset now)
    {
        var errors = new ValidationErrors();
        if (year is < 2016 or > 2100)
        {
            errors.Add("year", "must be between 2016 and 2100");
        }

        if (closesAt <= opensAt)
        {
            errors.Add("closes_at", "must be after opens_at");
        }

        if (envelopes.Count == 0 || envelopes.Any(e => !MemberCountries.IsMember(e.Country) || e.AmountUsd <= 0 || decimal.Round(e.AmountUsd, 2) != e.AmountUsd)
            || envelopes.Select(e => e.Country).Distinct().Count() != envelopes.Count)
        {
            errors.Add("envelopes", "one positive USD amount (at most two decimals) per member country, each country once");
        }

        errors.ThrowIfAny();
        return new FundingCall { Year = year, OpensAt = opensAt, ClosesAt = closesAt, Envelopes = [.. envelopes.OrderBy(e => e.Country, StringComparer.Ordinal)], CreatedAt = now };
    }

    public decimal EnvelopeOf(string country) => Envelopes.FirstOrDefault(e => e.Country == country)?.AmountUsd ?? 0;

    public void EnsureOpen(DateTimeOffset now)
    {
        if (now < OpensAt || now >= ClosesAt)
        {
            throw new RuleViolationException("call.closed", $"The {Year} call takes applications from {OpensAt:u} until {ClosesAt:u}.");
        }
    }
}
