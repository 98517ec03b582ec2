using Google.Protobuf.Reflection;
using Google.Rpc;
using Grpc.AspNetCore.Server;
using Lmc.BuildingBlocks.Errors;
using Lmc.BuildingBlocks.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.OpenApi.Models;

namespace Lmc.BuildingBlocks.Grpc;

public static class GrpcExtensions
{
    public const string OpenApiPath = "/openapi/v1.json";

    /// <summary>
    /// gRPC with JSON transcoding (REST from the same proto's google.api.http annotations), server
    /// reflection, the error interceptor, and an OpenAPI document of the transcoded routes.
    /// </summary>
    public static IHostApplicationBuilder AddLmcGrpc(this IHostApplicationBuilder builder, string title)
    {
        builder.Services.AddGrpc(grpc =>
        {
            grpc.Interceptors.Add<ErrorInterceptor>();
            grpc.EnableDetailedErrors = false;
            grpc.MaxReceiveMessageSize = 4 * 1024 * 1024;
        }).AddJsonTranscoding(transcoding =>
            // The error details the interceptor attaches, so the transcoder can write them too.
            transcoding.TypeRegistry = TypeRegistry.FromMessages(BadRequest.Descriptor, ErrorInfo.Descriptor, RetryInfo.Descriptor));
        builder.Services.AddGrpcReflection();
        builder.Services.AddGrpcSwagger();
        builder.Services.AddSwaggerGen(swagger =>
        {
            // The docs page renders the description: it links the service's event catalogue beside its operations.
            var name = ServiceManifests.FromRepository().FirstOrDefault(m => m.Project == builder.Environment.ApplicationName)?.Name;
            swagger.SwaggerDoc("v1", new OpenApiInfo
            {
                Title = title,
                Version = "v1",
                Description = name is null ? null : $"Its events: the [AsyncAPI catalogue](/asyncapi/{name}.json).",
            });
            swagger.AddSecurityDefinition("bearer", new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "JWT",
                Description = "An access token from the identity service (or `./lmc token` in development).",
            });
            swagger.AddSecurityRequirement(new OpenApiSecurityRequirement
            {
                [new OpenApiSecurityScheme { Reference = new OpenApiReference { Type = ReferenceType.SecurityScheme, Id = "bearer" } }] = [],
            });
        });
        return builder;
    }

    /// <summary>
    /// Maps a gRPC service (and its transcoded REST routes) with the scope each operation's verb implies
    /// (<see cref="ContractAccess"/>), the same policy the gateway gives its route: the implementation names only
    /// the roles an operation needs, with <c>[Authorize(Policy = LmcPolicies.Admin)]</c> and the like.
    /// </summary>
    public static GrpcServiceEndpointConventionBuilder MapLmcGrpcService<TService>(this IEndpointRouteBuilder app)
        where TService : class
    {
        var service = ContractAccess.ServiceOf(typeof(TService));
        var owner = ContractAccess.OwnerOf(service, ServiceManifests.FromRepository());
        var mapped = app.MapGrpcService<TService>();
        mapped.Add(endpoint =>
        {
            if (endpoint.Metadata.OfType<GrpcMethodMetadata>().FirstOrDefault() is { } grpc
                && service.FindMethodByName(grpc.Method.Name) is { } method)
            {
                endpoint.Metadata.Add(new AuthorizeAttribute(ContractAccess.ScopePolicyOf(owner.Name, method)));
            }
        });
        return mapped;
    }

    public static WebApplication MapLmcOpenApi(this WebApplication app)
    {
        app.UseSwagger(o => o.RouteTemplate = "openapi/{documentName}.json");
        app.MapGrpcReflectionService().AllowAnonymous();
        return app;
    }
}
