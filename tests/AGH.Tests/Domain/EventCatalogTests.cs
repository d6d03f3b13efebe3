using System.Runtime.CompilerServices;
using AGH.Api.Persons;
using AGH.Domain.Common;
using AGH.Domain.Persons;
using AGH.Projections;

namespace AGH.Tests.Domain;

/// <summary>
/// A new event type must be listed once, by stream, in <see cref="EventTypes"/>; then the person fold, the projections'
/// type filters, the legal bases and the history's summaries must all know it, or ETags and the history break.
/// </summary>
public class EventCatalogTests
{
    private static object Blank(Type type) => RuntimeHelpers.GetUninitializedObject(type);

    public static TheoryData<string> AllEvents() => new(EventTypes.All.Select(t => t.Name));

    private static Type TypeNamed(string name) => EventTypes.All.Single(t => t.Name == name);

    [Fact]
    public void Every_event_type_belongs_to_exactly_one_stream()
    {
        EventTypes.All.Should().OnlyHaveUniqueItems();
        EventTypes.All.Should().HaveCount(EventTypes.OfferStream.Length + EventTypes.PersonStream.Length
            + EventTypes.PayoutLedger.Length + EventTypes.AccessLog.Length);
    }

    [Fact]
    public void Every_type_the_domain_gives_a_legal_basis_is_a_listed_event()
    {
        var withBasis = typeof(Person).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false, IsGenericTypeDefinition: false } && !t.IsNested && t.Namespace?.StartsWith("AGH.Domain") == true)
            .Where(t =>
            {
                try { EventLegalBasis.Of(Blank(t)); return true; }
                catch (ArgumentException) { return false; }
            });

        EventTypes.All.Concat(EventTypes.DerivedForHistory).Should().Contain(withBasis);
    }

    [Theory]
    [MemberData(nameof(AllEvents))]
    public void Every_event_names_its_legal_basis(string name) =>
        EventLegalBasis.Of(Blank(TypeNamed(name))).Should().MatchRegex("§|Art\\.");

    [Theory]
    [MemberData(nameof(AllEvents))]
    public void Every_event_has_a_German_summary_in_the_history(string name) =>
        HistorySummary.Of(Blank(TypeNamed(name))).Should().NotBe(name).And.NotBeNullOrWhiteSpace();

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
        new PersonProjection().IncludedEventTypes.Should().BeEquivalentTo(EventTypes.PersonStream);
        new OfferProjection().IncludedEventTypes.Should().BeEquivalentTo(EventTypes.OfferStream);
        new PayoutRunProjection().IncludedEventTypes.Should().BeEquivalentTo(EventTypes.PayoutLedger);
        new PlacementIndexProjection().IncludedEventTypes.Should().BeSubsetOf(EventTypes.PersonStream);
        new ProposalIndexProjection().IncludedEventTypes.Should().BeSubsetOf(EventTypes.PersonStream);
    }
}
