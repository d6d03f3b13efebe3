using AGH.Domain.Common;
using AGH.Domain.Persons;

namespace AGH.Tests.Domain;

/// <summary>
/// A legal hold keeps a person's data beyond the retention period while a remedy (Widerspruch, Klage) is pending.
/// The case closed with the entitlement's end on 2019-11-01, so six years of retention ran out on 2025-11-01; today is
/// 2026-11-25.
/// </summary>
public class LegalHoldTests
{
    private static readonly object[] Closed = [A.PersonRegistered(), A.EntitlementEnded(T.D(2019, 11, 1))];

    private static LegalHoldPlaced Placed(string reason = "Klage anhängig") => new(T.PersonId, reason);

    private static LegalHoldLifted Lifted(string reason = "Klage zurückgenommen") => new(T.PersonId, reason);

    private static PersonDataErased Erased() => new(T.PersonId, T.D(2026, 1, 1), T.D(2019, 11, 1), 6);

    private static Decision Place(params object[] history) =>
        PersonDecisions.PlaceLegalHold(Given.Person(history), new PlaceLegalHold(T.PersonId, "Widerspruch anhängig"));

    private static Decision Lift(params object[] history) =>
        PersonDecisions.LiftLegalHold(Given.Person(history), new LiftLegalHold(T.PersonId, "Verfahren beendet"));

    [Fact]
    public void A_hold_is_placed_with_its_reason_and_the_person_then_reads_as_held()
    {
        var placed = Place(Closed).ShouldAcceptSingle<LegalHoldPlaced>(T.PersonId);

        placed.Reason.Should().Be("Widerspruch anhängig");
        Given.Person([.. Closed, placed]).LegalHold.Should().BeTrue();
    }

    [Fact]
    public void A_second_hold_while_one_is_in_place_is_legal_hold_active()
    {
        Place([.. Closed, Placed()]).ShouldReject("legal-hold-active", RejectionKind.Conflict);
    }

    [Fact]
    public void A_hold_can_be_placed_again_once_the_earlier_one_was_lifted()
    {
        Place([.. Closed, Placed(), Lifted()]).ShouldAcceptSingle<LegalHoldPlaced>(T.PersonId);
    }

    [Fact]
    public void The_data_of_an_erased_person_cannot_be_held_any_more()
    {
        Place([.. Closed, Erased()]).ShouldReject("person-erased", RejectionKind.Conflict);
    }

    [Fact]
    public void Lifting_without_a_hold_is_no_legal_hold_and_lifting_a_hold_clears_it()
    {
        Lift(Closed).ShouldReject("no-legal-hold", RejectionKind.Conflict);
        Lift([.. Closed, Placed(), Lifted()]).ShouldReject("no-legal-hold", RejectionKind.Conflict);

        var lifted = Lift([.. Closed, Placed()]).ShouldAcceptSingle<LegalHoldLifted>(T.PersonId);
        lifted.Reason.Should().Be("Verfahren beendet");
        Given.Person([.. Closed, Placed(), lifted]).LegalHold.Should().BeFalse();
    }

    [Fact]
    public void A_held_person_is_not_erased_after_the_retention_period_and_is_once_the_hold_is_lifted()
    {
        PersonDecisions.Erase(Given.Person([.. Closed, Placed()]), 6, T.Today).ShouldReject("legal-hold-active", RejectionKind.Conflict);
        PersonDecisions.Erase(Given.Person([.. Closed, Placed(), Lifted()]), 6, T.Today).ShouldAcceptSingle<PersonDataErased>(T.PersonId)
            .ClosedOn.Should().Be(T.D(2019, 11, 1));
    }

    [Fact]
    public void An_erased_person_is_not_erased_twice()
    {
        PersonDecisions.Erase(Given.Person([.. Closed, Erased()]), 6, T.Today).ShouldReject("person-erased", RejectionKind.Conflict);
    }
}
