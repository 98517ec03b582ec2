namespace Lmc.WaterResources.Domain;

/// <summary>
/// A station's status as of its latest water level, kept so the profile and lists read one row per station.
/// </summary>
public sealed class StationState
{
    private StationState()
    {
    }

    public StationState(string stationCode) => StationCode = stationCode;

    public string StationCode { get; private set; } = "";

    public StationStatus Status { get; private set; } = StationStatus.Unknown;

    public double? LevelM { get; private set; }

    public DateTimeOffset? ObservedAt { get; private set; }

    public double? Change24hM { get; private set; }

    public int LevelVersion { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public long Version { get; private set; }

    public void Update(StationRecord record, Evaluation evaluation, LevelSet levels, DateTimeOffset now)
    {
        Status = evaluation.Status;
        LevelM = record.Level;
        ObservedAt = record.ObservedAt;
        Change24hM = record.Change24h is { } c ? Math.Round(c, 3) : null;
        LevelVersion = levels.Version;
        UpdatedAt = now;
        Version++;
    }
}
