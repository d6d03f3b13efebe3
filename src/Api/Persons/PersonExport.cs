using AGH.Api.Infrastructure;
using AGH.Api.Placements;
using AGH.Domain.Persons;
using JasperFx.Events;
using Marten;

namespace AGH.Api.Persons;

public sealed record PersonExportDto(
    DateTimeOffset ExportedAt,
    PersonDto Person,
    bool LegalHold,
    DateOnly? ErasedOn,
    IReadOnlyList<PlacementDto> Placements,
    IReadOnlyList<HistoryEntryDto> History,
    IReadOnlyList<AccessLogEntryDto> AccessLog);

/// <summary>Art. 15 DSGVO: everything the service holds about a person, in one machine-readable document.</summary>
public static class PersonExportEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/persons/{id:guid}/export", Export)
            .WithTags("Data protection")
            .WithSummary("All data about the person as JSON (Auskunft nach Art. 15 DSGVO)")
            .Produces<PersonExportDto>()
            .ProducesProblem(403).ProducesProblem(404);

    public static async Task<IResult> Export(Guid id, HttpContext http, IDocumentSession session, Clock clock)
    {
        var (actor, denied) = Caller.Require(http, PersonHistoryEndpoint.Readers);
        if (denied is not null) return denied;
        var person = await session.LoadAsync<Person>(id, http.RequestAborted);
        if (!PersonAccess.Visible(actor!, person)) return Problems.NotFound("person");

        var history = await PersonHistoryEndpoint.EntriesAbout(session, id, http.RequestAborted);
        var log = await PersonHistoryEndpoint.AccessEntries(session, id, http.RequestAborted);
        var export = new PersonExportDto(clock.Now, PersonDto.From(person!, clock.Today), person!.LegalHold, person.ErasedOn,
            person.Placements.Values.OrderBy(p => p.StartsOn).Select(p => PlacementDto.From(person, p, clock.Today)).ToList(), history, log);

        await PersonHistoryEndpoint.RecordRead(session, id, actor!, null, "export", clock.Now, http.RequestAborted);
        return Results.Ok(export);
    }
}
