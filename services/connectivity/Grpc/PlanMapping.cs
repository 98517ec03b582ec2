using Lmc.BuildingBlocks.Domain;
using Lmc.Connectivity.Application;
using Lmc.Connectivity.Domain;
using Proto = Lmc.Contracts.Connectivity.V1;

namespace Lmc.Connectivity.Grpc;

/// <summary>The connectivity plan to and from its messages.</summary>
public static class PlanMapping
{
    public static StrategicArea Area(Proto.StrategicArea area, string field) =>
        area == Proto.StrategicArea.Unspecified || !Enum.IsDefined((StrategicArea)area)
            ? throw new ValidationException(field, "is one of MPAC 2025's five strategic areas")
            : (StrategicArea)area;

    public static TargetSpec FromProto(Proto.PlanTarget target) =>
        new(target.Indicator, target.Unit, target.Baseline, target.BaselineYear, target.Target, target.TargetYear);

    public static Proto.PlanItem ToProto(PlanItemView view)
    {
        var item = view.Item;
        var proto = new Proto.PlanItem
        {
            Id = item.Id.ToString(), Code = item.Code, Title = item.Title, Area = (Proto.StrategicArea)item.Area, Description = item.Description,
            Progress = Math.Round(item.Progress, 4), Version = item.Version,
        };
        proto.Targets.AddRange(item.Targets.Select(t =>
        {
            var target = new Proto.PlanTarget
            {
                Indicator = t.Indicator, Unit = t.Unit, Baseline = t.Baseline, BaselineYear = t.BaselineYear, Target = t.Target,
                TargetYear = t.TargetYear, LatestOn = t.LatestOn?.ToString("yyyy-MM-dd") ?? "", Progress = Math.Round(t.Progress, 4),
            };
            if (t.Latest is { } latest)
            {
                target.Latest = latest;
            }

            return target;
        }));
        if (view.NetworkOperationalShare is { } share)
        {
            proto.NetworkOperationalShare = share;
        }

        proto.LinkCodes.AddRange(view.Links.Select(l => l.Code));
        proto.CorridorCodes.AddRange(view.Corridors.Select(c => c.Code));
        proto.ProjectIds.AddRange(item.ProjectIds.Select(id => id.ToString()));
        return proto;
    }
}
