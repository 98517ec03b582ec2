using Google.Rpc;
using Grpc.Core;
using Xunit;

namespace Lmc.Testing;

/// <summary>What a refused gRPC call said: its status code, the rule a FailedPrecondition names, or the fields an InvalidArgument names.</summary>
public static class Refusals
{
    public static async Task<StatusCode> StatusOf(Func<Task> call) => (await Assert.ThrowsAsync<RpcException>(call)).StatusCode;

    public static async Task<string> RuleOf(Func<Task> call)
    {
        var error = await Assert.ThrowsAsync<RpcException>(call);
        Assert.True(error.StatusCode == StatusCode.FailedPrecondition, $"expected FailedPrecondition, got {error.StatusCode}: {error.Status.Detail}");
        return error.GetRpcStatus()!.GetDetail<ErrorInfo>().Reason;
    }

    public static async Task<IReadOnlyList<string>> FieldsOf(Func<Task> call)
    {
        var error = await Assert.ThrowsAsync<RpcException>(call);
        Assert.True(error.StatusCode == StatusCode.InvalidArgument, $"expected InvalidArgument, got {error.StatusCode}: {error.Status.Detail}");
        return [.. error.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Select(v => v.Field)];
    }
}
