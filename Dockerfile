# syntax=docker/dockerfile:1
# Every image of the platform, one per service and the gateway, from this one file. Build from the repository
# ROOT as context, naming the folder and the project (a service's "project" in services/<name>/service.json):
#   docker build --build-arg SERVICE_DIR=services/projects --build-arg PROJECT=Lmc.Projects -t lmc/projects:<tag> .
#   docker build --build-arg SERVICE_DIR=gateway --build-arg PROJECT=Lmc.Gateway -t lmc/gateway:<tag> .
# (skaffold passes both from the manifests: charts/skaffold.mjs.) The image listens on 8080 (HTTP/1.1: REST,
# health, OpenAPI) and 8081 (gRPC, h2c) and runs as the non-root user app (UID 1654) of the chiseled ASP.NET
# image, which has no shell and no package manager. COPY --parents needs the Dockerfile frontend of the syntax
# line above (the latest 1.x, in which --parents is stable); an older pinned frontend refuses it.

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
# The project's folder (services/<name>, or gateway) and its project name (Lmc.<Name>).
ARG SERVICE_DIR
ARG PROJECT
RUN test -n "$SERVICE_DIR" && test -n "$PROJECT" \
    || { echo "build with --build-arg SERVICE_DIR=services/<name> --build-arg PROJECT=Lmc.<Name>" >&2; exit 1; }
WORKDIR /src

# Restore first, from the project files alone, so the layer is reused until a dependency changes. Every
# project file under services/ (building blocks, contracts, each service and the projects inside its folder,
# whichever of them this project references) keeps its path; .dockerignore leaves out bin/ and obj/.
COPY global.json Directory.Build.props Directory.Build.targets Directory.Packages.props ./
COPY --parents services/**/*.csproj ./
COPY --parents ${SERVICE_DIR}/**/*.csproj ./
RUN dotnet restore "${SERVICE_DIR}/${PROJECT}.csproj"

# Then the sources: the protos (each project compiles the ones it serves or calls), the whole services/ tree (a service may
# reference another service's projects; the gateway publishes the manifests services/*/service.json) and the
# project's own folder (the gateway's is outside services/; for a service this copies nothing new).
COPY protos/ protos/
COPY services/ services/
COPY ${SERVICE_DIR}/ ${SERVICE_DIR}/
# One entry point whatever the project, /app/entrypoint.dll, a link to <project>.dll: the exec-form ENTRYPOINT
# below cannot expand PROJECT (and the chiseled image has no shell), and the dotnet host resolves the link, so
# it reads <project>.runtimeconfig.json and <project>.deps.json as it would without it.
RUN dotnet publish "${SERVICE_DIR}/${PROJECT}.csproj" --no-restore -c Release -o /app /p:UseAppHost=false \
    && test -f "/app/${PROJECT}.dll" \
    && ln -s "${PROJECT}.dll" /app/entrypoint.dll

FROM mcr.microsoft.com/dotnet/aspnet:10.0-noble-chiseled AS final
WORKDIR /app
ENV Ports__Http=8080 \
    Ports__Grpc=8081
EXPOSE 8080 8081
COPY --from=build /app ./
USER $APP_UID
ENTRYPOINT ["dotnet", "/app/entrypoint.dll"]
