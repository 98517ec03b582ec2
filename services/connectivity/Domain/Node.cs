using Lmc.BuildingBlocks.Domain;
using NetTopologySuite.Geometries;

namespace Lmc.Connectivity.Domain;

/// <summary>A place on the network: a city, a port, one side of a border crossing, a substation, a landing station.</summary>
public sealed class Node : ICoded
{
    private Node()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>The vertex number pgRouting knows it by (an identity column).</summary>
    public long Number { get; private set; }

    public string Code { get; private set; } = "";

    public string Name { get; private set; } = "";

    public NodeKind Kind { get; private set; }

    public string Country { get; private set; } = "";

    public Point Location { get; private set; } = null!;

    public static Node Create(string? code, string? name, NodeKind kind, string? country, double longitude, double latitude)
    {
        var errors = new ValidationErrors();
        var node = new Node
        {
            Id = Guid.CreateVersion7(),
            Code = Codes.Check(code, "code", errors),
            Name = Codes.CheckName(name, "name", errors),
            Kind = Enum.IsDefined(kind) ? kind : Fail(errors),
            Country = Codes.CheckCountry(country, "country", errors),
            Location = Geo.CheckPoint(longitude, latitude, "location", errors),
        };
        errors.ThrowIfAny();
        return node;
    }

    private static NodeKind Fail(ValidationErrors errors)
    {
        errors.Add("kind", "is required: city, seaport, river port, dry port, airport, border crossing, substation, "
            + "cable landing station or rail station");
        return default;
    }
}
