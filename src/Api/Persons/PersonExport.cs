using AGH.Api.Placements;
using AGH.Api.Sanctions;

namespace AGH.Api.Persons;

public sealed record PersonExportDto(
    DateTimeOffset ExportedAt,
    PersonDto Person,
    bool LegalHold,
    DateOnly? ErasedOn,
    IReadOnlyList<PlacementDto> Placements,
    IReadOnlyList<SanctionProposalDto> SanctionProposals,
    IReadOnlyList<ExportRestrictionDto> Restrictions,
    IReadOnlyList<ExportObjectionDto> Objections,
    IReadOnlyList<ExportPayoutLineDto> PayoutLines,
    IReadOnlyList<HistoryEntryDto> History,
    IReadOnlyList<ExportAccessEntryDto> AccessLog,
    IReadOnlyList<ExportPurposeDto> Purposes,
    IReadOnlyList<ExportLegalBasisDto> LegalBases,
    IReadOnlyList<ExportRecipientDto> Recipients,
    IReadOnlyList<ExportRetentionDto> Retention,
    IReadOnlyList<ExportRightDto> Rights,
    IReadOnlyList<ExportSourceDto> Sources);

public sealed record ExportRestrictionDto(Guid ProposalId, DateOnly StartsOn, DateOnly EndsOn, RestrictionStatus Status, DateOnly? ContinuedOn);

public sealed record ExportObjectionDto(Guid ProposalId, DateOnly ReceivedOn, string Statement, ObjectionStatus Status, string? DecidedBy, string? DecisionReasoning, int Period);

/// <summary>One line of a payout run that paid the person (also of a rejected run: it is stored about them).</summary>
public sealed record ExportPayoutLineDto(Guid RunId, string Month, PayoutRunStatus RunStatus, int Minutes, int RateCents, long AmountCents, bool Arrears);

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
[HistoryReader]
public static class PersonExportEndpoint
{
    [WolverineGet("/api/persons/{id}/export", OperationId = "exportPersonData"), Tags("Data protection")]
    [EndpointSummary("All data about the person as JSON (Auskunft nach Art. 15 DSGVO)")]
    [EndpointDescription("Besides the data: purposes, legalBases, recipients (categories, and each cash-office export that named the person), "
        + "retention per record class, rights (incl. the complaint to the Landesbeauftragte für den Datenschutz Niedersachsen) and sources.")]
    [ProducesResponseType<PersonExportDto>(200), AnswersProblems(403, 404)]
    public static async Task<IResult> Export(Guid id, HttpContext http, IDocumentSession session, Clock clock, Policy policy,
        Retention.RetentionSettings retention)
    {
        var actor = Access.Actor(http);
        var person = await session.LoadAsync<Person>(id, http.RequestAborted);
        if (!PersonAccess.Visible(actor, person)) return Problems.NotFound("person").Answer();

        // Recorded first, so the export lists itself among the accesses it reports.
        await PersonHistoryEndpoint.RecordRead(session, id, actor, null, "export", clock.Now, http.RequestAborted);
        var history = await PersonHistoryEndpoint.EntriesAbout(session, id, http.RequestAborted);
        var showWho = actor.Is(Roles.Auditor);
        var log = (await PersonHistoryEndpoint.AccessEntries(session, id, http.RequestAborted))
            .Select(e => ExportAccessEntryDto.From(e, showWho)).ToList();
        var today = clock.Today;
        var proposals = person!.Proposals.Values.OrderBy(p => p.ProposalId).Select(p => SanctionProposalDto.From(person, p, today, policy)).ToList();
        var runs = await session.Query<PayoutRun>().Where(r => r.Lines.Any(l => l.PersonId == id)).ToListAsync(http.RequestAborted);
        var hours = await HourReads.OfPerson(session, id, http.RequestAborted);
        var export = new PersonExportDto(clock.Now, PersonDto.From(person, today, policy), person.LegalHold, person.ErasedOn,
            person.Placements.Values.OrderBy(p => p.StartsOn).Select(p => PlacementDto.From(person, p, hours, today, policy)).ToList(),
            proposals,
            proposals.Where(p => p.Restriction is not null)
                .Select(p => new ExportRestrictionDto(p.Id, p.Restriction!.StartsOn, p.Restriction.EndsOn, p.Restriction.Status, p.Restriction.ContinuedOn)).ToList(),
            proposals.SelectMany(p => p.Objections.Select(o => new ExportObjectionDto(p.Id, o.ReceivedOn, o.Statement, o.Status, o.DecidedBy,
                o.DecisionReasoning, o.Period))).ToList(),
            runs.OrderBy(r => r.Month).ThenBy(r => r.Id).SelectMany(r => r.Lines.Where(l => l.PersonId == id)
                .Select(l => new ExportPayoutLineDto(r.Id, r.Month, r.Status, l.Minutes, l.RateCents, l.AmountCents, l.Arrears))).ToList(),
            history, log, PrivacyInformation.Purposes, PrivacyInformation.LegalBases, PrivacyInformation.Recipients(id, runs),
            PrivacyInformation.Retention(retention), PrivacyInformation.Rights,
            PrivacyInformation.Sources(person, await PrivacyInformation.Providers(session, person, hours, http.RequestAborted)));
        return Results.Ok(export);
    }
}
