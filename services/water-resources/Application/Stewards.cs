using Lmc.BuildingBlocks.Auth;
using Lmc.BuildingBlocks.Domain;
using Lmc.WaterResources.Domain;

namespace Lmc.WaterResources.Application;

/// <summary>
/// Who may write what (issue 16, "Security"). A station's observations, forecasts, levels and urgent notices are its
/// own country's: entered by that country's water focal point or Water Resources JWG member, never another's, and
/// not by the admin (a figure no country reported is not data). Each member country acknowledges its own copy of a
/// warning: its focal point, JWG member or secretariat. Checked before anything is validated.
/// </summary>
public static class Stewards
{
    public const string Area = "water-resources";

    public static void EnsureMayReportFor(Caller caller, StationInfo station, string what)
    {
        if (!caller.IsJwgMember(Area) && !caller.HasRole(LmcRoles.WaterFocalPoint))
        {
            throw new ForbiddenException(
                $"A station's {what} are entered by its country's {LmcRoles.WaterFocalPoint} "
                    + $"or {LmcRoles.Jwg(Area)} member.");
        }

        if (caller.Country != station.Country)
        {
            throw new ForbiddenException(
                $"{station.Name} ({station.Code}) is {MemberCountries.NameOf(station.Country)}'s station; "
                + $"its {what} are {station.Country}'s to enter, "
                + $"not {caller.Country ?? "a caller of no country"}'s.");
        }
    }

    /// <summary>The country whose copy the caller acknowledges: their own, in a role that answers for it.</summary>
    public static string EnsureMayAcknowledge(Caller caller)
    {
        if (!caller.IsJwgMember(Area) && !caller.HasRole(LmcRoles.WaterFocalPoint)
            && !caller.HasRole(LmcRoles.Secretariat))
        {
            throw new ForbiddenException(
                $"A country's copy of a warning is acknowledged by its {LmcRoles.WaterFocalPoint}, "
                    + $"{LmcRoles.Jwg(Area)} member or secretariat.");
        }

        return MemberCountries.IsMember(caller.Country) ? caller.Country!
            : throw new ForbiddenException(
                "Only a member country acknowledges a warning, each its own copy; this caller acts for none.");
    }

    /// <summary>The inbox a caller reads: their own country's; the admin names any.</summary>
    public static string InboxOf(Caller caller, string? asked)
    {
        if (caller.HasRole(LmcRoles.Admin))
        {
            return asked ?? throw new ValidationException("country", "is required for the admin: whose inbox to read");
        }

        if (!MemberCountries.IsMember(caller.Country))
        {
            throw new ForbiddenException("An inbox is a member country's; this caller acts for none.");
        }

        return asked is null || asked == caller.Country ? caller.Country!
            : throw new ForbiddenException($"A country reads its own inbox: {caller.Country}'s, not {asked}'s.");
    }
}
