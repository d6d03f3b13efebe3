using AGH.Domain.Common;
using AGH.Domain.Notices;
using AGH.Domain.Persons;

namespace AGH.Domain.Placements;

// The Widerspruch against the Heranziehungsbescheid (§§ 84, 86a SGG): unlike one against a restriction (§ 11 Abs. 4
// AsylbLG) it suspends the duty to work, until it is decided, and after a Widerspruchsbescheid until the Klage ends.

public enum PlacementObjectionStatus
{
    Pending,
    Upheld,
    Dismissed,
}

public enum PlacementObjectionOutcome
{
    Upheld,
    Dismissed,
}

/// <summary>The reimbursement of the person's necessary costs (§ 80 VwVfG i. V. m. § 1 NVwVfG); no fee is charged.</summary>
public enum PlacementObjectionCosts
{
    None,
    Full,
    Partial,
}

public enum LawsuitOutcome
{
    Dismissed,
    Upheld,
    Withdrawn,
}

/// <summary>The person's Widerspruch against the Heranziehungsbescheid <paramref name="NoticeId"/>, received on <paramref name="ReceivedOn"/>.</summary>
public sealed record PlacementObjectionFiled(Guid PlacementId, Guid PersonId, Guid NoticeId, DateOnly ReceivedOn, string Statement, string FiledBy) : IDomainEvent;

/// <summary>§ 86a Abs. 2 Nr. 5 SGG: the duty applies again from the notification of the Anordnung <paramref name="NoticeId"/>.</summary>
public sealed record ImmediateEnforcementOrdered(Guid PlacementId, Guid PersonId, Guid NoticeId, string Reasoning, string OrderedBy) : IDomainEvent;

/// <summary>Upheld: Abhilfebescheid (§ 85 Abs. 1 SGG). Dismissed: Widerspruchsbescheid (§ 85 Abs. 2 SGG), open to a Klage (§ 87 SGG).</summary>
public sealed record PlacementObjectionDecided(
    Guid PlacementId,
    Guid PersonId,
    PlacementObjectionOutcome Outcome,
    string Reasoning,
    PlacementObjectionCosts Costs,
    DateOnly DecidedOn,
    Guid NoticeId,
    string DecidedBy) : IDomainEvent;

/// <summary>The person's Klage against the Heranziehungsbescheid in the form of the Widerspruchsbescheid (§§ 54, 87 SGG).</summary>
public sealed record LawsuitFiled(Guid PlacementId, Guid PersonId, DateOnly FiledOn, string Court, string FileNumber, string RecordedBy) : IDomainEvent;

public sealed record LawsuitEnded(Guid PlacementId, Guid PersonId, LawsuitOutcome Outcome, DateOnly On, string RecordedBy) : IDomainEvent;

public sealed record Lawsuit(DateOnly FiledOn, string Court, string FileNumber, LawsuitOutcome? Outcome, DateOnly? EndedOn);

public sealed record PlacementObjection(
    Guid NoticeId,
    DateOnly ReceivedOn,
    string Statement,
    PlacementObjectionStatus Status,
    DateOnly? DecidedOn,
    Guid? DecisionNoticeId,
    Guid? EnforcementNoticeId,
    Lawsuit? Lawsuit)
{
    /// <summary>Set aside: by an Abhilfebescheid or by the court; the Heranziehungsbescheid imposed no duty at all.</summary>
    public bool SetAside => Status == PlacementObjectionStatus.Upheld || Lawsuit?.Outcome == LawsuitOutcome.Upheld;
}

public sealed partial record Placement
{
    /// <summary>The Widerspruch against this placement's Heranziehungsbescheid; one per notice.</summary>
    public PlacementObjection? Objection { get; init; }

    public Placement When(PlacementObjectionFiled e) =>
        this with { Objection = new PlacementObjection(e.NoticeId, e.ReceivedOn, e.Statement, PlacementObjectionStatus.Pending, null, null, null, null) };

    public Placement When(ImmediateEnforcementOrdered e) => WithObjection(o => o with { EnforcementNoticeId = e.NoticeId });

#pragma warning disable CS8524
    public Placement When(PlacementObjectionDecided e) => WithObjection(o => o with
    {
        Status = e.Outcome switch
        {
            PlacementObjectionOutcome.Upheld => PlacementObjectionStatus.Upheld,
            PlacementObjectionOutcome.Dismissed => PlacementObjectionStatus.Dismissed,
        },
        DecidedOn = e.DecidedOn,
        DecisionNoticeId = e.NoticeId,
    });
#pragma warning restore CS8524

    public Placement When(LawsuitFiled e) => WithObjection(o => o with { Lawsuit = new Lawsuit(e.FiledOn, e.Court, e.FileNumber, null, null) });

    public Placement When(LawsuitEnded e) => WithObjection(o => o with { Lawsuit = o.Lawsuit is null ? null : o.Lawsuit with { Outcome = e.Outcome, EndedOn = e.On } });

    private Placement WithObjection(Func<PlacementObjection, PlacementObjection> change) =>
        Objection is { } o ? this with { Objection = change(o) } : this;
}

public sealed record FilePlacementObjection(Guid PlacementId, DateOnly ReceivedOn, string Statement, Actor By);

public sealed record OrderImmediateEnforcement(Guid PlacementId, string Reasoning, Actor By);

public sealed record DecidePlacementObjection(Guid PlacementId, PlacementObjectionOutcome Outcome, string Reasoning, PlacementObjectionCosts Costs, Actor By);

public sealed record FileLawsuit(Guid PlacementId, DateOnly FiledOn, string Court, string FileNumber, Actor By);

public sealed record EndLawsuit(Guid PlacementId, LawsuitOutcome Outcome, DateOnly On, Actor By);

/// <summary>
/// The remedies against a Heranziehungsbescheid. Checks in the contract's order: 409 state, 422 dates. Decisions that
/// set the notice aside end the placement on the day they are recorded and free its place (offer stream, locked first).
/// </summary>
public static class PlacementObjectionDecisions
{
    public static Decision File(Person person, Placement placement, FilePlacementObjection c, DateOnly today)
    {
        var notice = person.AssignmentNotice(placement.PlacementId)!;
        if (placement.Objection is { } earlier)
            return Rejection.Conflict("objection-exists", $"An objection against this notice was received on {earlier.ReceivedOn:yyyy-MM-dd}.");
        if (c.ReceivedOn > today)
            return Rejection.Unprocessable("date-in-future", "receivedOn lies in the future.");
        // A Widerspruch is valid once the notice exists, even before its notification.
        if (c.ReceivedOn < notice.IssuedOn)
            return Rejection.Unprocessable("objection-before-issue", $"receivedOn lies before the notice was issued ({notice.IssuedOn:yyyy-MM-dd}).");
        return Decision.Accept(new StreamEvent(person.Id,
            new PlacementObjectionFiled(placement.PlacementId, person.Id, notice.NoticeId, c.ReceivedOn, c.Statement, c.By.UserId)));
    }

    /// <summary>§ 86a Abs. 2 Nr. 5 SGG: while the objection or the Klage after it suspends the duty; once.</summary>
    public static Decision OrderEnforcement(Person person, Placement placement, OrderImmediateEnforcement c, Policy policy, DateOnly today)
    {
        if (!DutySuspension.ProceedingRunning(person, placement, today, policy))
            return Rejection.Conflict("no-pending-objection", "No objection or lawsuit against the Heranziehungsbescheid is pending.");
        if (placement.Objection!.EnforcementNoticeId is not null)
            return Rejection.Conflict("already-enforced", "Immediate enforcement has already been ordered.");
        var notice = NoticeIssuing.Issue(person, NoticeKind.AnordnungSofortigeVollziehung, placement.PlacementId, NoticeVersions.ImmediateEnforcement, c.By, today);
        var noticeId = ((NoticeIssued)notice.Event).NoticeId;
        return Decision.Accept(notice,
            new StreamEvent(person.Id, new ImmediateEnforcementOrdered(placement.PlacementId, person.Id, noticeId, c.Reasoning, c.By.UserId)));
    }

    public static Decision Decide(Person person, Placement placement, DecidePlacementObjection c, DateOnly today)
    {
        if (placement.Objection is not { } objection)
            return Rejection.Conflict("no-pending-objection", "No objection against the Heranziehungsbescheid is on record.");
        if (objection.Status != PlacementObjectionStatus.Pending)
            return Rejection.Conflict("already-decided", $"The objection was decided on {objection.DecidedOn:yyyy-MM-dd}.");
        var upheld = c.Outcome == PlacementObjectionOutcome.Upheld;
        var notice = NoticeIssuing.Issue(person, upheld ? NoticeKind.Abhilfebescheid : NoticeKind.Widerspruchsbescheid, placement.PlacementId,
            upheld ? NoticeVersions.PlacementObjectionUpheld : NoticeVersions.PlacementObjectionDismissed, c.By, today);
        var events = new List<StreamEvent>
        {
            notice,
            new(person.Id, new PlacementObjectionDecided(placement.PlacementId, person.Id, c.Outcome, c.Reasoning, c.Costs, today,
                ((NoticeIssued)notice.Event).NoticeId, c.By.UserId)),
        };
        if (upheld) events.AddRange(EndSetAside(person, placement, today));
        return new Decision(events, null);
    }

    public static Decision FileLawsuit(Person person, Placement placement, FileLawsuit c, DateOnly today)
    {
        if (placement.Objection is not { Status: PlacementObjectionStatus.Dismissed, DecisionNoticeId: { } decisionNoticeId } objection)
            return Rejection.Conflict("no-dismissed-objection", "No Widerspruchsbescheid has been issued on this placement's Heranziehungsbescheid.");
        if (objection.Lawsuit is { } earlier)
            return Rejection.Conflict("lawsuit-exists", $"A lawsuit filed on {earlier.FiledOn:yyyy-MM-dd} is on record.");
        if (c.FiledOn > today)
            return Rejection.Unprocessable("date-in-future", "filedOn lies in the future.");
        var decided = person.Notices[decisionNoticeId];
        if (c.FiledOn < decided.IssuedOn)
            return Rejection.Unprocessable("lawsuit-before-notice", $"filedOn lies before the Widerspruchsbescheid was issued ({decided.IssuedOn:yyyy-MM-dd}).");
        return Decision.Accept(new StreamEvent(person.Id, new LawsuitFiled(placement.PlacementId, person.Id, c.FiledOn, c.Court, c.FileNumber, c.By.UserId)));
    }

    public static Decision EndLawsuit(Person person, Placement placement, EndLawsuit c, DateOnly today)
    {
        if (placement.Objection?.Lawsuit is not { } lawsuit)
            return Rejection.Conflict("no-pending-lawsuit", "No lawsuit against the Heranziehungsbescheid is on record.");
        if (lawsuit.EndedOn is { } ended)
            return Rejection.Conflict("already-decided", $"The lawsuit ended on {ended:yyyy-MM-dd}.");
        if (c.On > today)
            return Rejection.Unprocessable("date-in-future", "on lies in the future.");
        if (c.On < lawsuit.FiledOn)
            return Rejection.Unprocessable("end-before-start", $"on lies before the lawsuit was filed ({lawsuit.FiledOn:yyyy-MM-dd}).");
        var events = new List<StreamEvent> { new(person.Id, new LawsuitEnded(placement.PlacementId, person.Id, c.Outcome, c.On, c.By.UserId)) };
        if (c.Outcome == LawsuitOutcome.Upheld) events.AddRange(EndSetAside(person, placement, today));
        return new Decision(events, null);
    }

    // Ended on the day the setting aside is recorded: hours worked until then are paid, and no refusal of it counts.
    private static IEnumerable<StreamEvent> EndSetAside(Person person, Placement placement, DateOnly today)
    {
        if (!placement.IsActive) yield break;
        var earliest = placement.EarliestEnd(today, person.AssignmentNotice(placement.PlacementId)?.IssuedOn ?? placement.StartsOn);
        var lastDay = today < earliest ? earliest : today;
        yield return new(person.Id, new PlacementEnded(placement.PlacementId, person.Id, placement.OfferId, lastDay, EndReason.ObjectionUpheld, null));
        yield return new(placement.OfferId, new Offers.PlaceReleased(placement.OfferId, placement.PlacementId));
    }

    /// <summary>Restrictions already approved for refusals of a set-aside placement are withdrawn (their ground is gone from the start).</summary>
    public static Person WithdrawRestrictionsOf(Person person, Guid placementId) => person with
    {
        Proposals = person.Proposals.SetItems(person.Proposals.Values
            .Where(p => p.PlacementId == placementId && p.Restriction is not null)
            .Select(p => KeyValuePair.Create(p.ProposalId, p with { Restriction = p.Restriction!.Withdraw() }))),
    };
}
