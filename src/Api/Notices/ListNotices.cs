using AGH.Api.Persons;
using Marten;

namespace AGH.Api.Notices;

/// <summary>A person's notices, oldest first; paged like every list.</summary>
[CaseReader]
public static class ListNoticesEndpoint
{
    public static ProblemDetails Validate(HttpContext http)
    {
        var checks = new Checks();
        var personId = http.Request.Query["personId"].ToString();
        if (personId.Length == 0) checks.Add("personId", "is required.");
        else if (!Guid.TryParse(personId, out _)) checks.Add("personId", "must be a GUID.");
        Paging.Read(http.Request.Query["page"].FirstOrDefault(), http.Request.Query["pageSize"].FirstOrDefault(), checks);
        return checks.Details();
    }

    [WolverineGet("/api/notices", OperationId = "listNotices"), Tags("Notices")]
    [EndpointSummary("The notices of a person; paged, total in X-Total-Count")]
    [ProducesResponseType<IReadOnlyList<NoticeDto>>(200), AnswersProblems(403, 404)]
    public static async Task<IResult> Get(HttpContext http, IQuerySession session, NoticeSettings settings, Policy policy, Guid personId, string? page, string? pageSize)
    {
        var paging = Paging.Read(page, pageSize, new Checks());
        var person = await VersionedPerson.LoadCurrent(session, personId, http.RequestAborted);
        if (!PersonAccess.Visible(Access.Actor(http), person)) return Problems.NotFound("person").Answer();
        var all = person!.Notices.Values.OrderBy(n => n.IssuedOn).ThenBy(n => n.NoticeId).ToList();
        var shown = all.Skip(paging.Skip).Take(paging.PageSize).ToList();
        var issuers = await NoticeAccess.LegacyIssuers(session, person.Id, shown, http.RequestAborted);
        paging.Announce(http, all.Count);
        return Results.Ok(shown.Select(n => NoticeDto.From(person.Id, n, settings, policy, issuers.GetValueOrDefault(n.NoticeId))).ToList());
    }
}
