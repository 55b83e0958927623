# Build and run the LicensingPortal API. docker compose up wires it to PostgreSQL and Mailpit.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig LicensingPortal.sln ./
COPY src/ src/
# ReadyToRun: the app and its libraries compiled ahead of time, so a restart spends less time in the JIT (docs/benchmarks.md).
RUN dotnet publish src/LicensingPortal.Api/LicensingPortal.Api.csproj -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o /app/publish

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app/publish ./
COPY rules/ rules/
COPY seeds/ seeds/
ENV ASPNETCORE_URLS=http://+:8080 \
    Storage__DataDirectory=/app/data
EXPOSE 8080
USER $APP_UID
ENTRYPOINT ["dotnet", "LicensingPortal.Api.dll"]
