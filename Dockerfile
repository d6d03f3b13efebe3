# Build: docker build -t agh-api .
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
RUN dotnet publish src/Api/AGH.Api.csproj -c Release -o /app /p:UseAppHost=false

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app .
ENV ASPNETCORE_URLS=http://+:8080
# A 64 MB gen0 budget for the server GC: under 16 clients' commands it collected so often that a sixth of the service's
# CPU samples waited at GC suspension points; with it, 9-11 % more commands per second in three interleaved load pairs
# on 2 vCPUs, for about 10 MB more memory (README, issue 16). An environment variable: the runtime reads this knob from
# nowhere else. make bench starts the service with every ENV DOTNET_ line of this file.
ENV DOTNET_GCgen0size=0x4000000
EXPOSE 8080
# The image's unprivileged user: the service needs no root (port 8080, nothing written to the image's files).
USER app
ENTRYPOINT ["dotnet", "AGH.Api.dll"]
