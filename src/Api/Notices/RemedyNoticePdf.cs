namespace AGH.Api.Notices;

/// <summary>
/// The PDFs of the Fortsetzungsbescheid (v2) and of the decisions on objections (Abhilfe- and Widerspruchsbescheid, against a
/// restriction or a Heranziehungsbescheid), each from the event that issued it; wordings before these are not rendered.
/// </summary>
public static class RemedyNoticePdf
{
    public static async Task<IResult> Continuation(HttpContext http, IQuerySession session, Person person, Notice notice, NoticeSettings settings)
    {
        if (notice.Version != NoticeVersions.ContinuationNoticeV2) return NoticePdfProblems.NotRenderable(Json.EnumValue(notice.Kind));
        var events = await session.Events.FetchStreamAsync(person.Id, token: http.RequestAborted);
        if (events.Select(e => e.Data).OfType<RestrictionReviewed>().FirstOrDefault(e => e.NoticeId == notice.NoticeId) is not { Terms: { } terms } reviewed
            || !person.Proposals.TryGetValue(notice.SubjectId, out var proposal)
            || !person.Placements.TryGetValue(proposal.PlacementId, out var placement) || !placement.Refusals.TryGetValue(proposal.RefusalId, out var refusal)
            || await session.LoadAsync<Offer>(placement.OfferId, http.RequestAborted) is not { } offer)
            return Problems.NotFound("notice").Answer();
        var n = proposal.Restriction?.Periods.FirstOrDefault(p => p.NoticeId == notice.NoticeId)?.N ?? 2;
        var data = new ContinuationNoticeData(person, placement, offer, refusal, reviewed, terms, n, notice.IssuedOn,
            NoticeResults.Office(person.Municipality), notice.IssuedByName);
        return NoticeResults.Pdf(http, RestrictionNoticeText.ContinuationV2(data, settings), notice.Version, notice.NoticeId);
    }

    public static async Task<IResult> Objection(HttpContext http, IQuerySession session, Person person, Notice notice, NoticeSettings settings)
    {
        var events = await session.Events.FetchStreamAsync(person.Id, token: http.RequestAborted);
        var data = notice.Version switch
        {
            NoticeVersions.RestrictionObjectionUpheld or NoticeVersions.RestrictionObjectionDismissed => OnRestriction(person, notice, events),
            NoticeVersions.PlacementObjectionUpheld or NoticeVersions.PlacementObjectionDismissed => OnPlacement(person, notice, events),
            _ => null,
        };
        return data is null
            ? NoticePdfProblems.NotRenderable(Json.EnumValue(notice.Kind))
            : NoticeResults.Pdf(http, ObjectionNoticeText.Render(data, settings), notice.Version!, notice.NoticeId);
    }

    private static string D(DateOnly d) => NoticeWriter.Date(d);

    private static ObjectionNoticeData? OnRestriction(Person person, Notice notice, IReadOnlyList<JasperFx.Events.IEvent> events)
    {
        var i = events.ToList().FindIndex(e => e.Data is ObjectionDecided d && (d.NoticeId == notice.NoticeId || d.ReliefNoticeId == notice.NoticeId));
        if (i < 0) return null;
        var decided = (ObjectionDecided)events[i].Data;
        // The period as it stood before the decision: a partly upheld one has been shortened since.
        var before = Person.Fold(events.Take(i).Select(e => e.Data));
        if (before?.Proposals.GetValueOrDefault(decided.ProposalId) is not { Restriction: { } restriction } proposal) return null;
        var n = decided.Period ?? 1;
        if (restriction.Periods.FirstOrDefault(p => p.N == n) is not { } period || proposal.ObjectionFor(n) is not { } objection) return null;
        var objectedNotice = person.Notices.GetValueOrDefault(period.NoticeId);
        var objected = $"den Bescheid{(objectedNotice is null ? "" : $" vom {D(objectedNotice.IssuedOn)}")} über die Einschränkung Ihrer Leistungen "
            + $"nach § 1a Abs. 1 AsylbLG (Zeitraum {n}: {D(period.StartsOn)} bis {D(period.EndsOn)})";
        var outcome = decided.Decided;
        var (from, to) = (decided.NewStartsOn ?? period.StartsOn, decided.NewEndsOn ?? period.EndsOn);
#pragma warning disable CS8524
        var (relief, stands) = outcome switch
        {
            ObjectionOutcome.Upheld => ($"Der Bescheid wird für den Zeitraum {n} aufgehoben; einbehaltene Leistungen werden nachgezahlt.", (string?)null),
            ObjectionOutcome.PartlyUpheld => ($"Die Einschränkung gilt nur noch vom {D(from)} bis zum {D(to)}; für die übrige Zeit des Zeitraums {n} wird "
                + "der Bescheid aufgehoben und einbehaltene Leistungen werden nachgezahlt.", $"Im Übrigen bleibt die Einschränkung vom {D(from)} bis zum {D(to)} bestehen."),
            ObjectionOutcome.Dismissed => ("", $"Die Einschränkung vom {D(period.StartsOn)} bis zum {D(period.EndsOn)} bleibt bestehen."),
        };
#pragma warning restore CS8524
        return new ObjectionNoticeData(person, notice.Kind, notice.Version!, notice.IssuedOn, notice.IssuedByName, NoticeResults.Office(person.Municipality),
            objected, objection.ReceivedOn, relief, stands, outcome == ObjectionOutcome.PartlyUpheld, decided.Reasoning, decided.Costs);
    }

    private static ObjectionNoticeData? OnPlacement(Person person, Notice notice, IReadOnlyList<JasperFx.Events.IEvent> events)
    {
        if (events.Select(e => e.Data).OfType<PlacementObjectionDecided>().FirstOrDefault(e => e.NoticeId == notice.NoticeId) is not { } decided
            || !person.Placements.TryGetValue(decided.PlacementId, out var placement) || placement.Objection is not { } objection)
            return null;
        var assignment = person.AssignmentNotice(placement.PlacementId);
        var objected = $"den Heranziehungsbescheid{(assignment is null ? "" : $" vom {D(assignment.IssuedOn)}")} (Heranziehung zu einer Arbeitsgelegenheit "
            + "nach § 5 AsylbLG)";
        var upheld = decided.Outcome == PlacementObjectionOutcome.Upheld;
        return new ObjectionNoticeData(person, notice.Kind, notice.Version!, notice.IssuedOn, notice.IssuedByName, NoticeResults.Office(person.Municipality),
            objected, objection.ReceivedOn,
            upheld ? $"Der Heranziehungsbescheid wird aufgehoben; Ihre Heranziehung endet am {D(decided.DecidedOn)}." : "",
            upheld ? null : "Der Heranziehungsbescheid bleibt bestehen.", false, decided.Reasoning, decided.Costs);
    }
}
