namespace AGH.Api.Infrastructure;

/// <summary>
/// Browsers of the municipalities' front-ends may call the API from the origins listed in Cors:Origins. Without that
/// setting the middleware is not even added: no origin gets an Access-Control-* header.
/// </summary>
public static class Cors
{
    public static readonly string[] Methods = ["GET", "POST"];
    public static readonly string[] RequestHeaders = ["Authorization", "Content-Type", IdempotencyKey.Header, "If-Match"];
    public static readonly string[] ExposedHeaders = ["ETag", "Location", Paging.TotalCountHeader, "Link", "Retry-After"];

    public static string[] Origins(IConfiguration configuration) =>
        (configuration.GetSection("Cors:Origins").Get<string[]>() ?? [])
        .Where(o => !string.IsNullOrWhiteSpace(o)).Select(o => o.Trim().TrimEnd('/')).ToArray();

    public static void AddAghCors(this IServiceCollection services, IConfiguration configuration)
    {
        var origins = Origins(configuration);
        if (origins.Length == 0) return;
        services.AddCors(o => o.AddDefaultPolicy(p => p.WithOrigins(origins).WithMethods(Methods).WithHeaders(RequestHeaders)
            .WithExposedHeaders(ExposedHeaders).SetPreflightMaxAge(TimeSpan.FromHours(1))));
    }

    /// <summary>Before authentication: a preflight carries no token and is answered here.</summary>
    public static void UseAghCors(this WebApplication app)
    {
        if (Origins(app.Configuration).Length > 0) app.UseCors();
    }
}
