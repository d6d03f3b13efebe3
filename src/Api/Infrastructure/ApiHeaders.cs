namespace AGH.Api.Infrastructure;

/// <summary>
/// Answers under <c>/api</c> carry personal data: no cache (browser, proxy) keeps them, and no browser guesses their type.
/// Set when the headers go out, so every answer gets them: successes, problems, 401 challenges, 429 and the error handler's 500.
/// </summary>
public static class ApiHeaders
{
    public static void UseAghApiHeaders(this WebApplication app) =>
        app.Use((http, next) =>
        {
            if (http.Request.Path.StartsWithSegments("/api"))
                http.Response.OnStarting(() =>
                {
                    http.Response.Headers.CacheControl = "no-store";
                    http.Response.Headers.XContentTypeOptions = "nosniff";
                    return Task.CompletedTask;
                });
            return next(http);
        });
}
