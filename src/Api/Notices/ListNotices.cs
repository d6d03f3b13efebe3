namespace AGH.Api.Notices;

/// <summary>
/// A person's notices, oldest first; or, with <c>awaitingDispatch=true</c> and no person, the notices of every person the
/// caller may see that wait for dispatch (the staff's inbox), oldest issued first. Paged like every list.
/// </summary>
[CaseReader]
public static class ListNoticesEndpoint
{
    public static ProblemDetails Validate(HttpContext http) => NoticeListing.Check(http);

    /// <summary>The notices of a person, or with awaitingDispatch=true those waiting for dispatch; paged, total in X-Total-Count</summary>
    /// <remarks>personId is required unless awaitingDispatch=true. awaitingDispatch=true lists only notices not yet dispatched
    /// (or whose dispatch a receipt of not-received or returned cleared): of that person, or without personId of every person the
    /// caller may see (caseworkers and officials: their municipality; auditors and officials without one: all), oldest issued first.
    /// awaitingDispatch=false lists only the dispatched ones of the person.</remarks>
    [WolverineGet("/api/notices", OperationId = "listNotices"), Tags("Notices")]
    [ProducesResponseType<IReadOnlyList<NoticeDto>>(200), AnswersProblems(403, 404)]
    public static async Task<IResult> Get(HttpContext http, IQuerySession session, NoticeSettings settings, Policy policy, Guid? personId, bool? awaitingDispatch,
        string? page, string? pageSize)
    {
        var paging = Paging.Read(page, pageSize, new Checks());
        if (personId is not { } id) return Results.Ok(await NoticeListing.Awaiting(http, session, settings, policy, paging));
        return await NoticeListing.OfPerson(http, session, settings, policy, id, awaitingDispatch, paging) is { } notices
            ? Results.Ok(notices)
            : Problems.NotFound("person").Answer();
    }
}
