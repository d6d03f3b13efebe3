using AGH.Domain.Common;
using AGH.Domain.Persons;
using AGH.Domain.Placements;
using AGH.Domain.Sanctions;
using AGH.Projections;
using JasperFx.Events;

namespace AGH.Tests.Unit;

/// <summary>
/// The report's person view for the withdrawals the host test does not walk: each restriction counts withdrawn once,
/// whatever withdraws it; a continuation's upheld objection withdraws only that period; flows are dated as the history dates them.
/// </summary>
public sealed class DistrictReportViewTests
{
    private static readonly DateOnly Day = new(2026, 3, 10);
    private static readonly Guid PersonId = Guid.NewGuid();
    private static readonly Guid PlacementId = Guid.NewGuid();

    private static ReportPerson? Fold(params object[] events)
    {
        var projection = new ReportPersonProjection();
        ReportPerson? row = null;
        var recorded = new DateTimeOffset(Day.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero);
        foreach (var data in events)
        {
            var e = (IEvent)Activator.CreateInstance(typeof(Event<>).MakeGenericType(data.GetType()), data)!;
            e.Timestamp = recorded;
            row = projection.Evolve(row, PersonId, e);
        }
        return row;
    }

    private static object Registered() => new PersonRegistered(PersonId, "melle", "Amina", "Yusuf", Day.AddYears(-30), Day.AddYears(-1), "AZ-1");

    private static object Approved(Guid proposal) => new SanctionDecided(proposal, PersonId, PlacementId, true, "r", Day, Day.AddMonths(6).AddDays(-1), "off");

    private static int Count(ReportPerson row, ReportFactKind kind) => row.Facts.Count(f => f.Kind == kind);

    [Fact]
    public void An_upheld_placement_objection_and_then_lawsuit_withdraw_each_approved_restriction_of_the_placement_once()
    {
        var (p1, p2) = (Guid.NewGuid(), Guid.NewGuid());
        var row = Fold(Registered(), Approved(p1), Approved(p2),
            new PlacementObjectionFiled(PlacementId, PersonId, Guid.NewGuid(), Day, "s", "cw"),
            new PlacementObjectionDecided(PlacementId, PersonId, PlacementObjectionOutcome.Upheld, "r", PlacementObjectionCosts.None, Day.AddDays(5), Guid.NewGuid(), "off"),
            new LawsuitEnded(PlacementId, PersonId, LawsuitOutcome.Upheld, Day.AddDays(9), "cw"))!;

        Count(row, ReportFactKind.RestrictionApproved).Should().Be(2);
        row.Facts.Where(f => f.Kind == ReportFactKind.RestrictionWithdrawn).Should().HaveCount(2).And.OnlyContain(f => f.On == Day.AddDays(5));
        row.Objections.Should().ContainSingle().Which.Should().Be(new ReportObjection(PlacementId.ToString(), Day, Day.AddDays(5), ObjectionOutcome.Upheld));
    }

    [Fact]
    public void A_review_request_or_a_suspension_ending_withdrawn_withdraws_the_restriction_once()
    {
        var p = Guid.NewGuid();
        var row = Fold(Registered(), Approved(p),
            new ReviewRequestDecided(p, PersonId, ReviewRequestOutcome.Withdrawn, "r", Day, "off", Guid.NewGuid()),
            new RestrictionSuspensionEnded(p, PersonId, SuspensionOutcome.Withdrawn, Day.AddDays(3), "n", "off"))!;
        Count(row, ReportFactKind.RestrictionWithdrawn).Should().Be(1);

        var refused = Fold(Registered(), Approved(p), new ReviewRequestDecided(p, PersonId, ReviewRequestOutcome.Refused, "r", null, "off", Guid.NewGuid()))!;
        Count(refused, ReportFactKind.RestrictionWithdrawn).Should().Be(0);
    }

    [Fact]
    public void An_objection_upheld_against_a_continuation_withdraws_no_restriction_and_a_partly_upheld_one_counts_as_such()
    {
        var p = Guid.NewGuid();
        var row = Fold(Registered(), Approved(p),
            new ObjectionFiled(p, PersonId, Day, "s", "cw", Period: 2),
            new ObjectionDecided(p, PersonId, true, "r", "off", Period: 2, Outcome: ObjectionOutcome.Upheld),
            new ObjectionFiled(p, PersonId, Day.AddDays(1), "s", "cw"),
            new ObjectionDecided(p, PersonId, false, "r", "off", Outcome: ObjectionOutcome.PartlyUpheld, NewEndsOn: Day.AddMonths(2)))!;

        Count(row, ReportFactKind.RestrictionWithdrawn).Should().Be(0);
        row.Objections.Select(o => o.Outcome).Should().Equal(ObjectionOutcome.Upheld, ObjectionOutcome.PartlyUpheld);
        // Decided without a date of their own: on the day recorded.
        row.Objections.Should().OnlyContain(o => o.DecidedOn == Day);
    }

    [Fact]
    public void Entitlement_and_placement_stocks_read_their_last_days_and_the_view_holds_no_name()
    {
        var row = Fold(Registered(),
            new PersonAssigned(PlacementId, PersonId, Guid.NewGuid(), "melle", Day.AddDays(-5), Day, 10, true, Until: Day.AddDays(30)),
            new EntitlementEnded(PersonId, Day.AddDays(40), "Wegzug"))!;

        row.PlacedOn(Day.AddDays(30)).Should().BeTrue();
        row.PlacedOn(Day.AddDays(31)).Should().BeFalse("after until");
        row.EntitledOn(Day.AddDays(40)).Should().BeTrue("the end date is the last day");
        row.EntitledOn(Day.AddDays(41)).Should().BeFalse();
        System.Text.Json.JsonSerializer.Serialize(row).Should().NotContain("Amina").And.NotContain("Yusuf").And.NotContain("AZ-1");
    }
}
