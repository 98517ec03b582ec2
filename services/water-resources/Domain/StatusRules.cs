namespace Lmc.WaterResources.Domain;

/// <summary>What a station's recent record says, gathered from its observations and forecasts for the rules.</summary>
/// <param name="Level">The latest water level.</param>
/// <param name="ObservedAt">When it was observed.</param>
/// <param name="Change24h">The change against the level observed 24 hours (up to 36) before, if there is one.</param>
/// <param name="BelowDroughtSince">
/// When the run of levels below the drought level that ends at the latest began.
/// </param>
/// <param name="ForecastPeak">The highest level of the latest forecast over the alarm horizon, and its date.</param>
public sealed record StationRecord(
    double Level,
    DateTimeOffset ObservedAt,
    double? Change24h,
    DateTimeOffset? BelowDroughtSince,
    (double Level, DateOnly Date)? ForecastPeak);

/// <summary>The status a station is in and the conditions that hold (each a warning of its kind).</summary>
public sealed record Evaluation(StationStatus Status, IReadOnlySet<WarningKind> Conditions, string AlarmReason);

/// <summary>
/// The status and warning rules (DOMAIN.md, "Water"; the MRC's definitions in reference/water/README.md), on gauge
/// readings compared to the millimetre:
/// <list type="bullet">
/// <item>flood: the flood level is exceeded (a level exactly at it has reached it, which is an alarm);</item>
/// <item>alarm: the country's alarm level or the flood level is reached, or the latest forecast reaches the flood
/// level within 3 days (the MRC's alarm situation);</item>
/// <item>drought: below the drought level without a break for the whole drought window;</item>
/// <item>rapid rise: a rise over 24 hours at least the station's threshold;</item>
/// <item>otherwise rising, falling or stable by the 24-hour change against the stable band.</item>
/// </list>
/// A flood supersedes an alarm; rapid rise can hold beside any of them.
/// </summary>
public static class StatusRules
{
    /// <summary>A 24-hour change within this many metres either way is stable.</summary>
    public const double StableBandM = 0.05;

    public static Evaluation Evaluate(StationRecord record, LevelSet levels)
    {
        var level = Mm(record.Level);
        var conditions = new HashSet<WarningKind>();
        var alarmReason = "";
        if (levels.FloodM is { } flood && level > Mm(flood))
        {
            conditions.Add(WarningKind.Flood);
        }
        else if (levels.FloodM is { } reached && level == Mm(reached))
        {
            alarmReason = $"the level reached the flood level of {reached:0.00} m";
        }
        else if (levels.FloodM is { } f && record.ForecastPeak is { } peak && Mm(peak.Level) >= Mm(f))
        {
            alarmReason = $"the flood level of {f:0.00} m is forecast to be reached by {peak.Date:yyyy-MM-dd} "
                + $"({peak.Level:0.00} m)";
        }
        else if (levels.AlarmM is { } alarm && level >= Mm(alarm))
        {
            alarmReason = $"the level reached the alarm level of {alarm:0.00} m";
        }

        if (alarmReason.Length > 0)
        {
            conditions.Add(WarningKind.Alarm);
        }

        if (levels.DroughtM is { } drought && level < Mm(drought) && record.BelowDroughtSince is { } since
            && record.ObservedAt - since >= TimeSpan.FromDays(levels.DroughtWindowDays))
        {
            conditions.Add(WarningKind.Drought);
        }

        if (levels.RapidRiseMPer24h is { } rise && record.Change24h is { } change && Mm(change) >= Mm(rise))
        {
            conditions.Add(WarningKind.RapidRise);
        }

        var status = conditions.Contains(WarningKind.Flood) ? StationStatus.Flood
            : conditions.Contains(WarningKind.Alarm) ? StationStatus.Alarm
            : conditions.Contains(WarningKind.Drought) ? StationStatus.Drought
            : record.Change24h is not { } c ? StationStatus.Unknown
            : c > StableBandM ? StationStatus.Rising
            : c < -StableBandM ? StationStatus.Falling
            : StationStatus.Stable;
        return new Evaluation(status, conditions, alarmReason);
    }

    /// <summary>
    /// Gauges read to the centimetre and levels are set to it: millimetres compare exactly where doubles do not.
    /// </summary>
    private static long Mm(double metres) => (long)Math.Round(metres * 1000, MidpointRounding.AwayFromZero);
}
