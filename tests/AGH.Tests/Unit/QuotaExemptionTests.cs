using AGH.Domain.Persons;
using AGH.Projections;
using JasperFx.Events;

namespace AGH.Tests.Unit;

/// <summary>Contract v3a: the quota's person rows follow an exemption's end and forget a withdrawn one.</summary>
public sealed class QuotaExemptionTests
{
    private static readonly Guid Person = Guid.Parse("00000000-0000-0000-0000-000000000001");
    private static readonly Guid First = Guid.Parse("00000000-0000-0000-0000-0000000000e1");
    private static readonly Guid Second = Guid.Parse("00000000-0000-0000-0000-0000000000e2");
    private static readonly DateOnly Today = new(2026, 11, 25);

    private static QuotaPerson? Fold(params object[] events)
    {
        var projection = new QuotaPersonProjection();
        return events.Aggregate((QuotaPerson?)null, (row, e) => projection.Evolve(row, Person, (IEvent)Activator.CreateInstance(typeof(Event<>).MakeGenericType(e.GetType()), e)!));
    }

    [Fact]
    public void An_ended_exemption_stops_counting_after_its_last_day_and_a_withdrawn_one_never_counts()
    {
        var registered = new PersonRegistered(Person, "bad-iburg", "A", "B", new DateOnly(1990, 1, 1), new DateOnly(2025, 1, 1), null);
        var first = new ExemptionRecorded(Person, First, ExemptionReason.Childcare, Today.AddDays(-10), null, null);
        var second = new ExemptionRecorded(Person, Second, ExemptionReason.Illness, Today.AddDays(-1), Today.AddDays(5), null);

        Fold(registered, first)!.IsExemptOn(Today).Should().BeTrue();
        var ended = Fold(registered, first, new ExemptionEnded(Person, First, Today.AddDays(-1)))!;
        ended.IsExemptOn(Today.AddDays(-1)).Should().BeTrue();
        ended.IsExemptOn(Today).Should().BeFalse();

        var withdrawn = Fold(registered, second, new ExemptionWithdrawn(Person, Second, "Irrtum"))!;
        withdrawn.IsExemptOn(Today).Should().BeFalse();
        withdrawn.Exemptions.Should().BeEmpty();
        // The other exemption is untouched by a withdrawal.
        Fold(registered, first, second, new ExemptionWithdrawn(Person, Second, "Irrtum"))!.IsExemptOn(Today).Should().BeTrue();
    }
}
