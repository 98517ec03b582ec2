using Lmc.BuildingBlocks.Auth;
using Lmc.BuildingBlocks.Domain;
using Lmc.Connectivity.Contracts;
using Lmc.Connectivity.Data;
using Lmc.Connectivity.Domain;
using Microsoft.EntityFrameworkCore;

namespace Lmc.Connectivity.Application;

/// <summary>A month of flows as reported; ExpectedVersion is 0 for the first report, the version read to correct one.</summary>
public sealed record NewPowerFlow(string? Link, string? Month, double MwhForward, double MwhReverse, long ExpectedVersion);

/// <summary>Monthly power flows over the interconnectors (Plan of Action para 24), each saved with its event.</summary>
public sealed class PowerCommands(ConnectivityDbContext db, TimeProvider time)
{
    public async Task<(PowerFlow Flow, Link Link)> RecordAsync(Caller caller, NewPowerFlow request, CancellationToken ct)
    {
        Stewards.EnsureMayReportFlows(caller);
        var link = await db.LinkAsync(request.Link, "link", ct);
        var (from, to) = await db.EndCountriesAsync(link, ct);
        Stewards.EnsureMayReportFlowsOf(caller, from, to);
        var now = time.GetUtcNow();
        var month = PowerFlow.ParseMonth(request.Month, "month");
        var flow = await db.PowerFlows.SingleOrDefaultAsync(f => f.LinkId == link.Id && f.MonthStart == month, ct);
        if (flow is null)
        {
            if (request.ExpectedVersion != 0)
            {
                throw new NotFoundException("power flow", $"{link.Code} {request.Month}");
            }

            flow = PowerFlow.Create(link, from, to, request.Month, request.MwhForward, request.MwhReverse, caller.Subject, now);
            db.PowerFlows.Add(flow);
        }
        else if (request.ExpectedVersion == 0)
        {
            throw new ConflictException(
                $"{flow.Month} is reported for {link.Code} already (version {flow.Version}); give expected_version to correct it.");
        }
        else
        {
            flow.Correct(request.MwhForward, request.MwhReverse, request.ExpectedVersion, caller.Subject, now);
        }

        db.Publish(new PowerFlowRecorded(link.Id, link.Code, flow.Month, flow.FromCountry, flow.ToCountry, flow.MwhForward,
            flow.MwhReverse, flow.CapacityMw, Math.Round(flow.Utilisation, 4), flow.Version, now), link.Id);
        await db.SaveChangesAsync(ct);
        return (flow, link);
    }
}
