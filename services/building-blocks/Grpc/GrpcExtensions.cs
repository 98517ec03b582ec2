using Google.Protobuf.Reflection;
using Google.Rpc;
using Lmc.BuildingBlocks.Errors;
using Microsoft.AspNetCore.Builder;
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
            swagger.SwaggerDoc("v1", new OpenApiInfo { Title = title, Version = "v1" });
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

    public static WebApplication MapLmcOpenApi(this WebApplication app)
    {
        app.UseSwagger(o => o.RouteTemplate = "openapi/{documentName}.json");
        app.MapGrpcReflectionService().AllowAnonymous();
        return app;
    }
}
