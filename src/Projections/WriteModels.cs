using AGH.Domain.Common;
using AGH.Domain.Notices;
using AGH.Domain.Offers;
using AGH.Domain.Persons;
using AGH.Domain.Placements;
using AGH.Domain.Sanctions;
using JasperFx.Events;
using Marten.Events.Aggregation;
using Marten.Events.Projections;

namespace AGH.Projections;

/// <summary>The offer as the domain folds it, kept inline so reads and lists are consistent with every write.</summary>
public partial class OfferProjection : SingleStreamProjection<Offer, Guid>
{
    // Declared, so rebuilds and the append path skip every other event type.
    public OfferProjection()
    {
        foreach (var type in EventTypes.OfferStream) IncludeType(type);
    }

    public override Offer? Evolve(Offer? snapshot, Guid id, IEvent e) => Offer.Evolve(snapshot, e.Data);
}

/// <summary>
/// The person's case (placements, refusals, sanctions) as the domain folds it. Hour events are not read: their entries
/// live in <see cref="HourRows"/>, and the ETag and expected version are the stream's version (mt_streams), so the
/// view's Revision is the stream version of its last change. A rebuild thus reads a few events per person, not a year of hours.
/// </summary>
public partial class PersonProjection : SingleStreamProjection<Person, Guid>
{
    public PersonProjection()
    {
        foreach (var type in EventTypes.PersonStream.Except(EventTypes.Hours)) IncludeType(type);
    }

    public override Person? Evolve(Person? snapshot, Guid id, IEvent e) =>
        Person.Evolve(snapshot, e.Data) is { } next ? next with { Revision = e.Version } : null;
}

/// <summary>
/// Finds the person stream behind a placement id, and filters, orders and pages placement lists. <paramref name="Until"/>
/// (contract v3b; null on older documents): after it the placement reads ended although <paramref name="Active"/> stays true.
/// </summary>
public sealed record PlacementIndex(Guid Id, Guid PersonId, Guid OfferId, string Municipality, bool Active, DateOnly StartsOn, DateOnly? Until = null);

public partial class PlacementIndexProjection : MultiStreamProjection<PlacementIndex, Guid>
{
    public PlacementIndexProjection()
    {
        Identity<PersonAssigned>(e => e.PlacementId);
        Identity<PlacementEnded>(e => e.PlacementId);
        // Declared as well: identity rules alone do not keep the rebuild from reading every other event.
        IncludeType<PersonAssigned>();
        IncludeType<PlacementEnded>();
    }

    public override PlacementIndex? Evolve(PlacementIndex? snapshot, Guid id, IEvent e) => e.Data switch
    {
        PersonAssigned a => new PlacementIndex(a.PlacementId, a.PersonId, a.OfferId, a.Municipality, true, a.StartsOn, a.Until),
        PlacementEnded when snapshot is not null => snapshot with { Active = false },
        _ => snapshot,
    };
}

/// <summary>
/// Finds the person stream behind a notice id. A placement recorded before notices were resources has its notice
/// inferred by the person's fold; it is indexed from the assignment under the id that fold gives it.
/// AwaitingDispatch lets the list of notices to dispatch find them without reading every person; null on documents
/// written before it existed (the list then reads those persons to decide).
/// </summary>
public sealed record NoticeIndex(Guid Id, Guid PersonId, bool? AwaitingDispatch = null);

public partial class NoticeIndexProjection : MultiStreamProjection<NoticeIndex, Guid>
{
    public NoticeIndexProjection()
    {
        Identity<NoticeIssued>(e => e.NoticeId);
        Identity<PersonAssigned>(e => e.NoticeId ?? NoticeIssuing.IdFor(e.PlacementId, NoticeKind.Heranziehungsbescheid, 0));
        Identity<NoticeDispatched>(e => e.NoticeId);
        Identity<NoticeReceiptRecorded>(e => e.NoticeId);
        IncludeType<NoticeIssued>();
        IncludeType<PersonAssigned>();
        IncludeType<NoticeDispatched>();
        IncludeType<NoticeReceiptRecorded>();
    }

    public override NoticeIndex? Evolve(NoticeIndex? snapshot, Guid id, IEvent e) => e.Data switch
    {
        NoticeIssued n => new NoticeIndex(n.NoticeId, n.PersonId, AwaitingDispatch: true),
        // The notice the fold infers for a placement recorded before v3 counts as handed over on noticeServedOn.
        PersonAssigned a => snapshot ?? new NoticeIndex(id, a.PersonId, AwaitingDispatch: a.NoticeId is not null),
        NoticeDispatched when snapshot is not null => snapshot with { AwaitingDispatch = false },
        // Not received or returned: the notice must be dispatched again (§ 41 Abs. 2 S. 3 VwVfG).
        NoticeReceiptRecorded { Outcome: ReceiptOutcome.NotReceived or ReceiptOutcome.Returned } when snapshot is not null =>
            snapshot with { AwaitingDispatch = true },
        _ => snapshot,
    };
}

/// <summary>
/// Finds the person stream behind a sanction proposal id, and the restrictions that may still run: the § 14 Abs. 2
/// review list reads only those persons. RestrictionEndsOn is null unless an approved restriction was neither withdrawn
/// nor ended early. Status (pending, approved, rejected) and ObjectionStatus (none, pending, upheld, dismissed) let the
/// proposal list find the official's work without reading every person; null on documents written before they existed.
/// With an objection per restriction period, ObjectionStatus is pending while any period's objection waits
/// (PendingObjections counts them), else the latest decision's.
/// </summary>
public sealed record ProposalIndex(Guid Id, Guid PersonId, Guid PlacementId, DateOnly? RestrictionEndsOn = null,
    string? Status = null, string? ObjectionStatus = null, int PendingObjections = 0)
{
    public ProposalIndex Decided(string status) => PendingObjections > 1
        ? this with { PendingObjections = PendingObjections - 1 }
        : this with { PendingObjections = 0, ObjectionStatus = status };
}

public partial class ProposalIndexProjection : MultiStreamProjection<ProposalIndex, Guid>
{
    public ProposalIndexProjection()
    {
        Identity<SanctionProposed>(e => e.ProposalId);
        Identity<SanctionDecided>(e => e.ProposalId);
        Identity<ObjectionFiled>(e => e.ProposalId);
        Identity<ObjectionDecided>(e => e.ProposalId);
        Identity<RestrictionEndedEarly>(e => e.ProposalId);
        Identity<RestrictionReviewed>(e => e.ProposalId);
        IncludeType<SanctionProposed>();
        IncludeType<SanctionDecided>();
        IncludeType<ObjectionFiled>();
        IncludeType<ObjectionDecided>();
        IncludeType<RestrictionEndedEarly>();
        IncludeType<RestrictionReviewed>();
    }

    public override ProposalIndex? Evolve(ProposalIndex? snapshot, Guid id, IEvent e) => (snapshot, e.Data) switch
    {
        (_, SanctionProposed p) => new ProposalIndex(p.ProposalId, p.PersonId, p.PlacementId, null, "pending", "none"),
        (not null, SanctionDecided d) => snapshot with { RestrictionEndsOn = d.Approved ? d.EndsOn : null, Status = d.Approved ? "approved" : "rejected" },
        (not null, ObjectionFiled) => snapshot with { ObjectionStatus = "pending", PendingObjections = snapshot.PendingObjections + 1 },
        // A withdrawn continuation leaves the period before it: a later end is a safe bound for the review shortlist.
        (not null, ObjectionDecided { Upheld: true, Period: > 1 }) => snapshot.Decided("upheld"),
        (not null, ObjectionDecided { Upheld: true }) => snapshot.Decided("upheld") with { RestrictionEndsOn = null },
        (not null, ObjectionDecided { Upheld: false }) => snapshot.Decided("dismissed"),
        (not null, RestrictionEndedEarly) => snapshot with { RestrictionEndsOn = null },
        (not null, RestrictionReviewed { Continued: true } r) => snapshot with { RestrictionEndsOn = r.NewEndsOn },
        _ => snapshot,
    };
}

/// <summary>One document per payout run from the ledger stream, inline so a run is readable the moment it is prepared.</summary>
public partial class PayoutRunProjection : MultiStreamProjection<AGH.Domain.Payouts.PayoutRun, Guid>
{
    public PayoutRunProjection()
    {
        Identity<AGH.Domain.Payouts.PayoutRunPrepared>(e => e.RunId);
        Identity<AGH.Domain.Payouts.PayoutRunReleased>(e => e.RunId);
        Identity<AGH.Domain.Payouts.PayoutRunReviewed>(e => e.RunId);
        Identity<AGH.Domain.Payouts.PayoutRunRejected>(e => e.RunId);
        Identity<AGH.Domain.Payouts.PayoutRunExported>(e => e.RunId);
        foreach (var type in EventTypes.PayoutLedger) IncludeType(type);
    }

    public override AGH.Domain.Payouts.PayoutRun? Evolve(AGH.Domain.Payouts.PayoutRun? snapshot, Guid id, IEvent e) =>
        AGH.Domain.Payouts.PayoutRun.Evolve(snapshot, e.Data);
}
