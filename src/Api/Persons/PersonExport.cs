using AGH.Api.Infrastructure;
using AGH.Api.Placements;
using AGH.Domain.Common;
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
    IReadOnlyList<ExportAccessEntryDto> AccessLog);

/// <summary>
/// One recorded access to the person's data: when (<c>at</c>, also as <c>recordedAt</c>) and what (<c>history</c> or
/// <c>export</c>); who only for an auditor. The staff's identities are not the person's data (CJEU C-579/21), so a
/// caseworker's export leaves <c>actor</c> null.
/// </summary>
public sealed record ExportAccessEntryDto(DateTimeOffset At, DateTimeOffset RecordedAt, string Purpose, Actor? Actor, DateTimeOffset? AsOf)
{
    public static ExportAccessEntryDto From(AccessLogEntryDto e, bool showWho) =>
        new(e.ReadAt, e.ReadAt, e.Purpose, showWho ? e.Actor : null, e.AsOf);
}

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

        // Recorded first, so the export lists itself among the accesses it reports.
        await PersonHistoryEndpoint.RecordRead(session, id, actor!, null, "export", clock.Now, http.RequestAborted);
        var history = await PersonHistoryEndpoint.EntriesAbout(session, id, http.RequestAborted);
        var showWho = actor!.Is(Roles.Auditor);
        var log = (await PersonHistoryEndpoint.AccessEntries(session, id, http.RequestAborted))
            .Select(e => ExportAccessEntryDto.From(e, showWho)).ToList();
        // ISSUE 8 (sanctions): restrictions and objections are to be added to the export here. Today they are part of
        // each placement's sanctionProposals (the person document's proposals); keep that structure.
        var export = new PersonExportDto(clock.Now, PersonDto.From(person!, clock.Today), person!.LegalHold, person.ErasedOn,
            person.Placements.Values.OrderBy(p => p.StartsOn).Select(p => PlacementDto.From(person, p)).ToList(), history, log);
        return Results.Ok(export);
    }
}
