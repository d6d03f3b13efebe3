using AGH.Domain.Common;
using AGH.Domain.Offers;
using AGH.Domain.Persons;
using AGH.Domain.Placements;
using AGH.Domain.Sanctions;

namespace AGH.Tests.Domain;

/// <summary>Fixed ids and dates so every test is deterministic: no clock, no I/O.</summary>
public static class T
{
    public static readonly DateOnly Today = new(2026, 11, 25); // a Wednesday, ISO week 2026-W48

    public static readonly Guid OfferId = Guid.Parse("00000000-0000-0000-0000-00000000000f");
    public static readonly Guid OtherOfferId = Guid.Parse("00000000-0000-0000-0000-0000000000ff");
    public static readonly Guid PersonId = Guid.Parse("00000000-0000-0000-0000-000000000001");
    public static readonly Guid PlacementId = Guid.Parse("00000000-0000-0000-0000-0000000000a1");
    public static readonly Guid SecondPlacementId = Guid.Parse("00000000-0000-0000-0000-0000000000a2");
    public static readonly Guid RefusalId = Guid.Parse("00000000-0000-0000-0000-0000000000c1");
    public static readonly Guid ProposalId = Guid.Parse("00000000-0000-0000-0000-0000000000d1");

    public const string Municipality = "bad-iburg";
    public const string Caseworker = "caseworker-1";
    public const string OfficialA = "official-a";

    public static DateOnly D(int year, int month, int day) => new(year, month, day);

    /// <summary>An ISO date (yyyy-MM-dd), independent of the current culture.</summary>
    public static DateOnly P(string iso) =>
        DateOnly.ParseExact(iso, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public static Guid Id(int n) => Guid.Parse($"00000000-0000-0000-0001-{n:D12}");
}

/// <summary>Builders for the events a test starts from; every argument has a sensible default.</summary>
public static class A
{
    public static OfferRegistered OfferRegistered(
        Guid? offerId = null, int places = 2, int hoursPerWeek = 20, DateOnly? startsOn = null, DateOnly? endsOn = null,
        bool openEnded = false, ProviderType providerType = ProviderType.Municipality) =>
        new(offerId ?? T.OfferId, providerType, "Gemeinde Bad Iburg", T.Municipality, "Grünpflege", "Grünflächenpflege",
            places, hoursPerWeek, startsOn ?? T.D(2026, 1, 1), openEnded ? null : endsOn ?? T.D(2027, 12, 31), "Bauhof, Am Gogreven 1");

    public static PersonRegistered PersonRegistered(DateOnly? dateOfBirth = null, DateOnly? entitledSince = null) =>
        new(T.PersonId, T.Municipality, "Amir", "Haddad", dateOfBirth ?? T.D(1990, 5, 10), entitledSince ?? T.D(2024, 1, 1), "AZ-4711");

    /// <summary>Notice served 2026-10-01, work from Monday 2026-10-05, 20 hours a week.</summary>
    public static PersonAssigned PersonAssigned(
        Guid? placementId = null, Guid? offerId = null, DateOnly? noticeServedOn = null, DateOnly? startsOn = null, int hoursPerWeek = 20) =>
        new(placementId ?? T.PlacementId, T.PersonId, offerId ?? T.OfferId, T.Municipality,
            noticeServedOn ?? T.D(2026, 10, 1), startsOn ?? T.D(2026, 10, 5), hoursPerWeek, true);

    public static PlaceOccupied PlaceOccupied(Guid? placementId = null, Guid? offerId = null) =>
        new(offerId ?? T.OfferId, placementId ?? T.PlacementId, T.PersonId);

    public static PlaceReleased PlaceReleased(Guid? placementId = null, Guid? offerId = null) =>
        new(offerId ?? T.OfferId, placementId ?? T.PlacementId);

    public static HoursLogged HoursLogged(Guid entryId, DateOnly date, int minutes, Guid? placementId = null) =>
        new(placementId ?? T.PlacementId, T.PersonId, entryId, date, minutes);

    public static HoursCorrected HoursCorrected(Guid entryId, Guid correctsEntryId, DateOnly date, int minutes, Guid? placementId = null) =>
        new(placementId ?? T.PlacementId, T.PersonId, entryId, correctsEntryId, date, minutes, "Korrektur");

    public static RefusalRecorded RefusalRecorded(DateOnly date, Guid? refusalId = null) =>
        new(T.PlacementId, T.PersonId, refusalId ?? T.RefusalId, date, RefusalKind.NoShow, "Nicht erschienen");

    public static RefusalAssessed RefusalAssessed(bool goodCause = false, Guid? refusalId = null) =>
        new(T.PlacementId, T.PersonId, refusalId ?? T.RefusalId, goodCause, goodCause ? ExemptionReason.Illness : null, "Geprüft");

    public static HearingHeld HearingHeld(DateOnly heldOn, Guid? refusalId = null) =>
        new(T.PlacementId, T.PersonId, refusalId ?? T.RefusalId, heldOn, "Keine Angaben");

    public static SanctionProposed SanctionProposed(Guid? proposalId = null, Guid? refusalId = null, string proposedBy = T.Caseworker) =>
        new(proposalId ?? T.ProposalId, T.PersonId, T.PlacementId, refusalId ?? T.RefusalId, "Weigerung ohne wichtigen Grund", proposedBy);

    public static SanctionDecided SanctionDecided(bool approved, DateOnly? startsOn = null, Guid? proposalId = null, string decidedBy = T.OfficialA) =>
        new(proposalId ?? T.ProposalId, T.PersonId, T.PlacementId, approved, "Entscheidung", approved ? startsOn : null,
            approved && startsOn is { } s ? Dates.EndOfMonthsPeriod(s, 6) : null, decidedBy);

    public static ObjectionFiled ObjectionFiled(DateOnly receivedOn, Guid? proposalId = null) =>
        new(proposalId ?? T.ProposalId, T.PersonId, receivedOn, "Ich war krank", T.Caseworker);

    public static ObjectionDecided ObjectionDecided(bool upheld, string decidedBy = "official-b", Guid? proposalId = null) =>
        new(proposalId ?? T.ProposalId, T.PersonId, upheld, "Widerspruchsentscheidung", decidedBy);

    public static RestrictionEndedEarly RestrictionEndedEarly(DateOnly lastDay, Guid? proposalId = null) =>
        new(proposalId ?? T.ProposalId, T.PersonId, lastDay, RestrictionEndReason.DutyFulfilled, "Arbeitet wieder", "official-b");

    public static PlacementEnded PlacementEnded(DateOnly date, Guid? placementId = null, EndReason reason = EndReason.Other) =>
        new(placementId ?? T.PlacementId, T.PersonId, T.OfferId, date, reason, null);

    public static ExemptionRecorded ExemptionRecorded(DateOnly from, DateOnly? until, ExemptionReason reason = ExemptionReason.Illness) =>
        new(T.PersonId, T.Id(900), reason, from, until, "Arbeitsunfähig laut Bescheinigung");

    public static EntitlementEnded EntitlementEnded(DateOnly date) => new(T.PersonId, date, "Wegzug");

    /// <summary>A person placed in the default offer; more events may follow.</summary>
    public static object[] PlacedPerson(params object[] more) => [PersonRegistered(), PersonAssigned(), .. more];

    /// <summary>A placed person with a refusal on 2026-11-02 that is ready for a sanction proposal.</summary>
    public static object[] RefusalReadyForSanction(params object[] more) => PlacedPerson(
        [RefusalRecorded(T.D(2026, 11, 2)), RefusalAssessed(goodCause: false), HearingHeld(T.D(2026, 11, 10)), .. more]);
}

/// <summary>Given: the state folded from a history of events.</summary>
public static class Given
{
    public static Offer Offer(params object[] events) =>
        AGH.Domain.Offers.Offer.Fold(events) ?? throw new InvalidOperationException("The events do not start an offer.");

    public static Person Person(params object[] events) =>
        AGH.Domain.Persons.Person.Fold(events) ?? throw new InvalidOperationException("The events do not start a person.");

    public static (Person Person, Placement Placement) Placed(params object[] events)
    {
        var person = Person(events);
        return (person, person.Placements[T.PlacementId]);
    }

    /// <summary>The person with the hour entries the events record, as a payout run reads them.</summary>
    public static (Person Person, HourLog Hours) Worker(params object[] events) => (Person(events), HourLog.From(events));

    /// <summary>The person's hour entries the events record, as the week documents hold them.</summary>
    public static HourLog Hours(params object[] events) => HourLog.From(events);

    /// <summary>One placement's hour entries the events record.</summary>
    public static PlacementHours HoursOf(object[] events, Guid? placementId = null) => new(HourLog.From(events), placementId ?? T.PlacementId);

    /// <summary>The history followed by the accepted events of a decision on the person's stream.</summary>
    public static object[] With(this object[] history, Decision decision) =>
        [.. history, .. decision.ShouldAccept().Where(e => e.StreamId == T.PersonId).Select(e => e.Event)];

    /// <summary>Applies the accepted events of a decision to the person, as the API would append them.</summary>
    public static Person Then(this Person person, Decision decision) =>
        decision.ShouldAccept().Where(e => e.StreamId == person.Id).Select(e => e.Event)
            .Aggregate((Person?)person, AGH.Domain.Persons.Person.Evolve)!;

    /// <summary>Applies the accepted events of a decision to the person and their hours.</summary>
    public static (Person, HourLog) Then(this (Person Person, HourLog Hours) worker, Decision decision)
    {
        var events = decision.ShouldAccept().Where(e => e.StreamId == worker.Person.Id).Select(e => e.Event).ToArray();
        var hours = HourLog.From(events);
        return (worker.Person.Then(decision), new HourLog([.. worker.Hours.Entries, .. hours.Entries]));
    }

    public static Offer Then(this Offer offer, Decision decision) =>
        decision.ShouldAccept().Where(e => e.StreamId == offer.Id).Select(e => e.Event)
            .Aggregate((Offer?)offer, AGH.Domain.Offers.Offer.Evolve)!;
}

/// <summary>Then: the events a decision appends, or its rejection.</summary>
public static class DecisionAssertions
{
    public static IReadOnlyList<StreamEvent> ShouldAccept(this Decision decision)
    {
        decision.Rejection.Should().BeNull("the decision should be accepted, but was rejected with {0}", decision.Rejection);
        decision.IsRejected.Should().BeFalse();
        return decision.Events;
    }

    /// <summary>Accepted with exactly these events, in this order (records compare by value).</summary>
    public static IReadOnlyList<StreamEvent> ShouldAccept(this Decision decision, params StreamEvent[] expected)
    {
        var events = decision.ShouldAccept();
        events.Should().Equal(expected);
        return events;
    }

    /// <summary>Accepted with exactly one event, on the given stream, of the given type.</summary>
    public static TEvent ShouldAcceptSingle<TEvent>(this Decision decision, Guid streamId)
    {
        var events = decision.ShouldAccept();
        events.Should().ContainSingle();
        events[0].StreamId.Should().Be(streamId);
        return events[0].Event.Should().BeOfType<TEvent>().Subject;
    }

    public static Rejection ShouldReject(this Decision decision, string code, RejectionKind? kind = null)
    {
        decision.IsRejected.Should().BeTrue("a rejection with code {0} was expected, but the decision was accepted with {1}",
            code, decision.Events);
        decision.Rejection!.Code.Should().Be(code);
        decision.Events.Should().BeEmpty("a rejected decision appends nothing");
        if (kind is { } k) decision.Rejection.Kind.Should().Be(k);
        decision.Rejection.Detail.Should().NotBeNullOrWhiteSpace();
        return decision.Rejection;
    }
}

/// <summary>A placement's entries as its view reads them from the person's hours.</summary>
public sealed record PlacementHours(HourLog Log, Guid PlacementId)
{
    public IReadOnlyList<HourEntry> Entries => Log.Of(PlacementId).ToList();
    public IEnumerable<HourEntry> EffectiveEntries => Log.EffectiveOf(PlacementId);
    public int MinutesLogged => Log.MinutesLogged(PlacementId);
    public HourEntry? FindEntry(Guid entryId) => Log.Find(PlacementId, entryId);
}
