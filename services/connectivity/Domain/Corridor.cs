using Lmc.BuildingBlocks.Domain;

namespace Lmc.Connectivity.Domain;

/// <summary>
/// A named, ordered path of links: a GMS economic corridor, the China-Laos railway corridor, the Lancang-Mekong
/// waterway. Consecutive links share a node, whichever way each was drawn; its figures are computed from the links.
/// </summary>
public sealed class Corridor : ICoded
{
    public const int MaxLinks = 500;

    private Corridor()
    {
    }

    public Guid Id { get; private set; }

    public string Code { get; private set; } = "";

    public string Name { get; private set; } = "";

    public string Description { get; private set; } = "";

    public Guid[] LinkIds { get; private set; } = [];

    /// <summary>The nodes it passes, from one end to the other (derived from the links on creation).</summary>
    public Guid[] NodeIds { get; private set; } = [];

    public Guid Origin => NodeIds[0];

    public Guid Destination => NodeIds[^1];

    public static Corridor Create(string? code, string? name, string? description, IReadOnlyList<Link> links)
    {
        var errors = new ValidationErrors();
        var corridor = new Corridor
        {
            Id = Guid.CreateVersion7(),
            Code = Codes.Check(code, "code", errors),
            Name = Codes.CheckName(name, "name", errors),
            Description = description?.Trim() ?? "",
            LinkIds = [.. links.Select(l => l.Id)],
        };
        if (corridor.Description.Length > 4000)
        {
            errors.Add("description", "is at most 4000 characters");
        }

        if (links.Count == 0 || links.Count > MaxLinks)
        {
            errors.Add("links", $"a corridor is 1 to {MaxLinks} links, in order");
        }
        else if (links.Select(l => l.Id).Distinct().Count() != links.Count)
        {
            errors.Add("links", "a link appears twice; a corridor passes each link once");
        }
        else if (links.Any(l => !LinkModes.Freight.Contains(l.Mode)))
        {
            errors.Add("links", "a corridor carries freight: power and fibre links belong to no corridor");
        }
        else
        {
            corridor.NodeIds = Chain(links, errors);
        }

        errors.ThrowIfAny();
        return corridor;
    }

    /// <summary>The corridor's figures from its links as they are now.</summary>
    public CorridorFigures Figures(IReadOnlyDictionary<Guid, Link> links)
    {
        var mine = LinkIds.Select(id => links[id]).ToList();
        var length = mine.Sum(l => l.LengthKm);
        var open = mine.Where(l => l.IsOpen).Sum(l => l.LengthKm);
        return new CorridorFigures(
            Math.Round(length, 1),
            [.. mine.Select(l => l.Mode).Distinct().Order()],
            length == 0 ? 0 : Math.Round(open / length, 4),
            mine.GroupBy(l => l.Status).ToDictionary(g => g.Key, g => g.Count()),
            [.. mine.SelectMany(l => l.ProjectIds).Distinct()]);
    }

    private static Guid[] Chain(IReadOnlyList<Link> links, ValidationErrors errors)
    {
        if (links.Count == 1)
        {
            return [links[0].FromNodeId, links[0].ToNodeId];
        }

        // The first link's far end is the node it shares with the second.
        var first = links[0];
        var second = links[1];
        var start = second.FromNodeId == first.ToNodeId || second.ToNodeId == first.ToNodeId ? first.FromNodeId : first.ToNodeId;
        var nodes = new List<Guid> { start };
        var at = start;
        for (var i = 0; i < links.Count; i++)
        {
            var link = links[i];
            if (link.FromNodeId == at)
            {
                at = link.ToNodeId;
            }
            else if (link.ToNodeId == at)
            {
                at = link.FromNodeId;
            }
            else
            {
                errors.Add("links", $"link {i + 1} ({link.Code}) does not start where link {i} ({links[i - 1].Code}) ends");
                return [];
            }

            nodes.Add(at);
        }

        return [.. nodes];
    }
}

public sealed record CorridorFigures(double LengthKm, IReadOnlyList<LinkMode> Modes, double OperationalShare,
    IReadOnlyDictionary<LinkStatus, int> LinksByStatus, IReadOnlyList<Guid> ProjectIds);
