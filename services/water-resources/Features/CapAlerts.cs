using System.Globalization;
using System.Xml.Linq;
using Lmc.BuildingBlocks.Domain;
using Lmc.WaterResources.Domain;

namespace Lmc.WaterResources.Features;

/// <summary>
/// A warning as an OASIS Common Alerting Protocol 1.2 alert, the format national disaster agencies and WMO's alert
/// hubs read. Beyond the schema it keeps what CAP 1.2 requires and hubs expect: times with explicit offsets (UTC
/// as -00:00, never Z), identifier and sender without spaces or commas, a lifted warning as a Cancel that
/// references the alert it ends, and an area in every info: the station's reach as a circle and its ISO 3166-2
/// units as geocodes.
/// </summary>
public static class CapAlerts
{
    public static readonly XNamespace Cap = "urn:oasis:names:tc:emergency:cap:1.2";

    public const string Sender = "water-resources.lmc-platform.org";

    public const string ContentType = "application/cap+xml";

    public static string IdentifierOf(Warning w) => $"lmc-water-resources-{w.Id:N}";

    public static string CancelIdentifierOf(Warning w) => IdentifierOf(w) + "-cancel";

    /// <summary>The alert that issued the warning, or the Cancel that lifted it.</summary>
    public static XElement Of(Warning w, StationInfo station, bool asCancel)
    {
        var sent = asCancel ? w.LiftedAt!.Value : w.IssuedAt;
        var alert = new XElement(Cap + "alert",
            new XElement(Cap + "identifier", asCancel ? CancelIdentifierOf(w) : IdentifierOf(w)),
            new XElement(Cap + "sender", Sender),
            new XElement(Cap + "sent", Time(sent)),
            new XElement(Cap + "status", "Actual"),
            new XElement(Cap + "msgType", asCancel ? "Cancel" : "Alert"),
            new XElement(
                Cap + "source", $"LMC Water Resources JWG, station data of {MemberCountries.NameOf(station.Country)}"),
            new XElement(Cap + "scope", "Public"));
        if (asCancel)
        {
            alert.Add(new XElement(Cap + "note", "Lifted: " + w.LiftReason),
                new XElement(Cap + "references", $"{Sender},{IdentifierOf(w)},{Time(w.IssuedAt)}"));
        }

        alert.Add(Info(w, station, asCancel));
        return alert;
    }

    private static XElement Info(Warning w, StationInfo station, bool asCancel)
    {
        var (eventName, urgency, severity, certainty, response) = w.Kind switch
        {
            WarningKind.Flood => ("River flood", "Immediate", "Severe", "Observed", "Prepare"),
            WarningKind.Alarm => (
                "River flood alarm", "Expected", "Moderate", w.ForecastDate is null ? "Observed" : "Likely", "Monitor"),
            WarningKind.RapidRise => ("Rapid rise of river level", "Immediate", "Moderate", "Observed", "Monitor"),
            WarningKind.Drought => ("Hydrological drought", "Expected", "Moderate", "Observed", "Monitor"),
            _ => ("Unusual river level change", "Expected", "Moderate", "Likely", "Monitor"),
        };
        var onset = w.ObservedAt;
        // Hubs drop alerts without an end; an open warning is restated each day it holds, so a day past its reading.
        var expires = w.ValidUntil ?? (asCancel ? w.LiftedAt!.Value : Later(onset, w.IssuedAt).AddHours(24));
        var info = new XElement(Cap + "info",
            new XElement(Cap + "language", "en-US"),
            new XElement(Cap + "category", "Met"),
            new XElement(Cap + "event", eventName),
            new XElement(Cap + "responseType", asCancel ? "AllClear" : response),
            new XElement(Cap + "urgency", asCancel ? "Past" : urgency),
            new XElement(Cap + "severity", asCancel ? "Minor" : severity),
            new XElement(Cap + "certainty", certainty),
            new XElement(
                Cap + "eventCode",
                new XElement(Cap + "valueName", "lmc:warning-kind"),
                new XElement(Cap + "value", Words.Of(w.Kind))),
            new XElement(Cap + "onset", Time(onset)),
            new XElement(Cap + "expires", Time(expires > onset ? expires : onset.AddMinutes(1))),
            new XElement(Cap + "senderName", "Lancang-Mekong Cooperation, Water Resources JWG"),
            new XElement(Cap + "headline", Truncate(asCancel ? "Lifted: " + w.Headline : w.Headline, 160)),
            new XElement(Cap + "description", asCancel ? $"{w.Description} Lifted: {w.LiftReason}." : w.Description),
            Parameter("stationCode", station.Code),
            Parameter("waterLevelM", w.ValueM.ToString("0.00", CultureInfo.InvariantCulture)));
        if (w.ThresholdM is { } threshold)
        {
            info.Add(Parameter("thresholdM", threshold.ToString("0.00", CultureInfo.InvariantCulture)));
        }

        if (w.LevelVersion is { } version)
        {
            info.Add(Parameter("levelVersion", version.ToString(CultureInfo.InvariantCulture)));
        }

        var area = new XElement(Cap + "area", new XElement(Cap + "areaDesc",
            $"The {station.River} at {station.Name} ({MemberCountries.NameOf(station.Country)}) and its reach: "
                + $"{string.Join(", ", w.ReachUnits)}"));
        if (station.Latitude is { } lat && station.Longitude is { } lon)
        {
            area.Add(new XElement(
                Cap + "circle",
                string.Create(
                    CultureInfo.InvariantCulture, $"{lat:0.0####},{lon:0.0####} {station.ReachRadiusKm:0.#}")));
        }

        foreach (var unit in w.ReachUnits)
        {
            area.Add(new XElement(
                Cap + "geocode", new XElement(Cap + "valueName", "ISO3166-2"), new XElement(Cap + "value", unit)));
        }

        info.Add(area);
        return info;
    }

    private static XElement Parameter(string name, string value) =>
        new(Cap + "parameter", new XElement(Cap + "valueName", name), new XElement(Cap + "value", value));

    private static DateTimeOffset Later(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    /// <summary>CAP 1.2 date-times: seconds, an explicit offset, UTC written -00:00.</summary>
    public static string Time(DateTimeOffset instant) =>
        instant.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture) + "-00:00";

    private static string Truncate(string text, int length) =>
        text.Length <= length ? text : text[..(length - 1)] + "…";
}
