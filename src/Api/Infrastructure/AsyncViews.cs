using Marten.Events;

namespace AGH.Api.Infrastructure;

/// <summary>
/// The views the daemon projects asynchronously (the quota, the district's report): a read gives the daemon a moment to
/// include every write made before the request, so a report asked for right after a change shows it. Past the bound
/// the read answers as the views stand.
/// </summary>
public static class AsyncViews
{
    public static async Task CatchUp(IDocumentStore store)
    {
        try { await store.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(2)); }
        catch (TimeoutException) { }
    }
}
