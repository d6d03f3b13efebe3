using AGH.Web.Api;

namespace AGH.Web.Infrastructure;

/// <summary>
/// A read a page can do without: a role the API does not let read it (403), or a record it may not see (404), gets the
/// page without that part instead of an error page.
/// </summary>
public static class OptionalRead
{
    public static async Task<T?> Of<T>(Func<Task<T>> read) where T : class
    {
        try
        {
            return await read();
        }
        catch (AghApiException e) when (e.StatusCode is 403 or 404)
        {
            return null;
        }
    }
}
