using AGH.Api.Infrastructure;
using AGH.Domain.Persons;
using Marten;

namespace AGH.Api.Persons;

public static class PersonQueries
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/persons", List)
            .WithName("listPersons")
            .WithTags("Persons")
            .WithSummary("List the persons the caller may see, optionally by municipality or found by name or file reference (q); paged, total in X-Total-Count")
            .Produces<IReadOnlyList<PersonDto>>()
            .ProducesProblem(403);
        api.MapGet("/persons/{id:guid}", Get)
            .WithName("getPerson")
            .WithTags("Persons")
            .WithSummary("One person with status, exemptions and current benefit restriction; asOf rebuilds the state recorded up to that instant")
            .Produces<PersonDto>()
            .ProducesProblem(403).ProducesProblem(404);
    }

    public static async Task<IResult> List(HttpContext http, IQuerySession session, Clock clock, string? municipality, string? q,
        string? page, string? pageSize)
    {
        var (actor, denied) = Caller.Require(http, PersonAccess.Readers);
        if (denied is not null) return denied;
        var checks = new Checks();
        if (municipality is not null && !AGH.Api.Municipalities.MunicipalityCatalog.Exists(municipality))
            checks.Add("municipality", "is not one of the 21 member municipalities.");
        if (q is not null) checks.Text(q, "q", PersonSearch.MaxQueryLength, required: false);
        var paging = Paging.Read(page, pageSize, checks);
        if (checks.Failed) return checks.Problem();
        var query = session.Query<Person>().AsQueryable();
        if (municipality is not null) query = query.Where(p => p.Municipality == municipality);
        if (actor!.Role != AGH.Domain.Common.Roles.Auditor && actor.Municipality is { } own)
            query = query.Where(p => p.Municipality == own);
        // Every word must occur in the folded key; the trigram index on it answers the LIKE '%word%'.
        foreach (var term in PersonSearch.Terms(q ?? "")) query = query.Where(p => p.SearchKey.Contains(term));
        var persons = await paging.Fetch(http, query, x => x.OrderBy(p => p.FamilyName).ThenBy(p => p.GivenName).ThenBy(p => p.Id));
        var today = clock.Today;
        return Results.Ok(persons.Select(p => PersonDto.From(p, today)));
    }

    public static async Task<IResult> Get(Guid id, HttpContext http, IQuerySession session, Clock clock, string? asOf)
    {
        var (actor, denied) = Caller.Require(http, PersonAccess.Readers);
        if (denied is not null) return denied;
        if (!PersonHistoryEndpoint.TryParseInstant(asOf, out var at))
            return new Checks().Add("asOf", "must be an ISO 8601 instant with offset.").Problem();
        // asOf replays the stream as it was recorded up to that instant; without it the inline view answers.
        var person = at is { } until
            ? Person.Fold((await session.Events.FetchStreamAsync(id, token: http.RequestAborted))
                .Where(e => EventHeaders.RecordedAtOf(e) <= until).Select(e => e.Data))
            : await session.LoadAsync<Person>(id, http.RequestAborted);
        if (!PersonAccess.Visible(actor!, person)) return Problems.NotFound("person");
        if (at is null) Preconditions.SetETag(http, person!.Revision);
        return Results.Ok(PersonDto.From(person!, at is { } day ? DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(day, Clock.Berlin).DateTime) : clock.Today));
    }
}
