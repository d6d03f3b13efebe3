using AGH.Api.Persons;

namespace AGH.Api.Notices;

/// <summary>
/// A person's notices, oldest first; or, with <c>awaitingDispatch=true</c> and no person, the notices of every person the
/// caller may see that wait for dispatch (the staff's inbox), oldest issued first. Paged like every list.
/// </summary>
[CaseReader]
public static class ListNoticesEndpoint
{
    public static ProblemDetails Validate(HttpContext http)
    {
        var checks = new Checks();
        var personId = http.Request.Query["personId"].ToString();
        var awaiting = http.Request.Query["awaitingDispatch"].ToString();
        if (awaiting.Length > 0 && awaiting is not ("true" or "false")) checks.Add("awaitingDispatch", "must be true or false.");
        if (personId.Length == 0 && awaiting != "true") checks.Add("personId", "is required (unless awaitingDispatch=true).");
        else if (personId.Length > 0 && !Guid.TryParse(personId, out _)) checks.Add("personId", "must be a GUID.");
        Paging.Check(http, checks);
        return checks.Details();
    }

    [WolverineGet("/api/notices", OperationId = "listNotices"), Tags("Notices")]
    [EndpointSummary("The notices of a person, or with awaitingDispatch=true those waiting for dispatch; paged, total in X-Total-Count")]
    [EndpointDescription("personId is required unless awaitingDispatch=true. awaitingDispatch=true lists only notices not yet dispatched "
        + "(or whose dispatch a receipt of not-received or returned cleared): of that person, or without personId of every person the "
        + "caller may see (caseworkers and officials: their municipality; auditors and officials without one: all), oldest issued first. "
        + "awaitingDispatch=false lists only the dispatched ones of the person.")]
    [ProducesResponseType<IReadOnlyList<NoticeDto>>(200), AnswersProblems(403, 404)]
    public static async Task<IResult> Get(HttpContext http, IQuerySession session, NoticeSettings settings, Policy policy, Guid? personId, bool? awaitingDispatch,
        string? page, string? pageSize)
    {
        var paging = Paging.Read(page, pageSize, new Checks());
        if (personId is not { } id) return await Awaiting(http, session, settings, policy, paging);
        var person = await VersionedPerson.LoadCurrent(session, id, http.RequestAborted);
        if (!PersonAccess.Visible(Access.Actor(http), person)) return Problems.NotFound("person").Answer();
        var all = person!.Notices.Values.Where(n => awaitingDispatch is not { } a || (n.Dispatch is null) == a)
            .OrderBy(n => n.IssuedOn).ThenBy(n => n.NoticeId).ToList();
        var shown = all.Skip(paging.Skip).Take(paging.PageSize).ToList();
        var issuers = await NoticeAccess.LegacyIssuers(session, person.Id, shown, http.RequestAborted);
        paging.Announce(http, all.Count);
        return Results.Ok(shown.Select(n => NoticeDto.From(person.Id, n, settings, policy, issuers.GetValueOrDefault(n.NoticeId))).ToList());
    }

    /// <summary>
    /// The index names the candidates (null: written before it knew, so read the person to decide); the persons' folds
    /// decide, and only persons the caller may see count. Few notices wait at any time, so the page is cut in memory.
    /// </summary>
    private static async Task<IResult> Awaiting(HttpContext http, IQuerySession session, NoticeSettings settings, Policy policy, Paging paging)
    {
        var ct = http.RequestAborted;
        var actor = Access.Actor(http);
        var candidates = await session.Query<NoticeIndex>().Where(x => x.AwaitingDispatch == true || x.AwaitingDispatch == null)
            .Select(x => x.PersonId).ToListAsync(ct);
        var persons = (await session.LoadManyAsync<Person>(ct, candidates.Distinct()))
            .Where(p => actor.MaySee(p.Municipality)).ToList();
        var all = persons.SelectMany(p => p.Notices.Values.Where(n => n.Dispatch is null).Select(n => (Person: p, Notice: n)))
            .OrderBy(x => x.Notice.IssuedOn).ThenBy(x => x.Notice.NoticeId).ToList();
        paging.Announce(http, all.Count);
        var shown = all.Skip(paging.Skip).Take(paging.PageSize).ToList();
        var answer = new List<NoticeDto>(shown.Count);
        foreach (var (person, notice) in shown)
            answer.Add(await NoticeAccess.Dto(session, person.Id, notice, settings, policy, ct));
        return Results.Ok(answer);
    }
}
