using System.Reflection;
using System.Runtime.CompilerServices;
using AGH.Api.Persons;
using AGH.Domain.Common;
using AGH.Domain.Persons;
using AGH.Domain.Sanctions;
using AGH.Projections;

namespace AGH.Tests.Domain;

/// <summary>
/// A new event is its record (marked <see cref="IDomainEvent"/>), its entry in <see cref="EventCatalog"/> and the fold or
/// decision that uses it. These tests keep the three honest: every event has one entry with a stream, a legal basis, a
/// history line and a decision about every string it carries; the person fold counts it; the projections filter on the
/// catalog's streams.
/// </summary>
public class EventCatalogTests
{
    private static object Blank(Type type) => RuntimeHelpers.GetUninitializedObject(type);

    private static readonly Type[] DomainEvents = typeof(Person).Assembly.GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IDomainEvent).IsAssignableFrom(t))
        .ToArray();

    public static TheoryData<string> AllEvents() => new(EventCatalog.All.Select(e => e.Type.Name));

    private static EventEntry EntryNamed(string name) => EventCatalog.All.Single(e => e.Type.Name == name);

    [Fact]
    public void Every_event_record_of_the_domain_has_exactly_one_entry_and_the_catalog_lists_nothing_else()
    {
        DomainEvents.Should().HaveCountGreaterThan(25, "the domain's events are found by their marker");
        EventCatalog.All.Select(e => e.Type).Should().OnlyHaveUniqueItems().And.BeEquivalentTo(DomainEvents);
    }

    [Fact]
    public void Every_stored_event_belongs_to_exactly_one_stream_and_only_the_allowance_line_is_derived()
    {
        EventTypes.All.Should().OnlyHaveUniqueItems();
        EventTypes.All.Should().HaveCount(EventTypes.OfferStream.Length + EventTypes.PersonStream.Length
            + EventTypes.PayoutLedger.Length + EventTypes.AccessLog.Length);
        EventTypes.All.Concat(EventTypes.DerivedForHistory).Should().BeEquivalentTo(DomainEvents);
        EventTypes.DerivedForHistory.Should().Equal(typeof(AGH.Domain.Payouts.AllowanceComputed));
        EventCatalog.All.Should().OnlyContain(e => Enum.IsDefined(e.Stream));
    }

    [Theory]
    [MemberData(nameof(AllEvents))]
    public void Every_event_names_its_legal_basis(string name) =>
        EventLegalBasis.Of(Blank(EntryNamed(name).Type)).Should().MatchRegex("§|Art\\.");

    [Fact]
    public void A_basis_that_depends_on_the_outcome_names_each_outcome()
    {
        EventLegalBasis.Of(A.ObjectionDecided(upheld: true)).Should().Be("§ 85 Abs. 1 SGG");
        EventLegalBasis.Of(A.ObjectionDecided(upheld: false)).Should().Be("§ 85 Abs. 2 SGG");
        var reviewed = new RestrictionReviewed(T.ProposalId, T.PersonId, T.Today, T.Today.AddDays(10), false, null, null, "r", "official-a");
        EventLegalBasis.Of(reviewed).Should().Be("§ 14 Abs. 2 AsylbLG");
        EventLegalBasis.Of(reviewed with { Continued = true, NewEndsOn = T.Today.AddMonths(6), HearingHeldOn = T.Today })
            .Should().Be("§ 14 Abs. 2 AsylbLG, § 28 VwVfG");
    }

    [Theory]
    [MemberData(nameof(AllEvents))]
    public void Every_event_has_a_German_summary_in_the_history(string name) =>
        HistorySummary.Of(Blank(EntryNamed(name).Type)).Should().NotBe(name).And.NotBeNullOrWhiteSpace();

    [Fact]
    public void A_type_without_an_entry_has_no_legal_basis_and_no_summary_rather_than_a_made_up_one()
    {
        var notAnEvent = new RegisterPerson(T.PersonId, T.Municipality, "A", "B", T.D(1990, 1, 1), T.D(2024, 1, 1), null);
        FluentActions.Invoking(() => EventLegalBasis.Of(notAnEvent)).Should().Throw<ArgumentException>();
        FluentActions.Invoking(() => HistorySummary.Of(notAnEvent)).Should().Throw<ArgumentException>();
    }

    private static PropertyInfo[] StringProperties(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.PropertyType == typeof(string)).ToArray();

    /// <summary>An instance whose every string says it is personal, so a mask shows which ones it replaces.</summary>
    private static object Marked(Type type)
    {
        var e = Blank(type);
        foreach (var p in StringProperties(type)) p.SetValue(e, "personal:" + p.Name);
        return e;
    }

    [Theory]
    [MemberData(nameof(AllEvents))]
    public void Every_string_an_event_carries_is_either_masked_on_erasure_or_declared_not_personal(string name)
    {
        var entry = EntryNamed(name);
        var strings = StringProperties(entry.Type).Select(p => p.Name).ToArray();
        var marked = Marked(entry.Type);
        var masked = entry.Masked(marked);
        var changed = StringProperties(entry.Type).Where(p => !Equals(p.GetValue(masked), p.GetValue(marked))).Select(p => p.Name).ToArray();

        entry.NotPersonal.Should().OnlyHaveUniqueItems().And.BeSubsetOf(strings, "a declaration names a string property of the event");
        changed.Intersect(entry.NotPersonal).Should().BeEmpty("what is declared not personal is kept on erasure");
        changed.Concat(entry.NotPersonal).Should().BeEquivalentTo(strings,
            $"each string of {name} is masked by its catalog entry or declared not personal there");
        entry.HasMask.Should().Be(changed.Length > 0, "a mask that changes nothing is no mask");
    }

    [Theory]
    [MemberData(nameof(AllEvents))]
    public void Strings_nested_in_an_event_are_never_out_of_the_masks_sight(string name)
    {
        // A mask sees the event's own properties; a nested record with text would need a rule of its own.
        var nested = EntryNamed(name).Type.GetProperties()
            .SelectMany(p => p.PropertyType.IsGenericType ? p.PropertyType.GetGenericArguments() : [p.PropertyType])
            .Where(t => t.Assembly == typeof(Person).Assembly && t.IsClass);
        nested.SelectMany(StringProperties).Should().BeEmpty();
    }

    [Fact]
    public void Only_events_of_a_persons_stream_are_masked_as_erasure_rewrites_only_that_stream() =>
        EventCatalog.All.Where(e => e.HasMask).Should().OnlyContain(e => e.Stream == EventStream.Person);

    [Fact]
    public void Erasure_masks_names_birth_date_file_reference_and_free_texts_and_keeps_dates_and_minutes()
    {
        var registered = (PersonRegistered)EventCatalog.For(typeof(PersonRegistered)).Masked(A.PersonRegistered());
        registered.Should().Be(A.PersonRegistered() with { GivenName = "***", FamilyName = "***", FileReference = "***", DateOfBirth = DateOnly.MinValue });

        var corrected = A.HoursCorrected(T.Id(2), T.Id(1), T.D(2026, 11, 3), 90) with { Reason = "Krankmeldung vergessen" };
        EventCatalog.For(typeof(AGH.Domain.Placements.HoursCorrected)).Masked(corrected).Should().Be(corrected with { Reason = "***" });
        var ended = A.PlacementEnded(T.D(2026, 11, 20)) with { Note = "Umzug zur Tante" };
        EventCatalog.For(typeof(AGH.Domain.Placements.PlacementEnded)).Masked(ended).Should().Be(ended with { Note = null });
    }

    [Fact]
    public void The_person_fold_knows_every_event_of_a_person_stream_and_counts_each()
    {
        var registered = Person.Start(new PersonRegistered(T.PersonId, T.Municipality, "A", "B", T.D(1990, 1, 1), T.D(2024, 1, 1), null));
        foreach (var type in EventTypes.PersonStream.Where(t => t != typeof(PersonRegistered)))
            Person.Evolve(registered, Blank(type))!.Revision.Should().Be(registered.Revision + 1, type.Name);
    }

    [Fact]
    public void The_person_fold_refuses_an_event_it_does_not_know()
    {
        var registered = Person.Start(new PersonRegistered(T.PersonId, T.Municipality, "A", "B", T.D(1990, 1, 1), T.D(2024, 1, 1), null));
        var act = () => Person.Evolve(registered, Blank(typeof(AGH.Domain.Offers.OfferRegistered)));
        act.Should().Throw<ArgumentException>();
    }

    [Fact]
    public void The_projections_filter_exactly_their_streams_events()
    {
        // The person's view skips the hour events (the hour rows hold them; the ETag is the stream's version).
        new PersonProjection().IncludedEventTypes.Should().BeEquivalentTo(EventCatalog.TypesOf(EventStream.Person).Except(EventTypes.Hours));
        HourRowsProjection.IncludedEventTypes.Should().BeEquivalentTo(EventTypes.Hours);
        EventTypes.Hours.Should().BeSubsetOf(EventCatalog.TypesOf(EventStream.Person));
        new OfferProjection().IncludedEventTypes.Should().BeEquivalentTo(EventCatalog.TypesOf(EventStream.Offer));
        new PayoutRunProjection().IncludedEventTypes.Should().BeEquivalentTo(EventCatalog.TypesOf(EventStream.PayoutLedger));
        new PlacementIndexProjection().IncludedEventTypes.Should().BeSubsetOf(EventCatalog.TypesOf(EventStream.Person));
        new NoticeIndexProjection().IncludedEventTypes.Should().BeSubsetOf(EventCatalog.TypesOf(EventStream.Person));
        new ProposalIndexProjection().IncludedEventTypes.Should().BeSubsetOf(EventCatalog.TypesOf(EventStream.Person));
        new QuotaOfferProjection().IncludedEventTypes.Should().BeSubsetOf(EventCatalog.TypesOf(EventStream.Offer));
        new QuotaPersonProjection().IncludedEventTypes.Should().BeSubsetOf(EventCatalog.TypesOf(EventStream.Person));
        new ReportOfferProjection().IncludedEventTypes.Should().BeSubsetOf(EventCatalog.TypesOf(EventStream.Offer));
        new ReportPersonProjection().IncludedEventTypes.Should().BeSubsetOf(EventCatalog.TypesOf(EventStream.Person));
    }
}
