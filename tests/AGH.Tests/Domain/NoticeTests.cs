using AGH.Domain.Common;
using AGH.Domain.Notices;
using AGH.Domain.Persons;

namespace AGH.Tests.Domain;

/// <summary>Contract v3a "Notices and their notification" and the legal corrections on rebuttal and remedies: the pure rules.</summary>
public class NoticeTests
{
    private static readonly Guid NoticeId = T.Id(501);
    private static readonly DateOnly IssuedOn = T.D(2026, 11, 19); // a Thursday

    private static NoticeIssued Issued(NoticeKind kind = NoticeKind.Heranziehungsbescheid) =>
        new(NoticeId, T.PersonId, kind, T.PlacementId, "heranziehungsbescheid-v2", IssuedOn, T.Caseworker, "Anna Schulz", Roles.Caseworker,
            T.Municipality, NoticeOrigin.Service);

    private static Person WithNotice(params object[] more) => Given.Person([A.PersonRegistered(), A.PersonAssigned(), Issued(), .. more]);

    private static Notice NoticeOf(Person person) => person.Notices[NoticeId];

    private static DispatchNotice Dispatch(DispatchMethod method, DateOnly on, bool accessOpened = false) =>
        new(NoticeId, method, on, accessOpened, T.Caseworker);

    [Fact]
    public void An_issued_notice_waits_for_its_dispatch_with_no_notification_and_no_deadline()
    {
        var notice = NoticeOf(WithNotice());

        notice.Should().BeEquivalentTo(new { Kind = NoticeKind.Heranziehungsbescheid, IssuedOn, Dispatch = (NoticeDispatch?)null, NotifiedOn = (DateOnly?)null });
        notice.ObjectionDeadline(Policy.Default).Should().BeNull();
    }

    [Fact]
    public void Posting_records_the_fourth_day_as_the_notification_and_a_month_to_object()
    {
        var person = WithNotice();

        var decision = NoticeDecisions.Dispatch(T.PersonId, NoticeOf(person), Dispatch(DispatchMethod.Post, IssuedOn), T.Today);

        decision.ShouldAccept(new StreamEvent(T.PersonId,
            new NoticeDispatched(NoticeId, T.PersonId, DispatchMethod.Post, IssuedOn, T.D(2026, 11, 23), T.Caseworker)));
        var notice = NoticeOf(person.Then(decision));
        notice.NotifiedOn.Should().Be(T.D(2026, 11, 23)); // Thursday + 4 = Monday
        notice.ObjectionDeadline(Policy.Default).Should().Be(T.D(2026, 12, 23));
        notice.ObjectionDeadline(Policy.Default with { DefectiveNoticeVersions = [notice.Version!] }).Should().Be(T.D(2027, 11, 23));
    }

    [Fact]
    public void Handing_over_notifies_on_the_day_itself()
    {
        var person = WithNotice();

        var notice = NoticeOf(person.Then(NoticeDecisions.Dispatch(T.PersonId, NoticeOf(person), Dispatch(DispatchMethod.HandedOver, T.D(2026, 11, 20)), T.Today)));

        notice.NotifiedOn.Should().Be(T.D(2026, 11, 20));
        notice.Dispatch.Should().Be(new NoticeDispatch(DispatchMethod.HandedOver, T.D(2026, 11, 20), T.Caseworker));
    }

    [Fact]
    public void A_dispatch_is_refused_in_the_contracts_order()
    {
        var person = WithNotice();
        var notice = NoticeOf(person);

        NoticeDecisions.Dispatch(T.PersonId, null, Dispatch(DispatchMethod.Post, IssuedOn), T.Today).ShouldReject("not-found", RejectionKind.NotFound);
        NoticeDecisions.Dispatch(T.PersonId, notice, Dispatch(DispatchMethod.Post, T.Today.AddDays(1)), T.Today).ShouldReject("date-in-future", RejectionKind.Unprocessable);
        NoticeDecisions.Dispatch(T.PersonId, notice, Dispatch(DispatchMethod.Post, IssuedOn.AddDays(-1)), T.Today).ShouldReject("dispatch-before-issue", RejectionKind.Unprocessable);
        NoticeDecisions.Dispatch(T.PersonId, notice, Dispatch(DispatchMethod.Electronic, IssuedOn), T.Today).ShouldReject("electronic-not-opened", RejectionKind.Unprocessable);
        NoticeDecisions.Dispatch(T.PersonId, notice, Dispatch(DispatchMethod.Electronic, IssuedOn, accessOpened: true), T.Today).ShouldAccept();

        var dispatched = NoticeOf(person.Then(NoticeDecisions.Dispatch(T.PersonId, notice, Dispatch(DispatchMethod.Post, IssuedOn), T.Today)));
        // 409 state comes before 422 dates.
        NoticeDecisions.Dispatch(T.PersonId, dispatched, Dispatch(DispatchMethod.Post, T.Today.AddDays(1)), T.Today).ShouldReject("already-dispatched", RejectionKind.Conflict);
    }

    [Fact]
    public void A_later_receipt_moves_the_notification_and_with_it_the_deadline()
    {
        var person = WithNotice(new NoticeDispatched(NoticeId, T.PersonId, DispatchMethod.Post, IssuedOn, T.D(2026, 11, 23), T.Caseworker));

        var decision = NoticeDecisions.RecordReceipt(T.PersonId, NoticeOf(person),
            new RecordReceipt(NoticeId, ReceiptOutcome.ReceivedLater, T.D(2026, 11, 24), "Brief lag beim Nachbarn", T.Caseworker), T.Today);

        var notice = NoticeOf(person.Then(decision));
        notice.NotifiedOn.Should().Be(T.D(2026, 11, 24));
        notice.ObjectionDeadline(Policy.Default).Should().Be(T.D(2026, 12, 24));
    }

    [Theory]
    [InlineData(ReceiptOutcome.NotReceived)]
    [InlineData(ReceiptOutcome.Returned)]
    public void A_notice_that_never_arrived_counts_as_not_notified_and_may_be_dispatched_again(ReceiptOutcome outcome)
    {
        var person = WithNotice(new NoticeDispatched(NoticeId, T.PersonId, DispatchMethod.Post, IssuedOn, T.D(2026, 11, 23), T.Caseworker));

        person = person.Then(NoticeDecisions.RecordReceipt(T.PersonId, NoticeOf(person), new RecordReceipt(NoticeId, outcome, null, "zurück", T.Caseworker), T.Today));

        NoticeOf(person).NotifiedOn.Should().BeNull();
        NoticeOf(person).ObjectionDeadline(Policy.Default).Should().BeNull();
        var again = NoticeOf(person.Then(NoticeDecisions.Dispatch(T.PersonId, NoticeOf(person), Dispatch(DispatchMethod.Pzu, T.Today), T.Today)));
        again.NotifiedOn.Should().Be(T.Today);
    }

    [Fact]
    public void A_receipt_is_refused_before_a_dispatch_and_never_dated_before_it_or_in_the_future()
    {
        var person = WithNotice();
        var receipt = new RecordReceipt(NoticeId, ReceiptOutcome.ReceivedLater, T.D(2026, 11, 24), "n", T.Caseworker);
        NoticeDecisions.RecordReceipt(T.PersonId, NoticeOf(person), receipt, T.Today).ShouldReject("not-dispatched", RejectionKind.Conflict);

        var dispatched = NoticeOf(WithNotice(new NoticeDispatched(NoticeId, T.PersonId, DispatchMethod.Post, T.D(2026, 11, 20), T.D(2026, 11, 24), T.Caseworker)));
        NoticeDecisions.RecordReceipt(T.PersonId, dispatched, receipt with { On = T.D(2026, 11, 19) }, T.Today).ShouldReject("receipt-before-dispatch", RejectionKind.Unprocessable);
        NoticeDecisions.RecordReceipt(T.PersonId, dispatched, receipt with { On = T.Today.AddDays(1) }, T.Today).ShouldReject("date-in-future", RejectionKind.Unprocessable);
        NoticeDecisions.RecordReceipt(T.PersonId, dispatched, receipt with { On = null }, T.Today).ShouldReject("receipt-date-required", RejectionKind.Unprocessable);
        NoticeDecisions.RecordReceipt(T.PersonId, null, receipt, T.Today).ShouldReject("not-found", RejectionKind.NotFound);
    }

    [Theory]
    [InlineData(NoticeKind.Heranziehungsbescheid, Remedy.Widerspruch)]
    [InlineData(NoticeKind.Einschraenkungsbescheid, Remedy.Widerspruch)]
    [InlineData(NoticeKind.Fortsetzungsbescheid, Remedy.Widerspruch)]
    [InlineData(NoticeKind.Aufhebungsbescheid, Remedy.Widerspruch)]
    [InlineData(NoticeKind.Ablehnung, Remedy.Widerspruch)]
    [InlineData(NoticeKind.Erstattungsbescheid, Remedy.Widerspruch)]
    [InlineData(NoticeKind.Widerspruchsbescheid, Remedy.Klage)]
    [InlineData(NoticeKind.AnordnungSofortigeVollziehung, Remedy.Antrag86b)]
    [InlineData(NoticeKind.Mitteilung, Remedy.None)]
    [InlineData(NoticeKind.Abhilfebescheid, Remedy.None)]
    public void Each_kind_names_its_remedy_and_only_a_Widerspruch_notice_an_objection_deadline(NoticeKind kind, Remedy remedy)
    {
        Enum.GetValues<NoticeKind>().Should().HaveCount(10, "every kind has its row above");
        var notified = NoticeOf(Given.Person(A.PersonRegistered(), Issued(kind),
            new NoticeDispatched(NoticeId, T.PersonId, DispatchMethod.HandedOver, T.D(2027, 1, 31), T.D(2027, 1, 31), T.Caseworker)));

        notified.Remedy.Should().Be(remedy);
        var monthLater = T.D(2027, 3, 1); // 28 February 2027 is a Sunday
        notified.RemedyDeadline(Policy.Default).Should().Be(remedy is Remedy.Widerspruch or Remedy.Klage ? monthLater : null);
        notified.ObjectionDeadline(Policy.Default).Should().Be(remedy == Remedy.Widerspruch ? monthLater : null);
    }

    [Fact]
    public void Notice_events_count_towards_the_persons_revision_and_read_in_its_history()
    {
        var before = WithNotice();
        var after = before.Then(NoticeDecisions.Dispatch(T.PersonId, NoticeOf(before), Dispatch(DispatchMethod.Post, IssuedOn), T.Today));

        after.Revision.Should().Be(before.Revision + 1);
        EventCatalog.SummaryOf(Issued()).Should().Be("Heranziehungsbescheid erlassen am 19.11.2026 von Anna Schulz (Bescheidfassung heranziehungsbescheid-v2)");
        EventCatalog.SummaryOf(new NoticeDispatched(NoticeId, T.PersonId, DispatchMethod.Post, IssuedOn, T.D(2026, 11, 23), T.Caseworker))
            .Should().Be("Bescheid zur Post gegeben am 19.11.2026, erfasst von caseworker-1; gilt als bekanntgegeben am 23.11.2026");
        EventCatalog.LegalBasisOf(Issued()).Should().Be("§§ 35, 37, 39 VwVfG i. V. m. § 1 Abs. 1 NVwVfG");
    }
}
