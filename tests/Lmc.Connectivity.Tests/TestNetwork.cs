using Lmc.BuildingBlocks.Auth;
using Lmc.Contracts.Common.V1;
using Lmc.Contracts.Connectivity.V1;
using static Lmc.Testing.TestTokens;

namespace Lmc.Connectivity.Tests;

/// <summary>
/// A small network whose answers are worked out by hand, built through the API under codes of its own (so tests
/// sharing the database never meet). Every node lies on the meridian 100 E, where one degree of latitude is
/// pi * 6371.0088 / 180 = 111.195 km:
///
///   A (10 N, TH city) --road 50 km/h-- X1 (11 N, TH side) --crossing road 10 km/h-- X2 (11.01 N, LA side) --road 50 km/h-- B (12 N, LA city)
///   A --rail 40 km/h-- B (a straight line, 222.39 km)       A --old road 25 km/h-- X1
///
/// Dwell at the crossing, from each side's reported medians: TH to LA = TH export 2 h + LA import 3 h = 5 h;
/// LA to TH = LA export 1 h + TH import 1.5 h = 2.5 h.
/// </summary>
public sealed class TestNetwork
{
    public const double KmPerDegree = 111.19508;

    private TestNetwork(string prefix) => Prefix = prefix;

    public string Prefix { get; }

    public string A => Prefix + "-A";
    public string X1 => Prefix + "-X1";
    public string X2 => Prefix + "-X2";
    public string B => Prefix + "-B";
    public string RoadAX1 => Prefix + "-ROAD-A-X1";
    public string OldRoadAX1 => Prefix + "-OLD-A-X1";
    public string Crossing => Prefix + "-ROAD-X1-X2";
    public string RoadX2B => Prefix + "-ROAD-X2-B";
    public string RailAB => Prefix + "-RAIL-A-B";
    public string Corridor => Prefix + "-CORRIDOR";
    public string CrossingCode => Prefix + "-XING";

    public static string Jwg => For("LA", LmcRoles.Jwg("connectivity"));

    public static async Task<TestNetwork> BuildAsync(ConnectivityService.ConnectivityServiceClient client)
    {
        var network = new TestNetwork("T" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant());
        var jwg = Bearer(Jwg);
        await Node(client, network.A, NodeKind.City, Country.Th, 10, jwg);
        await Node(client, network.X1, NodeKind.BorderCrossing, Country.Th, 11, jwg);
        await Node(client, network.X2, NodeKind.BorderCrossing, Country.La, 11.01, jwg);
        await Node(client, network.B, NodeKind.City, Country.La, 12, jwg);
        await Road(client, network.RoadAX1, network.A, network.X1, 50, jwg);
        await Road(client, network.Crossing, network.X1, network.X2, 10, jwg);
        await Road(client, network.RoadX2B, network.X2, network.B, 50, jwg);
        await Road(client, network.OldRoadAX1, network.A, network.X1, 25, jwg);
        await client.CreateLinkAsync(new CreateLinkRequest
        {
            Code = network.RailAB, Name = "Test railway", Mode = LinkMode.Rail, Status = LinkStatus.Operational,
            FromNode = network.A, ToNode = network.B, GaugeMm = 1435, SpeedKmh = 40,
        }, jwg);
        await client.CreateBorderCrossingAsync(new CreateBorderCrossingRequest
        {
            Code = network.CrossingCode, Name = "Test crossing", Link = network.Crossing, OpeningHoursA = "06:00-22:00", OpeningHoursB = "24h",
        }, jwg);
        await Report(client, network.CrossingCode, "TH", Country.Th, import: 1.5, export: 2);
        await Report(client, network.CrossingCode, "LA", Country.La, import: 3, export: 1);
        await client.CreateCorridorAsync(new CreateCorridorRequest
        {
            Code = network.Corridor, Name = "Test corridor", Links = { network.RoadAX1, network.Crossing, network.RoadX2B },
        }, jwg);
        return network;
    }

    public static Task Report(ConnectivityService.ConnectivityServiceClient client, string crossing, string country, Country side,
        double import, double export, string period = "2024") =>
        client.RecordCrossingPerformanceAsync(new RecordCrossingPerformanceRequest
        {
            Crossing = crossing, Country = side, Period = period,
            Import = new ClearanceTimes { MedianHours = import, P90Hours = import * 2, Declarations = 120 },
            Export = new ClearanceTimes { MedianHours = export, P90Hours = export * 2, Declarations = 80 },
            Transit = new ClearanceTimes { MedianHours = 1, P90Hours = 2, Declarations = 10 },
        }, Bearer(For(country, LmcRoles.Secretariat))).ResponseAsync;

    private static Task<CreateNodeResponse> Node(ConnectivityService.ConnectivityServiceClient client, string code, NodeKind kind, Country country, double latitude,
        global::Grpc.Core.Metadata auth) =>
        client.CreateNodeAsync(new CreateNodeRequest
        {
            Code = code, Name = "Test " + code, Kind = kind, Country = country, Location = new Position { Longitude = 100, Latitude = latitude },
        }, auth).ResponseAsync;

    private static Task<CreateLinkResponse> Road(ConnectivityService.ConnectivityServiceClient client, string code, string from, string to, double speed,
        global::Grpc.Core.Metadata auth) =>
        client.CreateLinkAsync(new CreateLinkRequest
        {
            Code = code, Name = "Test road " + code, Mode = LinkMode.Road, Status = LinkStatus.Operational, FromNode = from, ToNode = to,
            SpeedKmh = speed, RouteNumber = "AH-TEST",
        }, auth).ResponseAsync;
}
