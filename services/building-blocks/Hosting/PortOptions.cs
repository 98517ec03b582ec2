namespace Lmc.BuildingBlocks.Hosting;

/// <summary>
/// The two listeners of every service (section <c>Ports</c>, env <c>Ports__Http</c>,
/// <c>Ports__Grpc</c>): HTTP/1.1 for REST, health and OpenAPI; HTTP/2 without TLS (h2c) for gRPC.
/// Cleartext HTTP/2 needs prior knowledge, which an HTTP/1.1 listener cannot offer, hence two.
/// </summary>
public sealed class PortOptions
{
    public const string Section = "Ports";

    public int Http { get; set; } = 8080;

    public int Grpc { get; set; } = 8081;

    /// <summary>Listen on loopback only (local runs) instead of every interface (containers).</summary>
    public bool LoopbackOnly { get; set; }
}
