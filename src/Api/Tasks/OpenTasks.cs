using AGH.Api.Placements;

namespace AGH.Api.Tasks;

public enum OpenTaskKind
{
    RefusalToAssess,
    HearingDue,
    ProposalDue,
    NoticeToDispatch,
    ObjectionToDecide,
    ProposalToDecide,
    ReviewDue,
    ExemptionEnding,
    PlacementStarting,
    PlacementEnding,
    HoursMissing,
    RunToReview,
    RunToRelease,
}

public sealed record OpenTaskDto(
    OpenTaskKind Kind,
    [property: System.ComponentModel.Description("The day by which it is to be done, where the task has one (an end, a start, a restriction's last day).")]
    DateOnly? DueOn,
    [property: System.ComponentModel.Description("The day the work became open (the refusal, the hearing, the notice's issue, the objection's receipt, the month after a run's month...); the list is ordered by it.")]
    DateOnly Since,
    Guid? PersonId,
    Guid? PlacementId,
    Guid? RefusalId,
    Guid? ProposalId,
    Guid? RunId,
    [property: System.ComponentModel.Description("A short German text naming the work and the person, e.g. \"Weigerung bewerten: Yusuf, Amina (AZ-1)\".")]
    string Label,
    [property: System.ComponentModel.Description("The notice to dispatch (notice-to-dispatch only).")]
    Guid? NoticeId = null);

/// <summary>
/// Open work (contract v3d), computed from the persons' folds, the hour rows and the payout runs. Every kind reads the rule
/// the command or list it leads to applies (proposal preconditions, hearing state, review list, notices awaiting dispatch),
/// so a task disappears exactly when that step has been taken.
/// </summary>
public static class OpenTasks
{
    public const int ExemptionDays = 14;
    public const int PlacementDays = 7;
    /// <summary>The review list's default window (GET /api/restrictions/due-for-review).</summary>
    public const int ReviewDays = 30;

    private static readonly OpenTaskKind[] Casework =
    [
        OpenTaskKind.RefusalToAssess, OpenTaskKind.HearingDue, OpenTaskKind.ProposalDue, OpenTaskKind.NoticeToDispatch,
        OpenTaskKind.ExemptionEnding, OpenTaskKind.PlacementStarting, OpenTaskKind.PlacementEnding, OpenTaskKind.HoursMissing,
    ];

    private static readonly OpenTaskKind[] Deciding =
        [OpenTaskKind.ProposalToDecide, OpenTaskKind.ObjectionToDecide, OpenTaskKind.ReviewDue, OpenTaskKind.NoticeToDispatch];

    private static readonly OpenTaskKind[] Payroll = [OpenTaskKind.RunToReview, OpenTaskKind.RunToRelease];

    /// <summary>The kinds a role works on; roles without a task list count every kind about a person (openTasks).</summary>
    public static IReadOnlySet<OpenTaskKind> KindsOf(string role) => role switch
    {
        Roles.Caseworker => Casework.ToHashSet(),
        Roles.Official => Deciding.ToHashSet(),
        Roles.Payroll => Payroll.ToHashSet(),
        _ => Casework.Concat(Deciding).ToHashSet(),
    };

    /// <summary>The caller's tasks, oldest first.</summary>
    public static async Task<List<OpenTaskDto>> For(IQuerySession session, Actor actor, Policy policy, DateOnly today, CancellationToken ct)
    {
        var kinds = KindsOf(actor.Role);
        var tasks = new List<OpenTaskDto>();
        if (kinds.Contains(OpenTaskKind.RunToReview) || kinds.Contains(OpenTaskKind.RunToRelease))
            tasks.AddRange(await Runs(session, actor, ct));
        if (kinds.Overlaps(Casework.Concat(Deciding)))
        {
            var query = session.Query<Person>().AsQueryable();
            if (actor.Municipality is { } m) query = query.Where(p => p.Municipality == m);
            var persons = (await query.ToListAsync(ct)).Where(p => actor.MaySee(p.Municipality)).ToList();
            tasks.AddRange(await OfPersons(session, persons, kinds, policy, today, ct));
        }
        return Ordered(tasks);
    }

    /// <summary>One person's open tasks of the given kinds (the person's <c>openTasks</c>).</summary>
    public static async Task<int> CountFor(IQuerySession session, Person person, Actor actor, Policy policy, DateOnly today, CancellationToken ct) =>
        (await OfPersons(session, [person], KindsOf(actor.Role), policy, today, ct)).Count;

    /// <summary>The open tasks per person of a page of persons (the person list's <c>openTasks</c>), read at once.</summary>
    public static async Task<Dictionary<Guid, int>> CountsFor(IQuerySession session, IReadOnlyList<Person> persons, Actor actor, Policy policy, DateOnly today,
        CancellationToken ct) =>
        (await OfPersons(session, persons, KindsOf(actor.Role), policy, today, ct)).GroupBy(t => t.PersonId!.Value).ToDictionary(g => g.Key, g => g.Count());

    public static List<OpenTaskDto> Ordered(IEnumerable<OpenTaskDto> tasks) => tasks
        .OrderBy(t => t.Since).ThenBy(t => t.DueOn ?? DateOnly.MaxValue).ThenBy(t => t.Kind).ThenBy(t => t.Label, StringComparer.Ordinal)
        .ThenBy(t => t.PersonId).ThenBy(t => t.RefusalId ?? t.ProposalId ?? t.NoticeId ?? t.PlacementId ?? t.RunId).ToList();

    private static async Task<List<OpenTaskDto>> OfPersons(IQuerySession session, IReadOnlyList<Person> persons, IReadOnlySet<OpenTaskKind> kinds,
        Policy policy, DateOnly today, CancellationToken ct)
    {
        var open = persons.Where(p => p.DuplicateOf is null && p.ErasedOn is null).ToList();
        var (lastMonday, lastSunday) = LastWeek(today);
        // Hours after the refusals (duty-fulfilled for the review list and today's facts for a proposal) and last week's entries.
        var afterRefusals = kinds.Contains(OpenTaskKind.ReviewDue) || kinds.Contains(OpenTaskKind.ProposalDue)
            ? await HourReads.AfterRefusals(session, open, ct) : [];
        var weekPlacements = kinds.Contains(OpenTaskKind.HoursMissing)
            ? open.SelectMany(p => p.Placements.Values).Where(pl => !pl.EndedBy(today) && WorkdaysLastWeek(null, pl, today).Any()).Select(pl => pl.PlacementId).ToArray()
            : [];
        var lastWeek = weekPlacements.Length > 0 ? await HourReads.OfPlacements(session, weekPlacements, lastMonday, lastSunday, ct) : HourLog.Empty;
        var withHours = lastWeek.Effective.Select(e => e.PlacementId).ToHashSet();
        var tasks = new List<OpenTaskDto>();
        foreach (var person in open)
            tasks.AddRange(OfPerson(person, kinds, policy, today, afterRefusals.GetValueOrDefault(person.Id) ?? HourLog.Empty, withHours));
        return tasks;
    }

    private static IEnumerable<OpenTaskDto> OfPerson(Person p, IReadOnlySet<OpenTaskKind> kinds, Policy policy, DateOnly today,
        HourLog hoursAfterRefusals, HashSet<Guid> placementsWithHoursLastWeek)
    {
        var proposed = p.Proposals.Values.Select(x => x.RefusalId).ToHashSet();
        OpenTaskDto Task(OpenTaskKind kind, string what, DateOnly since, DateOnly? dueOn = null, Guid? placement = null, Guid? refusal = null,
            Guid? proposal = null, Guid? notice = null) =>
            new(kind, dueOn, since, p.Id, placement, refusal, proposal, null, $"{what}: {Name(p)}", notice);

        foreach (var pl in p.Placements.Values)
        {
            foreach (var r in pl.Refusals.Values.Where(r => !proposed.Contains(r.RefusalId)))
            {
                if (r.Assessment is null)
                {
                    if (kinds.Contains(OpenTaskKind.RefusalToAssess))
                        yield return Task(OpenTaskKind.RefusalToAssess, "Weigerung bewerten", r.Date, placement: pl.PlacementId, refusal: r.RefusalId);
                    continue;
                }
                if (r.Assessment.GoodCause) continue;
                if (r.Hearing is null && r.Invitation is null)
                {
                    if (kinds.Contains(OpenTaskKind.HearingDue))
                        yield return Task(OpenTaskKind.HearingDue, "Anhörung durchführen", r.Date, placement: pl.PlacementId, refusal: r.RefusalId);
                }
                // Heard (or the invitation's deadline passed) and nothing else keeps a proposal back, as POST sanction-proposals checks.
                else if (kinds.Contains(OpenTaskKind.ProposalDue)
                    && ProposalPreconditions.Missing(p, pl, r, policy, today).Count == 0
                    && !ProposalPreconditions.MissingToday(p, pl, r, hoursAfterRefusals, today).Any())
                    yield return Task(OpenTaskKind.ProposalDue, "Anspruchseinschränkung vorschlagen",
                        r.Hearing?.HeldOn ?? r.Invitation!.Deadline.AddDays(1), placement: pl.PlacementId, refusal: r.RefusalId);
            }
            if (kinds.Contains(OpenTaskKind.ObjectionToDecide) && pl.Objection is { Status: PlacementObjectionStatus.Pending } po)
                yield return Task(OpenTaskKind.ObjectionToDecide, "Widerspruch (Heranziehung) entscheiden", po.ReceivedOn, placement: pl.PlacementId);
            if (pl.EndedBy(today)) continue;
            if (kinds.Contains(OpenTaskKind.PlacementStarting) && pl.StartsOn >= today && pl.StartsOn <= today.AddDays(PlacementDays))
                yield return Task(OpenTaskKind.PlacementStarting, "Einsatz beginnt", Earlier(today, pl.StartsOn.AddDays(-PlacementDays)), pl.StartsOn, pl.PlacementId);
            if (kinds.Contains(OpenTaskKind.PlacementEnding) && pl.Until is { } until && until >= today && until <= today.AddDays(PlacementDays))
                yield return Task(OpenTaskKind.PlacementEnding, "Einsatz endet", Earlier(today, until.AddDays(-PlacementDays)), until, pl.PlacementId);
            if (kinds.Contains(OpenTaskKind.HoursMissing) && !placementsWithHoursLastWeek.Contains(pl.PlacementId)
                && WorkdaysLastWeek(p, pl, today).Any() && !pl.Refusals.Values.Any(r => r.Date >= LastWeek(today).Monday && r.Date <= LastWeek(today).Sunday))
                yield return Task(OpenTaskKind.HoursMissing, "Stunden der Vorwoche fehlen", LastWeek(today).Sunday.AddDays(1), placement: pl.PlacementId);
        }
        foreach (var x in p.Proposals.Values)
        {
            var refusalDay = SanctionDecisions.RefusalDate(p, x.ProposalId);
            if (kinds.Contains(OpenTaskKind.ProposalToDecide) && x.Decision is null)
                yield return Task(OpenTaskKind.ProposalToDecide, "Vorschlag zur Anspruchseinschränkung entscheiden", HeardOn(p, x) ?? refusalDay,
                    placement: x.PlacementId, refusal: x.RefusalId, proposal: x.ProposalId);
            if (kinds.Contains(OpenTaskKind.ObjectionToDecide))
                foreach (var o in x.Objections.Where(o => o.Status == ObjectionStatus.Pending))
                    yield return Task(OpenTaskKind.ObjectionToDecide, "Widerspruch (Anspruchseinschränkung) entscheiden", o.ReceivedOn,
                        placement: x.PlacementId, proposal: x.ProposalId);
        }
        if (kinds.Contains(OpenTaskKind.ReviewDue))
            foreach (var d in SanctionDecisions.DueForReview(p, today, ReviewDays, hoursAfterRefusals))
                yield return Task(OpenTaskKind.ReviewDue, "Einschränkung überprüfen", Earlier(today, d.EndsOn.AddDays(-ReviewDays)), d.EndsOn, proposal: d.ProposalId);
        // As the list of notices awaiting dispatch reads them.
        if (kinds.Contains(OpenTaskKind.NoticeToDispatch))
            foreach (var n in p.Notices.Values.Where(n => n.Dispatch is null))
                yield return Task(OpenTaskKind.NoticeToDispatch, "Bescheid versenden", n.IssuedOn, notice: n.NoticeId);
        if (kinds.Contains(OpenTaskKind.ExemptionEnding))
            foreach (var e in p.Exemptions.Where(e => !e.Withdrawn && e.Until is { } u && u >= today && u <= today.AddDays(ExemptionDays)))
                yield return Task(OpenTaskKind.ExemptionEnding, "Befreiung endet", Earlier(today, e.Until!.Value.AddDays(-ExemptionDays)), e.Until);
    }

    private static async Task<List<OpenTaskDto>> Runs(IQuerySession session, Actor actor, CancellationToken ct)
    {
        var runs = await session.Query<PayoutRun>()
            .Where(r => r.Status == PayoutRunStatus.Prepared || r.Status == PayoutRunStatus.Reviewed).ToListAsync(ct);
        return runs.Select(r =>
        {
            var parsed = Month.TryParse(r.Month, out var m);
            var since = parsed ? m.Last.AddDays(1) : DateOnly.MinValue;
            var month = parsed ? m.German : r.Month;
            return r.Status == PayoutRunStatus.Prepared
                ? new OpenTaskDto(OpenTaskKind.RunToReview, null, since, null, null, null, null, r.Id, $"Auszahlungslauf prüfen: {month}")
                : new OpenTaskDto(OpenTaskKind.RunToRelease, null, since, null, null, null, null, r.Id, $"Auszahlungslauf freigeben: {month}");
        }).ToList();
    }

    private static string Name(Person p) => $"{p.FamilyName}, {p.GivenName}" + (p.FileReference is { } f ? $" ({f})" : "");

    private static DateOnly Earlier(DateOnly a, DateOnly b) => a < b ? a : b;

    private static DateOnly? HeardOn(Person p, SanctionProposal x) =>
        p.Placements.TryGetValue(x.PlacementId, out var pl) && pl.Refusals.TryGetValue(x.RefusalId, out var r) ? r.Hearing?.HeldOn : null;

    private static (DateOnly Monday, DateOnly Sunday) LastWeek(DateOnly today)
    {
        var monday = HourRows.MondayOf(today).AddDays(-7);
        return (monday, monday.AddDays(6));
    }

    /// <summary>Last week's Monday to Friday the placement covered (and, given the person, on which no good reason excused them).</summary>
    private static IEnumerable<DateOnly> WorkdaysLastWeek(Person? person, Placement placement, DateOnly today)
    {
        var monday = LastWeek(today).Monday;
        return Enumerable.Range(0, 5).Select(monday.AddDays).Where(d => placement.Covers(d) && (person is null || person.NotObligedReason(d) is null));
    }
}
