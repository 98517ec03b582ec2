using System.Text.Json;

namespace Lmc.WaterResources.Domain;

/// <summary>
/// A parameter's target in an index: met when the value is within the bounds given (either may be open).
/// </summary>
public sealed record QualityTarget(string Property, double? Min, double? Max)
{
    public bool IsMetBy(double value) => (Min is not { } low || value >= low) && (Max is not { } high || value <= high);
}

/// <summary>A class of an index, reached from <see cref="AtLeast"/> upwards.</summary>
public sealed record QualityClass(string Name, double AtLeast);

/// <summary>What an index made of one or more samples: the points scored of the parameters measured.</summary>
public sealed record QualityScore(
    double Index,
    QualityClass Class,
    int Rank,
    int Measured,
    int Met,
    IReadOnlyList<string> Failed);

/// <summary>
/// One of the MRC's water-quality indices (for human health, for aquatic life): its targets and classes, from
/// Seed/water-quality.json. A parameter measured scores a point when it meets its target; the index is ten times the
/// share of points, over a sample or a year of samples.
/// </summary>
public sealed record QualityIndex(
    string Code,
    string Name,
    IReadOnlyList<QualityClass> Classes,
    IReadOnlyList<QualityTarget> Targets)
{
    /// <summary>
    /// The score of the samples given (each a property to value map), or null when none measured a target.
    /// </summary>
    public QualityScore? Score(IEnumerable<IReadOnlyDictionary<string, double>> samples)
    {
        int measured = 0, met = 0;
        var failed = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var sample in samples)
        {
            foreach (var target in Targets)
            {
                if (sample.TryGetValue(target.Property, out var value))
                {
                    measured++;
                    if (target.IsMetBy(value))
                    {
                        met++;
                    }
                    else
                    {
                        failed.Add(target.Property);
                    }
                }
            }
        }

        if (measured == 0)
        {
            return null;
        }

        var index = Math.Round(10.0 * met / measured, 2);
        var rank = Classes.Select((c, i) => (c, i)).First(x => index >= x.c.AtLeast).i;
        return new QualityScore(index, Classes[rank], rank + 1, measured, met, [.. failed]);
    }
}

/// <summary>The indices the service classifies by, read once at start and checked against the catalogue.</summary>
public sealed class WaterQualityRules
{
    public WaterQualityRules(IEnumerable<string> parameters, IEnumerable<QualityIndex> indices, Catalogue catalogue)
    {
        Parameters = [.. parameters];
        Indices = [.. indices];
        var strays = Parameters.Where(p => !catalogue.HasProperty(p)).ToList();
        if (strays.Count > 0)
        {
            throw new InvalidOperationException($"Water-quality parameters unknown: {string.Join(", ", strays)}.");
        }

        foreach (var index in Indices)
        {
            var unknown = index.Targets.Select(t => t.Property).Where(p => !Parameters.Contains(p)).ToList();
            var classes = index.Classes;
            var descending = classes.Zip(classes.Skip(1)).All(pair => pair.First.AtLeast > pair.Second.AtLeast);
            if (unknown.Count > 0 || classes.Count == 0 || !descending || classes[^1].AtLeast > 0
                || index.Targets.Any(t => t.Min is null && t.Max is null))
            {
                throw new InvalidOperationException(
                    $"Water-quality index {index.Code}: classes must descend to 0 and each target name one of the "
                        + $"parameters and a bound (not: {string.Join(", ", unknown)}).");
            }
        }
    }

    /// <summary>The water-quality parameters a sample is made of, in the file's order.</summary>
    public IReadOnlyList<string> Parameters { get; }

    public IReadOnlyList<QualityIndex> Indices { get; }

    public static WaterQualityRules Parse(string json, Catalogue catalogue)
    {
        var file = JsonSerializer.Deserialize<RulesFile>(json, Options)
            ?? throw new InvalidOperationException("water-quality.json is empty.");
        return new(file.Parameters, file.Indices, catalogue);
    }

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    private sealed record RulesFile(List<string> Parameters, List<QualityIndex> Indices);
}
