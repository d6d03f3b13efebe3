using AGH.Domain.Common;
using AGH.Domain.Persons;
using AGH.Domain.Placements;

namespace AGH.Tests.Domain;

/// <summary>The default placement runs from Monday 2026-10-05 at 20 hours (1200 minutes) a week; today is Wednesday 2026-11-25.</summary>
public class LogHoursTests
{
    private static readonly Guid Entry = T.Id(1);

    private static Decision Log(object[] history, DateOnly date, int minutes, Policy? policy = null, DateOnly? today = null,
        Guid? placementId = null)
    {
        var person = Given.Person(history);
        var placement = person.Placements[placementId ?? T.PlacementId];
        return PlacementDecisions.LogHours(person, placement, Given.Hours(history),
            new LogHours(placement.PlacementId, Entry, date, minutes), policy ?? Policy.Default, today ?? T.Today);
    }

    [Fact]
    public void LogHours_emits_HoursLogged_on_the_person_stream()
    {
        Log(A.PlacedPerson(), T.D(2026, 11, 16), 240)
            .ShouldAccept(new StreamEvent(T.PersonId, new HoursLogged(T.PlacementId, T.PersonId, Entry, T.D(2026, 11, 16), 240, HourSource.Office)));
    }

    // ---- v3c: the provider's confirmation -------------------------------------------------------------------------

    private static Decision LogAs(HourSource source, bool confirmed, DateOnly date)
    {
        var history = A.PlacedPerson();
        var person = Given.Person(history);
        return PlacementDecisions.LogHours(person, person.Placements[T.PlacementId], Given.Hours(history),
            new LogHours(T.PlacementId, Entry, date, 60), Policy.Default, T.Today, source: source, monthConfirmed: confirmed);
    }

    [Fact]
    public void A_provider_logs_with_source_provider_until_the_month_is_confirmed_then_409_before_the_date_rules()
    {
        LogAs(HourSource.Provider, confirmed: false, T.D(2026, 10, 20))
            .ShouldAccept(new StreamEvent(T.PersonId, new HoursLogged(T.PlacementId, T.PersonId, Entry, T.D(2026, 10, 20), 60, HourSource.Provider)));
        LogAs(HourSource.Provider, confirmed: true, T.D(2026, 10, 20)).ShouldReject("month-confirmed");
        // A day before the placement's start in a confirmed month: the state conflict answers first (contract order of checks).
        LogAs(HourSource.Provider, confirmed: true, T.D(2026, 10, 1)).ShouldReject("month-confirmed");
    }

    [Fact]
    public void The_office_still_logs_in_a_confirmed_month_marked_after_confirmation()
    {
        LogAs(HourSource.Office, confirmed: true, T.D(2026, 10, 20))
            .ShouldAccept(new StreamEvent(T.PersonId, new HoursLogged(T.PlacementId, T.PersonId, Entry, T.D(2026, 10, 20), 60, HourSource.Office, true)));
    }

    [Fact]
    public void A_month_is_confirmed_once_and_only_after_it_ended()
    {
        var offer = Given.Offer(A.OfferRegistered());
        var at = new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);
        AGH.Domain.Offers.OfferDecisions.ConfirmTimesheet(offer, new AGH.Domain.Offers.ConfirmTimesheet(T.OfferId, 2026, 11, "tafel", "u1", at), T.Today)
            .ShouldReject("month-not-ended");
        AGH.Domain.Offers.OfferDecisions.ConfirmTimesheet(offer, new AGH.Domain.Offers.ConfirmTimesheet(T.OfferId, 2026, 10, "tafel", "u1", at), T.Today)
            .ShouldAccept(new StreamEvent(T.OfferId, new AGH.Domain.Offers.TimesheetConfirmed(T.OfferId, "2026-10", "tafel", "u1", at)));
        var confirmed = Given.Offer(A.OfferRegistered(), new AGH.Domain.Offers.TimesheetConfirmed(T.OfferId, "2026-10", "tafel", "u1", at));
        confirmed.IsConfirmed(T.D(2026, 10, 31)).Should().BeTrue();
        confirmed.IsConfirmed(T.D(2026, 11, 1)).Should().BeFalse();
        AGH.Domain.Offers.OfferDecisions.ConfirmTimesheet(confirmed, new AGH.Domain.Offers.ConfirmTimesheet(T.OfferId, 2026, 10, "tafel", "u1", at), T.Today)
            .ShouldReject("month-confirmed");
    }

    [Fact]
    public void Logged_hours_add_up_on_the_placement()
    {
        var placement = Given.HoursOf(A.PlacedPerson(
            A.HoursLogged(T.Id(1), T.D(2026, 11, 16), 240),
            A.HoursLogged(T.Id(2), T.D(2026, 11, 17), 195)));

        placement.MinutesLogged.Should().Be(435);
        placement.Entries.Should().HaveCount(2);
    }

    // ---- inside the placement -----------------------------------------------------------------------------------

    [Fact]
    public void LogHours_on_the_start_day_is_accepted()
    {
        Log(A.PlacedPerson(), T.D(2026, 10, 5), 60).ShouldAccept();
    }

    [Fact]
    public void LogHours_before_the_start_is_rejected()
    {
        Log(A.PlacedPerson(), T.D(2026, 10, 4), 60).ShouldReject("outside-placement", RejectionKind.Unprocessable);
    }

    [Fact]
    public void LogHours_on_the_last_day_of_an_ended_placement_is_accepted()
    {
        Log(A.PlacedPerson(A.PlacementEnded(T.D(2026, 11, 20))), T.D(2026, 11, 20), 60).ShouldAccept();
    }

    [Fact]
    public void LogHours_after_the_end_is_rejected()
    {
        Log(A.PlacedPerson(A.PlacementEnded(T.D(2026, 11, 20))), T.D(2026, 11, 21), 60)
            .ShouldReject("outside-placement", RejectionKind.Unprocessable);
    }

    [Fact]
    public void LogHours_today_is_accepted()
    {
        Log(A.PlacedPerson(), T.Today, 60).ShouldAccept();
    }

    [Fact]
    public void LogHours_in_the_future_is_rejected()
    {
        Log(A.PlacedPerson(), T.Today.AddDays(1), 60).ShouldReject("outside-placement", RejectionKind.Unprocessable);
    }

    // ---- daily limit ----------------------------------------------------------------------------------------------

    [Fact]
    public void LogHours_up_to_480_minutes_a_day_is_accepted()
    {
        Log(A.PlacedPerson(A.HoursLogged(T.Id(9), T.D(2026, 11, 16), 300)), T.D(2026, 11, 16), 180).ShouldAccept();
    }

    [Fact]
    public void LogHours_above_480_minutes_a_day_across_entries_is_rejected()
    {
        Log(A.PlacedPerson(A.HoursLogged(T.Id(9), T.D(2026, 11, 16), 300)), T.D(2026, 11, 16), 195)
            .ShouldReject("daily-limit", RejectionKind.Unprocessable);
    }

    [Fact]
    public void A_single_entry_above_480_minutes_is_rejected()
    {
        Log(A.PlacedPerson(), T.D(2026, 11, 16), 481).ShouldReject("daily-limit", RejectionKind.Unprocessable);
    }

    [Fact]
    public void A_single_entry_of_exactly_480_minutes_is_accepted()
    {
        Log(A.PlacedPerson(), T.D(2026, 11, 16), 480).ShouldAccept();
    }

    [Fact]
    public void The_daily_limit_is_policy()
    {
        Log(A.PlacedPerson(), T.D(2026, 11, 16), 300, Policy.Default with { DailyCapMinutes = 240 }).ShouldReject("daily-limit");
    }

    [Fact]
    public void The_daily_limit_counts_the_hours_of_an_ended_placement_of_the_same_person_on_the_same_day()
    {
        // The first placement ends on Wednesday 2026-11-18 after 300 minutes; a new one starts the same day.
        object[] history = A.PlacedPerson(
            A.HoursLogged(T.Id(9), T.D(2026, 11, 18), 300),
            A.PlacementEnded(T.D(2026, 11, 18)),
            A.PersonAssigned(T.SecondPlacementId, T.OtherOfferId, noticeServedOn: T.D(2026, 11, 16), startsOn: T.D(2026, 11, 18)));

        Log(history, T.D(2026, 11, 18), 195, placementId: T.SecondPlacementId).ShouldReject("daily-limit");
        Log(history, T.D(2026, 11, 18), 180, placementId: T.SecondPlacementId).ShouldAccept();
    }

    [Fact]
    public void A_cancelled_entry_no_longer_counts_towards_the_daily_limit()
    {
        Log(A.PlacedPerson(
                A.HoursLogged(T.Id(9), T.D(2026, 11, 16), 300),
                A.HoursCorrected(T.Id(10), T.Id(9), T.D(2026, 11, 16), 0)),
            T.D(2026, 11, 16), 480).ShouldAccept();
    }

    // ---- weekly limit ---------------------------------------------------------------------------------------------

    /// <summary>1200 minutes, the placement's 20 hours, in ISO week 2026-W47 (Monday 16 to Thursday 19 November).</summary>
    private static object[] FullWeek47(params object[] more) => A.PlacedPerson([
        A.HoursLogged(T.Id(11), T.D(2026, 11, 16), 300),
        A.HoursLogged(T.Id(12), T.D(2026, 11, 17), 300),
        A.HoursLogged(T.Id(13), T.D(2026, 11, 18), 300),
        A.HoursLogged(T.Id(14), T.D(2026, 11, 19), 300),
        .. more]);

    [Fact]
    public void LogHours_above_the_placements_hours_per_week_is_rejected()
    {
        Log(FullWeek47(), T.D(2026, 11, 22), 15).ShouldReject("weekly-limit", RejectionKind.Unprocessable); // Sunday, same week
    }

    [Fact]
    public void LogHours_up_to_the_placements_hours_per_week_is_accepted()
    {
        Log(A.PlacedPerson(
                A.HoursLogged(T.Id(11), T.D(2026, 11, 16), 300),
                A.HoursLogged(T.Id(12), T.D(2026, 11, 17), 300),
                A.HoursLogged(T.Id(13), T.D(2026, 11, 18), 300)),
            T.D(2026, 11, 22), 300).ShouldAccept();
    }

    [Fact]
    public void LogHours_in_the_next_ISO_week_starts_from_zero()
    {
        Log(FullWeek47(), T.D(2026, 11, 23), 300).ShouldAccept(); // Monday of 2026-W48
    }

    [Fact]
    public void The_weekly_limit_is_the_smaller_of_the_placements_hours_and_the_policy_cap()
    {
        object[] thirtyHours = [A.PersonRegistered(), A.PersonAssigned(hoursPerWeek: 30)];

        Log(thirtyHours, T.D(2026, 11, 16), 480).ShouldAccept();
        Log(thirtyHours, T.D(2026, 11, 16), 480, Policy.Default with { WeeklyCapMinutes = 420 }).ShouldReject("weekly-limit");
    }

    [Fact]
    public void Dec_31_2026_and_Jan_1_2027_lie_in_the_same_ISO_week_2026_W53()
    {
        Dates.IsoWeek(T.D(2026, 12, 31)).Should().Be((2026, 53));
        Dates.IsoWeek(T.D(2027, 1, 1)).Should().Be((2026, 53));
        Dates.IsoWeek(T.D(2027, 1, 3)).Should().Be((2026, 53));
        Dates.IsoWeek(T.D(2027, 1, 4)).Should().Be((2027, 1));
        Dates.IsoWeek(T.D(2025, 12, 29)).Should().Be((2026, 1));
    }

    /// <summary>10 hours a week from Monday 2026-12-28; 600 minutes on 2026-12-31 and 2027-01-01; today is 2027-01-10.</summary>
    private static object[] FullWeekAcrossNewYear() =>
    [
        A.PersonRegistered(),
        A.PersonAssigned(noticeServedOn: T.D(2026, 12, 21), startsOn: T.D(2026, 12, 28), hoursPerWeek: 10),
        A.HoursLogged(T.Id(21), T.D(2026, 12, 31), 300),
        A.HoursLogged(T.Id(22), T.D(2027, 1, 1), 300),
    ];

    [Fact]
    public void The_weekly_limit_spans_the_year_boundary_inside_one_ISO_week()
    {
        Log(FullWeekAcrossNewYear(), T.D(2027, 1, 3), 15, today: T.D(2027, 1, 10)).ShouldReject("weekly-limit");
        Log(FullWeekAcrossNewYear(), T.D(2026, 12, 28), 15, today: T.D(2027, 1, 10)).ShouldReject("weekly-limit");
    }

    [Fact]
    public void The_first_ISO_week_of_the_new_year_starts_from_zero()
    {
        Log(FullWeekAcrossNewYear(), T.D(2027, 1, 4), 300, today: T.D(2027, 1, 10)).ShouldAccept();
    }

    [Fact]
    public void The_same_week_number_in_another_year_is_another_week()
    {
        // 2026-01-07 lies in 2026-W02, 2027-01-13 in 2027-W02.
        object[] history =
        [
            A.PersonRegistered(),
            A.PersonAssigned(noticeServedOn: T.D(2026, 1, 2), startsOn: T.D(2026, 1, 5), hoursPerWeek: 10),
            A.HoursLogged(T.Id(21), T.D(2026, 1, 7), 480),
            A.HoursLogged(T.Id(22), T.D(2026, 1, 8), 120),
        ];

        Log(history, T.D(2027, 1, 13), 480, today: T.D(2027, 1, 20)).ShouldAccept();
    }

    [Fact]
    public void A_cancelled_entry_no_longer_counts_towards_the_weekly_limit()
    {
        Log(FullWeek47(A.HoursCorrected(T.Id(15), T.Id(14), T.D(2026, 11, 19), 0)), T.D(2026, 11, 22), 300).ShouldAccept();
    }
}

public class CorrectHoursTests
{
    private static readonly Guid Original = T.Id(1);
    private static readonly Guid Correction = T.Id(2);
    private static readonly Guid NewEntry = T.Id(3);
    private static readonly DateOnly Monday = T.D(2026, 11, 16);

    private static Decision Correct(object[] history, Guid entryId, int minutes, Policy? policy = null)
    {
        var (person, placement) = Given.Placed(history);
        return PlacementDecisions.CorrectHours(person, placement, Given.Hours(history),
            new CorrectHours(T.PlacementId, entryId, NewEntry, minutes, "Tippfehler"), policy ?? Policy.Default);
    }

    [Fact]
    public void CorrectHours_emits_a_new_entry_that_replaces_the_value()
    {
        var history = A.PlacedPerson(A.HoursLogged(Original, Monday, 300));
        var decision = Correct(history, Original, 240);

        decision.ShouldAccept(new StreamEvent(T.PersonId,
            new HoursCorrected(T.PlacementId, T.PersonId, NewEntry, Original, Monday, 240, "Tippfehler")));

        var placement = Given.HoursOf(history.With(decision));
        placement.MinutesLogged.Should().Be(240);
        placement.Entries.Should().HaveCount(2, "the original stays in the history");
        placement.Entries[0].Minutes.Should().Be(300);
    }

    [Fact]
    public void A_correction_to_zero_cancels_the_entry()
    {
        var history = A.PlacedPerson(A.HoursLogged(Original, Monday, 300), A.HoursLogged(T.Id(9), T.D(2026, 11, 17), 60));

        var placement = Given.HoursOf(history.With(Correct(history, Original, 0)));

        placement.MinutesLogged.Should().Be(60);
    }

    [Fact]
    public void A_correction_of_a_correction_replaces_the_original_entry()
    {
        var history = A.PlacedPerson(A.HoursLogged(Original, Monday, 300), A.HoursCorrected(Correction, Original, Monday, 240));
        var decision = Correct(history, Correction, 180);

        decision.ShouldAccept(new StreamEvent(T.PersonId,
            new HoursCorrected(T.PlacementId, T.PersonId, NewEntry, Original, Monday, 180, "Tippfehler")));
        Given.HoursOf(history.With(decision)).MinutesLogged.Should().Be(180);
    }

    [Fact]
    public void A_correction_keeps_the_date_of_the_corrected_entry()
    {
        var history = A.PlacedPerson(A.HoursLogged(Original, T.D(2026, 10, 5), 300));

        Correct(history, Original, 60).ShouldAcceptSingle<HoursCorrected>(T.PersonId).Date.Should().Be(T.D(2026, 10, 5));
    }

    [Fact]
    public void CorrectHours_of_an_unknown_entry_is_rejected()
    {
        Correct(A.PlacedPerson(A.HoursLogged(Original, Monday, 300)), T.Id(99), 60)
            .ShouldReject("entry-not-found", RejectionKind.NotFound);
    }

    [Fact]
    public void CorrectHours_of_an_entry_of_another_placement_is_rejected()
    {
        var history = A.PlacedPerson(
            A.HoursLogged(Original, Monday, 300),
            A.PlacementEnded(T.D(2026, 11, 18)),
            A.PersonAssigned(T.SecondPlacementId, T.OtherOfferId, noticeServedOn: T.D(2026, 11, 18), startsOn: T.D(2026, 11, 19)),
            A.HoursLogged(T.Id(50), T.D(2026, 11, 19), 60, T.SecondPlacementId));

        Correct(history, T.Id(50), 30).ShouldReject("entry-not-found");
    }

    [Fact]
    public void The_daily_limit_of_a_correction_does_not_count_the_replaced_value()
    {
        var history = A.PlacedPerson(A.HoursLogged(Original, Monday, 300), A.HoursLogged(T.Id(9), Monday, 180));

        Correct(history, Original, 300).ShouldAccept();
        Correct(history, Original, 315).ShouldReject("daily-limit", RejectionKind.Unprocessable);
    }

    [Fact]
    public void The_daily_limit_of_a_correction_of_a_correction_does_not_count_any_value_of_the_chain()
    {
        var history = A.PlacedPerson(
            A.HoursLogged(Original, Monday, 300),
            A.HoursCorrected(Correction, Original, Monday, 240),
            A.HoursLogged(T.Id(9), Monday, 240));

        Correct(history, Correction, 240).ShouldAccept();
        Correct(history, Correction, 255).ShouldReject("daily-limit");
    }

    [Fact]
    public void The_weekly_limit_of_a_correction_does_not_count_the_replaced_value()
    {
        var history = A.PlacedPerson(
            A.HoursLogged(T.Id(11), T.D(2026, 11, 16), 300),
            A.HoursLogged(T.Id(12), T.D(2026, 11, 17), 300),
            A.HoursLogged(T.Id(13), T.D(2026, 11, 18), 300),
            A.HoursLogged(Original, T.D(2026, 11, 19), 300));

        Correct(history, Original, 300).ShouldAccept();
        Correct(history, Original, 315).ShouldReject("weekly-limit", RejectionKind.Unprocessable);
    }

    [Fact]
    public void A_reduction_is_always_within_the_limits()
    {
        var history = A.PlacedPerson(A.HoursLogged(Original, Monday, 480));

        Correct(history, Original, 15, Policy.Default with { DailyCapMinutes = 240 }).ShouldAccept();
    }
}

public class MinutesLoggedTests
{
    [Fact]
    public void MinutesLogged_is_zero_without_entries()
    {
        Given.HoursOf(A.PlacedPerson()).MinutesLogged.Should().Be(0);
    }

    [Fact]
    public void MinutesLogged_takes_the_latest_value_of_each_original_entry()
    {
        var placement = Given.HoursOf(A.PlacedPerson(
            A.HoursLogged(T.Id(1), T.D(2026, 11, 16), 300),
            A.HoursLogged(T.Id(2), T.D(2026, 11, 17), 120),
            A.HoursCorrected(T.Id(3), T.Id(1), T.D(2026, 11, 16), 240),
            A.HoursLogged(T.Id(4), T.D(2026, 11, 18), 60),
            A.HoursCorrected(T.Id(5), T.Id(1), T.D(2026, 11, 16), 180),  // correction of the correction
            A.HoursCorrected(T.Id(6), T.Id(2), T.D(2026, 11, 17), 0)));  // cancelled

        placement.MinutesLogged.Should().Be(180 + 0 + 60);
        placement.EffectiveEntries.Select(e => (e.Date, e.Minutes)).Should().BeEquivalentTo([
            (T.D(2026, 11, 16), 180), (T.D(2026, 11, 17), 0), (T.D(2026, 11, 18), 60)]);
        placement.Entries.Should().HaveCount(6);
    }

    [Fact]
    public void FindEntry_finds_originals_and_corrections()
    {
        var placement = Given.HoursOf(A.PlacedPerson(
            A.HoursLogged(T.Id(1), T.D(2026, 11, 16), 300),
            A.HoursCorrected(T.Id(2), T.Id(1), T.D(2026, 11, 16), 240)));

        placement.FindEntry(T.Id(1))!.CorrectsEntryId.Should().BeNull();
        placement.FindEntry(T.Id(2))!.CorrectsEntryId.Should().Be(T.Id(1));
        placement.FindEntry(T.Id(3)).Should().BeNull();
    }
}
