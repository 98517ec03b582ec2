using Lmc.BuildingBlocks.Grpc;
using Lmc.Connectivity.Application;
using Proto = Lmc.Contracts.Connectivity.V1;

namespace Lmc.Connectivity.Grpc;

/// <summary>Power flows, trade and fibre capacity to their messages.</summary>
public static class PowerMapping
{
    public static Proto.PowerFlow ToProto(FlowView view)
    {
        var (flow, link) = (view.Flow, view.Link);
        return new()
        {
            LinkId = link.Id.ToString(), LinkCode = link.Code, Month = flow.Month,
            FromCountry = CommonMapping.ToCountry(flow.FromCountry), ToCountry = CommonMapping.ToCountry(flow.ToCountry),
            MwhForward = flow.MwhForward, MwhReverse = flow.MwhReverse, CapacityMw = flow.CapacityMw,
            UtilisationForward = Math.Round(flow.UtilisationForward, 4), UtilisationReverse = Math.Round(flow.UtilisationReverse, 4),
            Utilisation = Math.Round(flow.Utilisation, 4), Version = flow.Version,
        };
    }

    public static Proto.GetPowerTradeResponse ToProto(PowerTrade trade)
    {
        var response = new Proto.GetPowerTradeResponse { FromMonth = trade.FromMonth ?? "", ToMonth = trade.ToMonth ?? "" };
        response.Cells.AddRange(trade.Cells.Select(c => new Proto.PowerTradeCell
        {
            Exporter = CommonMapping.ToCountry(c.Exporter), Importer = CommonMapping.ToCountry(c.Importer), Mwh = c.Mwh,
        }));
        response.Countries.AddRange(trade.Countries.Select(c => new Proto.CountryPowerTrade
        {
            Country = CommonMapping.ToCountry(c.Country), ExportedMwh = c.ExportedMwh, ImportedMwh = c.ImportedMwh,
            NetExportMwh = c.NetExportMwh,
        }));
        response.Interconnectors.AddRange(trade.Interconnectors.Select(u => new Proto.InterconnectorUse
        {
            LinkId = u.Link.Id.ToString(), LinkCode = u.Link.Code, Name = u.Link.Name,
            FromCountry = CommonMapping.ToCountry(u.FromCountry), ToCountry = CommonMapping.ToCountry(u.ToCountry),
            CapacityMw = u.Link.CapacityMw ?? 0, MonthsReported = u.MonthsReported, MwhForward = u.MwhForward, MwhReverse = u.MwhReverse,
            Utilisation = u.Utilisation,
        }));
        return response;
    }

    public static Proto.FibreCountryPair ToProto(FibrePair pair)
    {
        var proto = new Proto.FibreCountryPair
        {
            CountryA = CommonMapping.ToCountry(pair.CountryA), CountryB = CommonMapping.ToCountry(pair.CountryB),
            OperationalGbps = pair.OperationalGbps, PipelineGbps = pair.PipelineGbps,
        };
        proto.LinkCodes.AddRange(pair.Links.Select(l => l.Code));
        return proto;
    }
}
