using AGH.Api.Persons;

namespace AGH.Api.Notices;

/// <summary>The two reads of <c>GET /api/notices</c>: one person's notices, and every visible notice waiting for dispatch.</summary>
public static class NoticeListing
{
    /// <summary>personId, required unless awaitingDispatch=true; awaitingDispatch true or false; page and pageSize.</summary>
    public static ProblemDetails Check(HttpContext http)
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

    /// <summary>The person's notices, oldest first (only those waiting, or only the dispatched ones); null where the person is hidden or unknown.</summary>
    public static async Task<List<NoticeDto>?> OfPerson(HttpContext http, IQuerySession session, NoticeSettings settings, Policy policy, Guid personId,
        bool? awaitingDispatch, Paging paging)
    {
        var person = await VersionedPerson.LoadCurrent(session, personId, http.RequestAborted);
        if (!PersonAccess.Visible(Access.Actor(http), person)) return null;
        var all = person!.Notices.Values.Where(n => awaitingDispatch is not { } a || (n.Dispatch is null) == a)
            .OrderBy(n => n.IssuedOn).ThenBy(n => n.NoticeId).ToList();
        var shown = paging.Cut(http, all);
        var issuers = await NoticeAccess.LegacyIssuers(session, person.Id, shown, http.RequestAborted);
        return shown.Select(n => NoticeDto.From(person.Id, n, settings, policy, issuers.GetValueOrDefault(n.NoticeId))).ToList();
    }

    /// <summary>
    /// The index names the candidates (null: written before it knew, so read the person to decide); the persons' folds
    /// decide, and only persons the caller may see count. Few notices wait at any time, so the page is cut in memory.
    /// </summary>
    public static async Task<List<NoticeDto>> Awaiting(HttpContext http, IQuerySession session, NoticeSettings settings, Policy policy, Paging paging)
    {
        var ct = http.RequestAborted;
        var actor = Access.Actor(http);
        var candidates = await session.Query<NoticeIndex>().Where(x => x.AwaitingDispatch == true || x.AwaitingDispatch == null)
            .Select(x => x.PersonId).ToListAsync(ct);
        var persons = (await session.LoadManyAsync<Person>(ct, candidates.Distinct()))
            .Where(p => actor.MaySee(p.Municipality)).ToList();
        var all = persons.SelectMany(p => p.Notices.Values.Where(n => n.Dispatch is null).Select(n => (Person: p, Notice: n)))
            .OrderBy(x => x.Notice.IssuedOn).ThenBy(x => x.Notice.NoticeId).ToList();
        var answer = new List<NoticeDto>();
        foreach (var (person, notice) in paging.Cut(http, all))
            answer.Add(await NoticeAccess.Dto(session, person.Id, notice, settings, policy, ct));
        return answer;
    }
}
