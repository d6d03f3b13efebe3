using AGH.Api.Infrastructure;
using AGH.Domain.Persons;
using Marten;

namespace AGH.Api.Persons;

public static class PersonQueries
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/persons", List)
            .WithTags("Persons")
            .WithSummary("List the persons the caller may see, optionally by municipality")
            .Produces<IReadOnlyList<PersonDto>>()
            .ProducesProblem(403);
        api.MapGet("/persons/{id:guid}", Get)
            .WithTags("Persons")
            .WithSummary("One person with status, exemptions and current benefit restriction")
            .Produces<PersonDto>()
            .ProducesProblem(403).ProducesProblem(404);
    }

    public static async Task<IResult> List(HttpContext http, IQuerySession session, Clock clock, string? municipality)
    {
        var (actor, denied) = Caller.Require(http, PersonAccess.Readers);
        if (denied is not null) return denied;
        var query = session.Query<Person>().AsQueryable();
        if (municipality is not null) query = query.Where(p => p.Municipality == municipality);
        if (actor!.Role != AGH.Domain.Common.Roles.Auditor && actor.Municipality is { } own)
            query = query.Where(p => p.Municipality == own);
        var persons = await query.ToListAsync(http.RequestAborted);
        var today = clock.Today;
        return Results.Ok(persons.OrderBy(p => p.FamilyName).ThenBy(p => p.GivenName).Select(p => PersonDto.From(p, today)));
    }

    public static async Task<IResult> Get(Guid id, HttpContext http, IQuerySession session, Clock clock)
    {
        var (actor, denied) = Caller.Require(http, PersonAccess.Readers);
        if (denied is not null) return denied;
        var person = await session.LoadAsync<Person>(id, http.RequestAborted);
        if (!PersonAccess.Visible(actor!, person)) return Problems.NotFound("person");
        return Results.Ok(PersonDto.From(person!, clock.Today));
    }
}
