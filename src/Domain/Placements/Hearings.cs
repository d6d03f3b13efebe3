using AGH.Domain.Common;
using AGH.Domain.Notices;
using AGH.Domain.Persons;

namespace AGH.Domain.Placements;

public enum HearingForm
{
    Written,
    Oral,
}

public enum HearingDelivery
{
    HandedOver,
    Post,
}

/// <summary>
/// The person was invited to be heard (§ 28 VwVfG i. V. m. § 1 Abs. 1 NVwVfG) on a refusal, in <paramref name="Language"/>
/// (an informationLanguage), by <paramref name="Deadline"/>; statements after it are still considered until the decision.
/// </summary>
public sealed record HearingInvited(
    Guid PlacementId,
    Guid PersonId,
    Guid RefusalId,
    DateOnly InvitedOn,
    HearingForm Form,
    DateOnly Deadline,
    string Language,
    bool Interpreter,
    HearingDelivery Delivery) : IDomainEvent;

/// <summary>The refusal assessed anew in the light of the hearing; it replaces the earlier assessment.</summary>
public sealed record RefusalReassessed(Guid PlacementId, Guid PersonId, Guid RefusalId, bool GoodCause, ExemptionReason? Reason, string Reasoning) : IDomainEvent;

public sealed record InviteToHearing(
    Guid PlacementId, Guid RefusalId, DateOnly InvitedOn, HearingForm Form, DateOnly Deadline, string Language, bool Interpreter, HearingDelivery Delivery);

public sealed record ReassessRefusal(Guid PlacementId, Guid RefusalId, bool GoodCause, ExemptionReason? Reason, string Reasoning);

/// <summary>Where the hearing on a refusal stands, as a proposal needs it.</summary>
public enum HearingState
{
    /// <summary>Neither held nor invited to.</summary>
    None,
    /// <summary>Invited, the deadline still runs and no hearing was held: nothing may be proposed yet.</summary>
    DeadlineRunning,
    /// <summary>Held on or after the refusal, or the invitation's deadline passed without one.</summary>
    Satisfied,
}

/// <summary>The hearing as a procedure (contract v3a): invitation with a deadline, and a reassessment after it.</summary>
public static class HearingDecisions
{
    public const int MinimumDeadlineDays = 14;

    /// <summary>A hearing held on or after the refusal satisfies it even while an invitation's deadline runs.</summary>
    public static HearingState StateOf(Refusal refusal, DateOnly today) =>
        refusal.Hearing is { } held && held.HeldOn >= refusal.Date ? HearingState.Satisfied
        : refusal.Invitation is { } invitation ? (invitation.Deadline < today ? HearingState.Satisfied : HearingState.DeadlineRunning)
        : HearingState.None;

    /// <summary>Checks in the contract's order: 404, 409 already-invited, 422 dates, 422 deadline-too-short.</summary>
    public static Decision Invite(Person person, Placement placement, InviteToHearing c, DateOnly today)
    {
        if (!placement.Refusals.TryGetValue(c.RefusalId, out var refusal))
            return Rejection.NotFound("refusal-not-found", "No such refusal in this placement.");
        if (refusal.Invitation is { } earlier)
            return Rejection.Conflict("already-invited", $"The person was already invited to the hearing on {earlier.InvitedOn:yyyy-MM-dd}.");
        if (c.InvitedOn > today)
            return Rejection.Unprocessable("date-in-future", "invitedOn lies in the future.");
        if (c.InvitedOn < refusal.Date)
            return Rejection.Unprocessable("invitation-before-refusal", $"invitedOn lies before the refusal on {refusal.Date:yyyy-MM-dd}.");
        var earliest = NoticeCalendar.EarliestHearingDeadline(c.InvitedOn, c.Delivery == HearingDelivery.Post);
        if (c.Deadline < earliest)
            return Rejection.Unprocessable("deadline-too-short",
                $"The person must have {MinimumDeadlineDays} days from the invitation's presumed receipt to answer: the deadline must be {earliest:yyyy-MM-dd} or later.");
        return Decision.Accept(new StreamEvent(person.Id, new HearingInvited(placement.PlacementId, person.Id, c.RefusalId, c.InvitedOn, c.Form,
            c.Deadline, c.Language, c.Interpreter, c.Delivery)));
    }

    /// <summary>
    /// Replaces the assessment in the light of the hearing, until a decision approved a proposal on the refusal. It needs
    /// the hearing held or at least invited to (422 hearing-required) and an assessment to replace (409 not-assessed).
    /// </summary>
    public static Decision Reassess(Person person, Placement placement, ReassessRefusal c)
    {
        if (!placement.Refusals.TryGetValue(c.RefusalId, out var refusal))
            return Rejection.NotFound("refusal-not-found", "No such refusal in this placement.");
        if (person.Proposals.Values.Any(p => p.RefusalId == c.RefusalId && p.Decision is { Approved: true }))
            return Rejection.Conflict("already-decided", "A restriction was already approved on this refusal; a reassessment is the objection's business.");
        if (refusal.Assessment is null)
            return Rejection.Conflict("not-assessed", "The refusal has not been assessed yet: assess it first.");
        if (refusal.Hearing is null && refusal.Invitation is null)
            return Rejection.Unprocessable("hearing-required", "A reassessment follows the hearing: record the hearing or the invitation to it first (§ 28 VwVfG).");
        // A day without a duty to work is a good reason by law; no assessment may say otherwise (§ 5 Abs. 3, 4 AsylbLG).
        if (!c.GoodCause && person.NotObligedReason(refusal.Date) is { } why)
            return Rejection.Unprocessable("not-obliged-on-refusal-date", $"The person had no duty to work on {refusal.Date:yyyy-MM-dd}: {why}.");
        return Decision.Accept(new StreamEvent(person.Id,
            new RefusalReassessed(placement.PlacementId, person.Id, c.RefusalId, c.GoodCause, c.GoodCause ? c.Reason : null, c.Reasoning)));
    }
}
