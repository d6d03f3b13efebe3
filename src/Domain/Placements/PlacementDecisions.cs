using AGH.Domain.Common;
using AGH.Domain.Offers;
using AGH.Domain.Persons;

namespace AGH.Domain.Placements;

/// <summary>
/// Without <paramref name="NoticeServedOn"/> (the normal way since v3a) the assignment issues its Heranziehungsbescheid
/// today, signed by <paramref name="Issuer"/>; with it, the notice was served outside the service on that day.
/// </summary>
/// <paramref name="Schedule"/>, <paramref name="Until"/>, <paramref name="Reasoning"/> and <paramref name="InformationLanguage"/>
/// (contract v3b) are what the Heranziehungsbescheid states; required for a notice the service issues, optional for an external one.
public sealed record AssignPerson(Guid PlacementId, Guid PersonId, Guid OfferId, DateOnly? NoticeServedOn, DateOnly StartsOn, int HoursPerWeek,
    Actor? Issuer = null, IReadOnlyList<ScheduleBlock>? Schedule = null, DateOnly? Until = null, string? Reasoning = null,
    string? InformationLanguage = null);

public sealed record LogHours(Guid PlacementId, Guid EntryId, DateOnly Date, int Minutes);

public sealed record CorrectHours(Guid PlacementId, Guid EntryId, Guid NewEntryId, int Minutes, string Reason);

/// <summary><paramref name="AbsenceReportId"/>: the provider's absence report the refusal is recorded from (contract v3c).</summary>
public sealed record RecordRefusal(Guid PlacementId, Guid RefusalId, DateOnly Date, RefusalKind Kind, string StatedReason, Guid? AbsenceReportId = null);

public sealed record AssessRefusal(Guid PlacementId, Guid RefusalId, bool GoodCause, ExemptionReason? Reason, string Reasoning);

/// <summary><paramref name="Form"/> and <paramref name="HeldInPerson"/> (contract v3d): only an oral hearing in person may be held on the refusal day.</summary>
public sealed record HoldHearing(Guid PlacementId, Guid RefusalId, DateOnly HeldOn, string Statement, HearingForm? Form = null, bool? HeldInPerson = null);

public sealed record EndPlacement(Guid PlacementId, DateOnly Date, EndReason Reason, string? Note);

public static class PlacementDecisions
{
    /// <summary>§ 5 Abs. 4 AsylbLG: only eligible people, only into an open offer with a free place, only after the notice.</summary>
    public static Decision Assign(Offer offer, Person person, AssignPerson c, Policy policy, DateOnly today)
    {
        if (offer.StatusOn(today) != OfferStatus.Open)
            return Rejection.Conflict("offer-not-open", offer.Status == OfferStatus.Withdrawn ? "The offer has been withdrawn." : $"The offer ended on {offer.EndsOn:yyyy-MM-dd}.");
        if (c.StartsOn < offer.StartsOn || offer.EndsOn is { } end && c.StartsOn > end)
            return Rejection.Conflict("offer-not-open", $"The offer is not open on {c.StartsOn:yyyy-MM-dd}.");
        if (c.NoticeServedOn > today)
            return Rejection.Unprocessable("notice-in-future", "noticeServedOn lies in the future: work starts only after the notice has been served.");
        if (c.StartsOn < (c.NoticeServedOn ?? today))
            return Rejection.Unprocessable("start-before-notice", c.NoticeServedOn is null
                ? "startsOn lies before today, the day the Heranziehungsbescheid is issued."
                : "startsOn lies before the notice was served.");
        if (c.Until is { } until && (until <= c.StartsOn || until > Dates.EndOfMonthsPeriod(c.StartsOn, policy.MaxPlacementMonths)))
            return Rejection.Unprocessable("period-too-long", until <= c.StartsOn
                ? "until must lie after startsOn."
                : $"until lies after {Dates.EndOfMonthsPeriod(c.StartsOn, policy.MaxPlacementMonths):yyyy-MM-dd}, the end of {policy.MaxPlacementMonths} months from startsOn (§ 188 Abs. 2 BGB).");
        if (c.HoursPerWeek > offer.HoursPerWeek)
            return Rejection.Unprocessable("hours-exceed-offer", $"The offer plans {offer.HoursPerWeek} hours a week.");
        if (c.Schedule is { } schedule && Schedule.Mismatch(schedule, c.HoursPerWeek) is { } mismatch)
            return Rejection.Unprocessable("schedule-mismatch", mismatch);
        if (IneligibilityReason(person, c.StartsOn, policy) is { } why)
            return Rejection.Unprocessable("person-not-eligible", why);
        if (offer.Free <= 0)
            return Rejection.Conflict("no-free-place", $"All {offer.Places} places of the offer are taken.");

        // Without a recording user (the demo seeder, old domain tests): recorded as before v3a, its notice inferred.
        if (c.Issuer is null)
            return Decision.Accept(
                new StreamEvent(person.Id, new PersonAssigned(c.PlacementId, person.Id, offer.Id, person.Municipality,
                    c.NoticeServedOn, c.StartsOn, c.HoursPerWeek, NoticeOfLegalConsequences: true, NoticeVersions.AssignmentNotice,
                    Until: c.Until, Schedule: c.Schedule, Reasoning: c.Reasoning, InformationLanguage: c.InformationLanguage)),
                new StreamEvent(offer.Id, new PlaceOccupied(offer.Id, c.PlacementId, person.Id)));
        if (c.NoticeServedOn is { } servedOn)
        {
            var (issued, dispatched) = Notices.NoticeIssuing.RecordExternal(person, Notices.NoticeKind.Heranziehungsbescheid, c.PlacementId, servedOn, c.Issuer);
            return Decision.Accept(
                new StreamEvent(person.Id, new PersonAssigned(c.PlacementId, person.Id, offer.Id, person.Municipality,
                    servedOn, c.StartsOn, c.HoursPerWeek, NoticeOfLegalConsequences: true, NoticeVersions.AssignmentNotice,
                    ((Notices.NoticeIssued)issued.Event).NoticeId, c.Until, c.Schedule, c.Reasoning, c.InformationLanguage)),
                issued,
                dispatched,
                new StreamEvent(offer.Id, new PlaceOccupied(offer.Id, c.PlacementId, person.Id)));
        }
        // Issued in the service: the v3b wording, which prints the schedule, the period and the reasoning.
        var version = c.Schedule is null ? NoticeVersions.AssignmentNotice : NoticeVersions.AssignmentNoticeV2;
        var notice = Notices.NoticeIssuing.Issue(person, Notices.NoticeKind.Heranziehungsbescheid, c.PlacementId, version, c.Issuer, today);
        return Decision.Accept(
            new StreamEvent(person.Id, new PersonAssigned(c.PlacementId, person.Id, offer.Id, person.Municipality,
                null, c.StartsOn, c.HoursPerWeek, NoticeOfLegalConsequences: true, version,
                ((Notices.NoticeIssued)notice.Event).NoticeId, c.Until, c.Schedule, c.Reasoning, c.InformationLanguage)),
            notice,
            new StreamEvent(offer.Id, new PlaceOccupied(offer.Id, c.PlacementId, person.Id)));
    }

    /// <summary>
    /// Why the person may not be assigned on a day, apart from a placement they already hold: the one rule behind
    /// assignment (422 person-not-eligible) and the person's <c>eligibleToday</c>/<c>ineligibleReason</c> (contract v3d).
    /// </summary>
    public static (Ineligibility Reason, string Why)? Ineligible(Person person, DateOnly on, Policy policy)
    {
        if (person.DuplicateOf is { } kept) return (Ineligibility.Duplicate, $"The record was closed as a duplicate of {kept}; assign the record that is kept.");
        if (person.IsExcludedOn(on)) return (Ineligibility.Excluded, "The person is excluded from benefits under § 1 Abs. 4 AsylbLG.");
        if (!person.IsEntitled) return (Ineligibility.NotEntitled, "The person's AsylbLG entitlement has ended.");
        if (person.EntitledSince > on) return (Ineligibility.NotEntitled, "The person is not entitled on the start date.");
        var age = Dates.AgeOn(person.DateOfBirth, on);
        if (age < policy.MinimumAge) return (Ineligibility.UnderAge, $"The person is under the minimum age of {policy.MinimumAge}.");
        if (RetirementAge.IsReachedOn(person.DateOfBirth, on))
            return (Ineligibility.RetirementAge, $"The person has reached the statutory retirement age ({RetirementAge.Describe(person.DateOfBirth.Year)}, SGB VI §§ 35, 235) on {RetirementAge.ReachedOn(person.DateOfBirth):yyyy-MM-dd}.");
        if (person.IsExemptOn(on)) return (Ineligibility.Exempt, "A good reason (exemption) covers the start date.");
        return null;
    }

    public static string? IneligibilityReason(Person person, DateOnly on, Policy policy)
    {
        if (Ineligible(person, on, policy) is { } no) return no.Why;
        // A placement whose period (until) has passed no longer binds the person (contract v3b: it reads ended).
        if (person.Placements.Values.Any(p => !p.EndedBy(on))) return "The person already has an active placement.";
        return null;
    }

    /// <summary>
    /// Hours count only inside the placement and inside the offer that was made available (§ 5 Abs. 1 and 2 AsylbLG):
    /// the endpoint passes the offer's last day, <paramref name="offerEndsOn"/> (null when the offer is open-ended).
    /// <paramref name="week"/> holds at least the person's hours of the ISO week of <c>c.Date</c>, across placements.
    /// </summary>
    /// <remarks>
    /// Contract v3c: <paramref name="source"/> says who logs; once the provider confirmed the month
    /// (<paramref name="monthConfirmed"/>) it cannot change it (409 <c>month-confirmed</c>, before the date rules), while
    /// the office still may, its entry marked <c>afterConfirmation</c>.
    /// </remarks>
    public static Decision LogHours(Person person, Placement placement, HourLog week, LogHours c, Policy policy, DateOnly today, DateOnly? offerEndsOn = null,
        HourSource source = HourSource.Office, bool monthConfirmed = false)
    {
        if (monthConfirmed && source == HourSource.Provider)
            return Rejection.Conflict("month-confirmed", $"The provider confirmed {c.Date:yyyy-MM} already; the office corrects it from now on.");
        if (!placement.Covers(c.Date) || c.Date > today)
            return Rejection.Unprocessable("outside-placement", $"{c.Date:yyyy-MM-dd} lies before the start, after the end or in the future.");
        if (OutsideOffer(c.Date, offerEndsOn) is { } outside)
            return outside;
        if (CheckLimits(week, placement, c.Date, c.Minutes, replacing: null, policy) is { } rejection)
            return rejection;
        return Decision.Accept(new StreamEvent(person.Id, new HoursLogged(placement.PlacementId, person.Id, c.EntryId, c.Date, c.Minutes,
            source, monthConfirmed ? true : null)));
    }

    /// <summary>
    /// A correction may always cancel (0); raising or keeping hours needs a day inside the placement and the offer.
    /// <paramref name="week"/> holds at least the person's hours of the ISO week of the entry named (empty when none was found).
    /// </summary>
    /// <remarks><paramref name="confirmed"/> tells whether the provider confirmed the month of a day (v3c: the correction is then marked).</remarks>
    public static Decision CorrectHours(Person person, Placement placement, HourLog week, CorrectHours c, Policy policy, DateOnly? offerEndsOn = null,
        Func<DateOnly, bool>? confirmed = null)
    {
        var entry = week.Find(placement.PlacementId, c.EntryId);
        if (entry is null)
            return Rejection.NotFound("entry-not-found", "No such hour entry in this placement.");
        var original = entry.CorrectsEntryId ?? entry.EntryId;
        var date = entry.Date;
        if (c.Minutes > 0 && !placement.Covers(date))
            return Rejection.Unprocessable("outside-placement", $"{date:yyyy-MM-dd} lies outside the placement; the entry can only be corrected to 0.");
        if (c.Minutes > 0 && OutsideOffer(date, offerEndsOn) is { } outside)
            return outside;
        if (CheckLimits(week, placement, date, c.Minutes, replacing: original, policy) is { } rejection)
            return rejection;
        return Decision.Accept(new StreamEvent(person.Id,
            new HoursCorrected(placement.PlacementId, person.Id, c.NewEntryId, original, date, c.Minutes, c.Reason,
                confirmed?.Invoke(date) == true ? true : null)));
    }

    private static Rejection? OutsideOffer(DateOnly date, DateOnly? offerEndsOn) =>
        offerEndsOn is { } end && date > end
            ? Rejection.Unprocessable("outside-offer", $"{date:yyyy-MM-dd} lies after the offer ended on {end:yyyy-MM-dd}.")
            : null;

    /// <summary>
    /// Effective entries (value above 0 after corrections) dated after a last day of work: an end must not leave hours
    /// behind it that a payout would then drop without a trace. The detail names the dates, so they can be corrected to 0.
    /// </summary>
    public static Rejection? HoursAfter(IEnumerable<HourEntry> effective, DateOnly lastDay)
    {
        var dates = effective.Where(e => e.Minutes > 0 && e.Date > lastDay)
            .Select(e => e.Date).Distinct().Order().ToList();
        return dates.Count == 0 ? null
            : Rejection.Unprocessable("hours-after-end",
                $"Hours are logged after {lastDay:yyyy-MM-dd} on {string.Join(", ", dates.Select(d => d.ToString("yyyy-MM-dd")))}; correct them to 0 first.");
    }

    private static Rejection? CheckLimits(HourLog hours, Placement placement, DateOnly date, int minutes, Guid? replacing, Policy policy)
    {
        bool Counts(HourEntry e) => (e.CorrectsEntryId ?? e.EntryId) != replacing;

        var week = Dates.IsoWeek(date);
        var effective = hours.Effective.Where(e => Dates.IsoWeek(e.Date) == week && Counts(e)).ToList();
        var day = effective.Where(e => e.Date == date).Sum(e => e.Minutes);
        if ((long)day + minutes > policy.DailyCapMinutes)
            return Rejection.Unprocessable("daily-limit", $"{day} minutes are already logged on {date:yyyy-MM-dd}; the limit is {policy.DailyCapMinutes}.");

        var weekly = effective.Where(e => e.PlacementId == placement.PlacementId).Sum(e => e.Minutes);
        if ((long)weekly + minutes > placement.HoursPerWeek * 60)
            return Rejection.Unprocessable("weekly-limit", $"{weekly} minutes are already logged in ISO week {week.Week}; the placement plans {placement.HoursPerWeek} hours.");
        // The configured cap holds per person, also when one placement ends and another starts in the same week.
        var personWeekly = effective.Sum(e => e.Minutes);
        if ((long)personWeekly + minutes > policy.WeeklyCapMinutes)
            return Rejection.Unprocessable("weekly-limit", $"{personWeekly} minutes are already logged for the person in ISO week {week.Week}; the cap is {policy.WeeklyCapMinutes}.");
        return null;
    }

    /// <remarks>
    /// <paramref name="week"/> holds at least the placement's hours of the refusal's day: a no-show or dropping out on a day
    /// with effective hours logged contradicts them (contract v3d: 422 hours-on-refusal-day; correct the hours first).
    /// </remarks>
    public static Decision RecordRefusal(Person person, Placement placement, RecordRefusal c, Policy policy, DateOnly today, HourLog? week = null)
    {
        if (c.Date > today)
            return Rejection.Unprocessable("date-in-future", "The refusal date lies in the future.");
        if (placement.EndedOn is { } ended && c.Date > ended)
            return Rejection.Unprocessable("outside-placement", "The refusal date lies after the placement ended.");
        if (placement.Until is { } until && c.Date > until)
            return Rejection.Unprocessable("outside-placement", $"The refusal date lies after the placement's period ended on {until:yyyy-MM-dd}.");
        if (RefusalNotification.Check(person, placement, c.Kind, c.Date) is { } waiting) return waiting;
        // § 86a Abs. 1 SGG: no duty, so no refusal, while a timely objection or the Klage after it suspends it.
        if (person.IsDutySuspendedOn(placement.PlacementId, c.Date, policy))
            return Rejection.Unprocessable("duty-suspended", $"The duty to work was suspended on {c.Date:yyyy-MM-dd} by the objection against the Heranziehungsbescheid (§ 86a Abs. 1 SGG).");
        if (c.Kind is RefusalKind.NoShow or RefusalKind.DroppedOut
            && (week?.EffectiveOf(placement.PlacementId).Where(e => e.Date == c.Date).Sum(e => e.Minutes) ?? 0) is var minutes and > 0)
            return Rejection.Unprocessable("hours-on-refusal-day", $"{minutes} minutes are logged on {c.Date:yyyy-MM-dd} for this placement; correct the hours first.");
        return Decision.Accept(new StreamEvent(person.Id,
            new RefusalRecorded(placement.PlacementId, person.Id, c.RefusalId, c.Date, c.Kind, c.StatedReason, c.AbsenceReportId)));
    }

    public static Decision AssessRefusal(Person person, Placement placement, AssessRefusal c)
    {
        if (!placement.Refusals.TryGetValue(c.RefusalId, out var refusal))
            return Rejection.NotFound("refusal-not-found", "No such refusal in this placement.");
        if (refusal.Assessment is not null)
            return Rejection.Conflict("already-assessed", "The refusal has already been assessed.");
        // A day without a duty to work is a good reason by law; no assessment may say otherwise (§ 5 Abs. 3, 4 AsylbLG).
        if (!c.GoodCause && person.NotObligedReason(refusal.Date) is { } why)
            return Rejection.Unprocessable("not-obliged-on-refusal-date", $"The person had no duty to work on {refusal.Date:yyyy-MM-dd}: {why}.");
        return Decision.Accept(new StreamEvent(person.Id,
            new RefusalAssessed(placement.PlacementId, person.Id, c.RefusalId, c.GoodCause, c.GoodCause ? c.Reason : null, c.Reasoning)));
    }

    /// <summary>§ 28 VwVfG: the person is heard before a burdening decision.</summary>
    public static Decision HoldHearing(Person person, Placement placement, HoldHearing c, DateOnly today)
    {
        if (!placement.Refusals.TryGetValue(c.RefusalId, out var refusal))
            return Rejection.NotFound("refusal-not-found", "No such refusal in this placement.");
        if (c.HeldOn > today)
            return Rejection.Unprocessable("date-in-future", "heldOn lies in the future.");
        if (c.HeldOn < refusal.Date)
            return Rejection.Unprocessable("hearing-before-refusal", "heldOn lies before the refusal.");
        if (refusal.Hearing is not null)
            return Rejection.Conflict("already-heard", "A hearing on this refusal has already been recorded.");
        // The person needs time to prepare (§ 28 VwVfG): on the day itself only when heard orally, face to face.
        if (c.HeldOn == refusal.Date && !(c.Form == HearingForm.Oral && c.HeldInPerson == true))
            return Rejection.Unprocessable("hearing-on-refusal-day", "A hearing on the refusal day itself must be oral and in person (form oral, heldInPerson true).");
        return Decision.Accept(new StreamEvent(person.Id,
            new HearingHeld(placement.PlacementId, person.Id, c.RefusalId, c.HeldOn, c.Statement, c.Form, c.HeldInPerson)));
    }

    /// <summary>
    /// The place becomes free at once. A placement that has not begun yet may end on any day from its notice on (the
    /// person took up work before it began); one that has begun not before its start.
    /// </summary>
    /// <paramref name="hoursAfter"/> holds at least the person's hours of the weeks after <c>c.Date</c>.
    public static Decision End(Person person, Placement placement, EndPlacement c, HourLog hoursAfter, DateOnly today)
    {
        if (!placement.IsActive)
            return Rejection.Conflict("placement-ended", $"The placement already ended on {placement.EndedOn:yyyy-MM-dd}.");
        if (c.Date > today)
            return Rejection.Unprocessable("date-in-future", "The last day of work lies in the future.");
        var issuedOn = person.AssignmentNotice(placement.PlacementId)?.IssuedOn ?? placement.StartsOn;
        if (c.Date < placement.EarliestEnd(today, issuedOn))
            return Rejection.Unprocessable("end-before-start", placement.StartsOn > today
                ? $"The placement has not begun; its end lies before the notice was issued on {issuedOn:yyyy-MM-dd}."
                : "The last day of work lies before the start.");
        if (HoursAfter(hoursAfter.EffectiveOf(placement.PlacementId), c.Date) is { } hours)
            return hours;
        return Ended(person, placement, c.Date, c.Reason, c.Note);
    }

    /// <summary>
    /// The period the Heranziehungsbescheid names has run out (its <c>until</c> lies before <paramref name="today"/>):
    /// recorded by the service, never by a client, as ending by hand records it, on <c>until</c> with
    /// <see cref="EndReason.PeriodEnded"/>, and the place is freed. No hours check: hours after <c>until</c> were refused
    /// (outside-placement) and count nowhere (<see cref="Placement.Covers"/>).
    /// </summary>
    public static Decision EndPeriod(Person person, Placement placement, DateOnly today)
    {
        if (!placement.IsActive)
            return Rejection.Conflict("placement-ended", $"The placement already ended on {placement.EndedOn:yyyy-MM-dd}.");
        if (placement.Until is not { } until || until >= today)
            return Rejection.Conflict("period-running", placement.Until is { } u
                ? $"The placement's period runs until {u:yyyy-MM-dd}."
                : "The placement's notice names no end of its period.");
        return Ended(person, placement, until, EndReason.PeriodEnded, null);
    }

    // What every end records: the end on the person's stream, the freed place on the offer's.
    private static Decision Ended(Person person, Placement placement, DateOnly lastDay, EndReason reason, string? note) => Decision.Accept(
        new StreamEvent(person.Id, new PlacementEnded(placement.PlacementId, person.Id, placement.OfferId, lastDay, reason, note)),
        new StreamEvent(placement.OfferId, new PlaceReleased(placement.OfferId, placement.PlacementId)));
}
