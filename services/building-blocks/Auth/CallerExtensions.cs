using Grpc.Core;

namespace Lmc.BuildingBlocks.Auth;

public static class CallerExtensions
{
    /// <summary>The caller of a gRPC (or transcoded REST) call, from its validated token.</summary>
    public static Caller Caller(this ServerCallContext context) => Auth.Caller.From(context.GetHttpContext().User);
}
