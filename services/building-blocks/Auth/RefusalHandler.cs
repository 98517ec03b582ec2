using System.Text;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Lmc.BuildingBlocks.Errors;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Lmc.BuildingBlocks.Auth;

/// <summary>
/// Says why a call was refused, in the caller's protocol. ASP.NET Core's own handler answers an HTTP 403 with
/// no body, which a gRPC client reports as "Bad gRPC response" and a REST client as a bare Forbidden; this one
/// names the policy the caller did not satisfy and what it needs: gRPC status 7 with an <c>ErrorInfo</c>
/// (reason <see cref="Reason"/>, metadata <c>policy</c>), or problem+json with a <c>policy</c> member. A missing
/// or invalid token is status 16 / 401 as before.
/// </summary>
internal sealed class RefusalHandler(IAuthorizationService authorization, IAuthorizationPolicyProvider policies)
    : IAuthorizationMiddlewareResultHandler
{
    public const string Reason = "POLICY_NOT_SATISFIED";

    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult result)
    {
        var grpc = context.Request.ContentType?.StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase) == true;
        if (result.Succeeded || (result.Challenged && !grpc))
        {
            await _default.HandleAsync(next, context, policy, result);
            return;
        }

        if (result.Challenged)
        {
            WriteGrpcStatus(context, Code.Unauthenticated, "A valid bearer token is required.", null);
            return;
        }

        var refused = await RefusedPolicyAsync(context);
        var message = refused is null
            ? "The caller may not do this."
            : $"This operation needs {LmcPolicies.Describe(refused)} (policy {refused}).";
        if (grpc)
        {
            WriteGrpcStatus(context, Code.PermissionDenied, message, refused);
            return;
        }

        var problem = new ProblemDetails { Status = StatusCodes.Status403Forbidden, Title = "Forbidden", Detail = message };
        if (refused is not null)
        {
            problem.Extensions["policy"] = refused;
        }

        context.Items[RestProblemDetailsMiddleware.ProblemKey] = problem;
        await ProblemJson.WriteAsync(context, problem, context.RequestAborted);
    }

    /// <summary>
    /// The first of the endpoint's named policies the caller fails, evaluated one by one (only on a refusal): the
    /// scope first, since a client without it can do nothing here whatever its roles, then the roles.
    /// </summary>
    private async Task<string?> RefusedPolicyAsync(HttpContext context)
    {
        var names = (context.GetEndpoint()?.Metadata.GetOrderedMetadata<IAuthorizeData>()
            .Select(a => a.Policy).OfType<string>().Distinct() ?? [])
            .OrderBy(name => LmcPolicies.ScopePolicy(name) is null);
        foreach (var name in names)
        {
            if (await policies.GetPolicyAsync(name) is { } named && !(await authorization.AuthorizeAsync(context.User, context, named)).Succeeded)
            {
                return name;
            }
        }

        return null;
    }

    /// <summary>A trailers-only gRPC response: the status in the headers, with its details as <c>grpc-status-details-bin</c>.</summary>
    private static void WriteGrpcStatus(HttpContext context, Code code, string message, string? policy)
    {
        var status = new Google.Rpc.Status { Code = (int)code, Message = message };
        if (policy is not null)
        {
            status.Details.Add(Any.Pack(new ErrorInfo { Reason = Reason, Domain = "lmc", Metadata = { ["policy"] = policy } }));
        }

        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/grpc";
        context.Response.Headers["grpc-status"] = ((int)code).ToString(System.Globalization.CultureInfo.InvariantCulture);
        context.Response.Headers["grpc-message"] = PercentEncoded(message);
        context.Response.Headers["grpc-status-details-bin"] = Convert.ToBase64String(status.ToByteArray());
    }

    /// <summary>grpc-message is percent-encoded UTF-8: printable ASCII other than '%' goes as it is.</summary>
    private static string PercentEncoded(string message)
    {
        var encoded = new StringBuilder(message.Length);
        foreach (var b in Encoding.UTF8.GetBytes(message))
        {
            if (b is >= 0x20 and <= 0x7E && b != (byte)'%')
            {
                encoded.Append((char)b);
            }
            else
            {
                encoded.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return encoded.ToString();
    }
}
