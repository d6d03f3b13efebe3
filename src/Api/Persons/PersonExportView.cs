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
    IReadOnlyList<ExportSourceDto> Sources)
{
    /// <summary>The document as <paramref name="actor"/> may read it: every record about the person and what Art. 15 DSGVO asks to be told.</summary>
    public static async Task<PersonExportDto> Build(IQuerySession session, Person person, Actor actor, IReadOnlyList<HistoryEntryDto> history,
        Clock clock, Policy policy, AGH.Api.Retention.RetentionSettings retention, CancellationToken ct)
    {
        var id = person.Id;
        var showWho = actor.Is(Roles.Auditor);
        var log = (await PersonHistory.AccessEntries(session, id, ct))
            .Select(e => ExportAccessEntryDto.From(e, showWho)).ToList();
        var today = clock.Today;
        var proposals = person.Proposals.Values.OrderBy(p => p.ProposalId).Select(p => SanctionProposalDto.From(person, p, today, policy)).ToList();
        var runs = await session.Query<PayoutRun>().Where(r => r.Lines.Any(l => l.PersonId == id)).ToListAsync(ct);
        var hours = await HourReads.OfPerson(session, id, ct);
        return new PersonExportDto(clock.Now, PersonDto.From(person, today, policy), person.LegalHold, person.ErasedOn,
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
            PrivacyInformation.Sources(person, await PrivacyInformation.Providers(session, person, hours, ct)));
    }
}

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
