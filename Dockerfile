# Build: docker build -t agh-api .
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
RUN dotnet publish src/Api/AGH.Api.csproj -c Release -o /app /p:UseAppHost=false

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app .
ENV ASPNETCORE_URLS=http://+:8080
EXPOSE 8080
# The image's unprivileged user: the service needs no root (port 8080, nothing written to the image's files).
USER app
ENTRYPOINT ["dotnet", "AGH.Api.dll"]
