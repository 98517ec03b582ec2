namespace Lmc.WaterResources.Domain;

/// <summary>
/// A water level forecast for a station's day, 1 to 5 days after the day it was issued: the MRC issues them each
/// morning of the June-October season. The latest issue of a station is what its alarm status reads.
/// </summary>
public sealed class Forecast
{
    public const int MaxLeadDays = 5;

    /// <summary>The MRC's alarm situation: the flood level forecast to be reached within this many days.</summary>
    public const int AlarmHorizonDays = 3;

    private Forecast()
    {
    }

    public Forecast(
        string stationCode, DateTimeOffset issuedAt, DateOnly issuedOn, int leadDays, double levelM, string issuedBy)
    {
        StationCode = stationCode;
        IssuedAt = issuedAt;
        LeadDays = leadDays;
        TargetDate = issuedOn.AddDays(leadDays);
        LevelM = levelM;
        IssuedBy = issuedBy;
    }

    public string StationCode { get; private set; } = "";

    public DateTimeOffset IssuedAt { get; private set; }

    public int LeadDays { get; private set; }

    public DateOnly TargetDate { get; private set; }

    public double LevelM { get; private set; }

    public string IssuedBy { get; private set; } = "";
}
