namespace AGH.Api.Infrastructure;

/// <summary>
/// An answer built when it is written, with the request's services: a command's answer reads configuration (the
/// deployment's <see cref="Policy"/>) that its endpoint need not name.
/// </summary>
public sealed class DeferredAnswer(Func<HttpContext, IResult> build) : IResult
{
    public Task ExecuteAsync(HttpContext http) => build(http).ExecuteAsync(http);

    public static Policy PolicyOf(HttpContext http) => http.RequestServices.GetRequiredService<Policy>();
}
