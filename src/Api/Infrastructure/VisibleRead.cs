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

    /// <summary>One document by its id, as the caller may see it: 404 under <paramref name="what"/> where it does not exist or is hidden.</summary>
    public static async Task<IResult> Document<T, TDto>(Guid id, HttpContext http, IQuerySession session, string what, Func<Actor, T, bool> visible,
        Func<T, Actor, TDto> dto) where T : notnull
    {
        var actor = Access.Actor(http);
        return await session.LoadAsync<T>(id, http.RequestAborted) is { } found && visible(actor, found)
            ? Results.Ok(dto(found, actor))
            : Problems.NotFound(what).Answer();
    }
}
