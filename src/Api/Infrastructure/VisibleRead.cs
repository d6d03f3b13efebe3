using Marten;

namespace AGH.Api.Infrastructure;

/// <summary>
/// The read of one thing found through its person (a notice, a sanction proposal, a placement): 404 under the thing's
/// name where it does not exist or its person is hidden from the caller, so a foreign id answers as an unknown one.
/// </summary>
public static class VisibleRead
{
    public delegate Task<T?> Finder<T>(IQuerySession session, Actor actor, Guid id, CancellationToken ct) where T : struct;

    public static async Task<IResult> Answer<T>(Finder<T> find, string what, Guid id, HttpContext http, IQuerySession session,
        Func<T, Task<IResult>> answer) where T : struct =>
        await find(session, Access.Actor(http), id, http.RequestAborted) is { } found ? await answer(found) : Problems.NotFound(what).Answer();
}
