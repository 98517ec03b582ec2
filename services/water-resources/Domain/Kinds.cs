namespace Lmc.WaterResources.Domain;

// Numbers match the proto's enums (lmc.waterresources.v1), so mapping is a cast.

/// <summary>A station's status on its latest water level (DOMAIN.md, "Water"), most serious first in Rank.</summary>
public enum StationStatus
{
    Unknown = 1,
    Rising = 2,
    Stable = 3,
    Falling = 4,
    Alarm = 5,
    Flood = 6,
    Drought = 7,
}

public enum WarningKind
{
    Flood = 1,
    Alarm = 2,
    RapidRise = 3,
    Drought = 4,
    UrgentNotice = 5,
}

public enum ChangeDirection
{
    Rise = 1,
    Fall = 2,
}
