using Lmc.BuildingBlocks.Domain;

namespace Lmc.Connectivity.Domain;

public sealed record TargetSpec(string? Indicator, string? Unit, double Baseline, int BaselineYear, double Target, int TargetYear);

/// <summary>
/// A measurable target of a plan item: an indicator moving from a baseline to a target by a year ("median import
/// release time at NSEC crossings, hours: 24 in 2019 to 12 by 2025"). It may rise or fall; progress is the share of
/// the way covered by the latest value, 0 to 1.
/// </summary>
public sealed class PlanTarget
{
    private PlanTarget()
    {
    }

    public string Indicator { get; private set; } = "";

    public string Unit { get; private set; } = "";

    public double Baseline { get; private set; }

    public int BaselineYear { get; private set; }

    public double Target { get; private set; }

    public int TargetYear { get; private set; }

    public double? Latest { get; private set; }

    public DateOnly? LatestOn { get; private set; }

    public double Progress => Latest is not { } latest ? 0 : Math.Clamp((latest - Baseline) / (Target - Baseline), 0, 1);

    public static PlanTarget Create(TargetSpec spec, string field, ValidationErrors errors)
    {
        var (baseline, baselineYear, target, targetYear) = (spec.Baseline, spec.BaselineYear, spec.Target, spec.TargetYear);
        var made = new PlanTarget
        {
            Indicator = Codes.CheckName(spec.Indicator, field + ".indicator", errors),
            Unit = Codes.CheckName(spec.Unit, field + ".unit", errors, max: 40),
            Baseline = baseline,
            BaselineYear = baselineYear,
            Target = target,
            TargetYear = targetYear,
        };
        if (!double.IsFinite(baseline) || !double.IsFinite(target) || baseline == target)
        {
            errors.Add(field + ".target", "differs from the baseline (a target is a change)");
        }

        if (baselineYear is < 2000 or > 2100 || targetYear < baselineYear || targetYear > 2100)
        {
            errors.Add(field + ".target_year", "is a year from the baseline year to 2100 (baseline year from 2000)");
        }

        return made;
    }

    public void Record(double value, DateOnly on, DateOnly today)
    {
        var errors = new ValidationErrors();
        if (!double.IsFinite(value))
        {
            errors.Add("value", "is a number");
        }

        if (on > today)
        {
            errors.Add("as_of", "is in the future; record a value once it is measured");
        }
        else if (LatestOn is { } last && on < last)
        {
            errors.Add("as_of", $"is before the latest value's date ({last:yyyy-MM-dd}); values are recorded in order");
        }

        errors.ThrowIfAny();
        Latest = value;
        LatestOn = on;
    }
}

/// <summary>
/// An item of the Lancang-Mekong connectivity plan (para 21), under one of MPAC 2025's five strategic areas, with
/// its targets and what it is about on the network: links, corridors and the registry's projects.
/// </summary>
public sealed class PlanItem : ICoded
{
    public const int MaxTargets = 20;
    public const int MaxReferences = 200;

    private PlanItem()
    {
    }

    public Guid Id { get; private set; }

    public string Code { get; private set; } = "";

    public string Title { get; private set; } = "";

    public StrategicArea Area { get; private set; }

    public string Description { get; private set; } = "";

    public List<PlanTarget> Targets { get; private set; } = [];

    public Guid[] LinkIds { get; private set; } = [];

    public Guid[] CorridorIds { get; private set; } = [];

    public Guid[] ProjectIds { get; private set; } = [];

    public long Version { get; private set; }

    /// <summary>The mean of its targets' progress.</summary>
    public double Progress => Targets.Count == 0 ? 0 : Targets.Average(t => t.Progress);

    public static PlanItem Create(string? code, string? title, StrategicArea area, string? description,
        IReadOnlyList<TargetSpec> targets, IReadOnlyCollection<Guid> links,
        IReadOnlyCollection<Guid> corridors)
    {
        var errors = new ValidationErrors();
        var item = new PlanItem
        {
            Id = Guid.CreateVersion7(),
            Code = Codes.Check(code, "code", errors),
            Title = Codes.CheckName(title, "title", errors, max: 300),
            Area = area,
            Description = description?.Trim() ?? "",
            Targets = [.. targets.Select((t, i) => PlanTarget.Create(t, $"targets[{i}]", errors))],
            LinkIds = [.. links.Distinct()],
            CorridorIds = [.. corridors.Distinct()],
            Version = 1,
        };
        if (!Enum.IsDefined(area))
        {
            errors.Add("area", "is one of MPAC 2025's five strategic areas");
        }

        if (item.Description.Length > 4000)
        {
            errors.Add("description", "is at most 4000 characters");
        }

        if (targets.Count is 0 or > MaxTargets)
        {
            errors.Add("targets", $"a plan item has 1 to {MaxTargets} targets");
        }
        else if (item.Targets.Select(t => t.Indicator).Distinct(StringComparer.OrdinalIgnoreCase).Count() != item.Targets.Count)
        {
            errors.Add("targets", "two targets have the same indicator");
        }

        if (links.Count + corridors.Count > MaxReferences)
        {
            errors.Add("links", $"a plan item names at most {MaxReferences} links and corridors");
        }

        errors.ThrowIfAny();
        return item;
    }

    /// <summary>The registry's projects that serve it, checked before this is called.</summary>
    public void WithProjects(IReadOnlyCollection<Guid> projects) => ProjectIds = [.. projects.Distinct()];

    public PlanTarget RecordProgress(string? indicator, double value, DateOnly on, DateOnly today, long expectedVersion)
    {
        if (expectedVersion != 0 && expectedVersion != Version)
        {
            throw new ConcurrencyException("plan item", Code, expectedVersion, Version);
        }

        var target = Targets.SingleOrDefault(t => string.Equals(t.Indicator, indicator?.Trim(), StringComparison.OrdinalIgnoreCase))
                     ?? throw new ValidationException("indicator", $"is one of {Code}'s: {string.Join("; ", Targets.Select(t => t.Indicator))}");
        target.Record(value, on, today);
        Version++;
        return target;
    }
}
