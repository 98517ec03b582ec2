using Lmc.BuildingBlocks.Auth;
using Lmc.BuildingBlocks.Domain;

namespace Lmc.Connectivity.Application;

/// <summary>
/// Who may write what. The network (nodes, links, corridors, crossings) is the Connectivity JWG's, which the admin
/// may also correct; a crossing side's clearance times are its own country's, reported by that country's JWG member
/// or secretariat. Checked before anything is read or validated, so a refusal tells the caller nothing of the data.
/// </summary>
public static class Stewards
{
    public const string Area = "connectivity";

    public static void EnsureMayEditNetwork(Caller caller)
    {
        if (!caller.IsJwgMember(Area) && !caller.HasRole(LmcRoles.Admin))
        {
            throw new ForbiddenException($"Only the Connectivity JWG's members ({LmcRoles.Jwg(Area)}) and the admin may change the network.");
        }
    }

    public static void EnsureMayReportFor(Caller caller, string country)
    {
        if (!caller.IsJwgMember(Area) && !caller.HasRole(LmcRoles.Secretariat))
        {
            throw new ForbiddenException(
                $"A crossing's clearance times are reported by a member country's {LmcRoles.Jwg(Area)} member or secretariat.");
        }

        caller.EnsureActsFor(country, $"report clearance times for {country}'s side of a crossing");
    }

    /// <summary>
    /// A month of flows over an interconnector is metered at both ends: the JWG's member or a secretariat of either
    /// end's country reports it (the admin may correct it). The role is checked first; the country once the link is known.
    /// </summary>
    public static void EnsureMayReportFlows(Caller caller)
    {
        if (!caller.IsJwgMember(Area) && !caller.HasRole(LmcRoles.Secretariat) && !caller.HasRole(LmcRoles.Admin))
        {
            throw new ForbiddenException(
                $"Power flows are reported by a {LmcRoles.Jwg(Area)} member or secretariat of a country at either end of the line.");
        }
    }

    public static void EnsureMayReportFlowsOf(Caller caller, string fromCountry, string toCountry)
    {
        if (!caller.HasRole(LmcRoles.Admin) && caller.Country != fromCountry && caller.Country != toCountry)
        {
            throw new ForbiddenException(
                $"The line runs {fromCountry}-{toCountry}; its flows are reported by one of those countries, not {caller.Country ?? "no country"}.");
        }
    }
}
