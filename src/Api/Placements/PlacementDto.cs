using System.ComponentModel;
using AGH.Api.Sanctions;

namespace AGH.Api.Placements;

public enum PlacementStatus
{
    Active,
    Ended,
    /// <summary>Not yet begun: before startsOn (contract v3d).</summary>
    Upcoming,
}

/// <summary>A block of the placement's working times, from and to as HH:MM.</summary>
public sealed record ScheduleBlockDto(Weekday Weekday, string From, string To);

public sealed record HourEntryDto(Guid EntryId, DateOnly Date, int Minutes, Guid? CorrectsEntryId, string? Reason, bool Superseded,
    [property: Description("Who logged the entry (contract v3c): `provider` (the Träger, in its app) or `office`; corrections and entries recorded before v3c are `office`.")]
    HourSource Source = HourSource.Office,
    [property: Description("True when the office logged or corrected it after the provider had confirmed that month's timesheet (contract v3c).")]
    bool AfterConfirmation = false);

public sealed record AssessmentDto(bool GoodCause, ExemptionReason? Reason, string Reasoning,
    [property: Description("True when this is the reassessment after the hearing, which replaced the first assessment.")] bool Reassessed = false);

public sealed record HearingDto(DateOnly HeldOn, string Statement,
    [property: Description("How the hearing was held, when stated (contract v3d).")] HearingForm? Form = null,
    [property: Description("Oral and face to face, when stated.")] bool? HeldInPerson = null);

public sealed record HearingInvitationDto(DateOnly InvitedOn, HearingForm Form, DateOnly Deadline, string Language, bool Interpreter, HearingDelivery Delivery);

public sealed record RefusalDto(Guid RefusalId, DateOnly Date, RefusalKind Kind, string StatedReason, AssessmentDto? Assessment, HearingDto? Hearing,
    HearingInvitationDto? HearingInvitation = null,
    [property: Description("The provider's absence report this refusal was recorded from (POST /api/absence-reports/{id}/refusal); null otherwise.")]
    Guid? AbsenceReportId = null);

public sealed record PlacementDto(
    Guid Id,
    Guid PersonId,
    Guid OfferId,
    string Municipality,
    [property: Description("upcoming before startsOn (contract v3d), active from startsOn, ended once ended or past until.")]
    PlacementStatus Status,
    [property: Description("The day the Heranziehungsbescheid was notified (notifiedOn); null until it is dispatched.")]
    DateOnly? NoticeServedOn,
    DateOnly StartsOn,
    int HoursPerWeek,
    [property: Description("The effective minutes of all the placement's hour entries (corrections applied), also of those `hours` leaves out.")]
    int MinutesLogged,
    [property: Description("The hour entries in recorded order. In GET /api/placements/{id} (and the commands answering with the placement) the newest 100 only; `hoursTotal` counts all, and GET /api/placements/{id}/hours pages through all of them. In lists and as-of reads all entries.")]
    IReadOnlyList<HourEntryDto> Hours,
    [property: Description("How many hour entries the placement has (superseded ones included), also where `hours` holds only the newest 100.")]
    int HoursTotal,
    IReadOnlyList<RefusalDto> Refusals,
    IReadOnlyList<SanctionProposalDto> SanctionProposals,
    DateOnly? EndedOn,
    EndReason? EndReason,
    string? NoticeVersion,
    [property: Description("The most minutes a person may work on one day, across all placements (the deployment's policy); more is refused with daily-limit.")]
    int DailyLimitMinutes,
    [property: Description("The most minutes a person may work in one ISO week, across all placements (the deployment's policy); the placement's hoursPerWeek applies as well.")]
    int WeeklyLimitMinutes,
    [property: Description("The placement's Heranziehungsbescheid (GET /api/notices/{id}).")]
    Guid NoticeId)
{
    [Description("The placement's last day as the Heranziehungsbescheid names it (contract v3b); after it the placement reads ended, endReason period-ended (recorded by the daily job, which frees the place). Null for placements from before.")]
    public DateOnly? Until { get; init; }

    [Description("When the work is done (contract v3b); null for placements from before.")]
    public IReadOnlyList<ScheduleBlockDto>? Schedule { get; init; }

    [Description("The notice's Begründung: why this place, why reasonable (contract v3b).")]
    public string? Reasoning { get; init; }

    [Description("ISO 639-1 language the person is informed in (contract v3b).")]
    public string? InformationLanguage { get; init; }

    /// <summary>The Widerspruch against the Heranziehungsbescheid, once one is recorded (contract v3a).</summary>
    public PlacementObjectionDto? Objection { get; init; }

    /// <summary>
    /// <paramref name="hours"/> holds at least the placement's entries (<see cref="HourReads.OfPerson"/>). The caps
    /// come from the deployment's policy, so a client shows the limits the API enforces, not a copy of them.
    /// </summary>
    public static PlacementDto From(Person person, Placement p, HourLog hours, DateOnly today, Policy policy)
    {
        var effective = hours.EffectiveOf(p.PlacementId).Select(e => e.EntryId).ToHashSet();
        var entries = hours.Of(p.PlacementId).Select(e => new HourEntryDto(e.EntryId, e.Date, e.Minutes, e.CorrectsEntryId, e.Reason,
            !effective.Contains(e.EntryId), e.Source, e.AfterConfirmation)).ToList();
        return From(person, p, hours.MinutesLogged(p.PlacementId), entries, entries.Count, today, policy);
    }

    /// <summary>Ended once ended or past its until; before its start upcoming; else active.</summary>
    public static PlacementStatus StatusOf(Placement p, DateOnly today) =>
        p.EndedBy(today) ? PlacementStatus.Ended : p.StartsOn > today ? PlacementStatus.Upcoming : PlacementStatus.Active;

    /// <summary>
    /// With the hours already written as JSON (<see cref="PlacementHours"/>: all, or the newest); answer it with
    /// <see cref="PlacementHours.AnswerOptions"/>.
    /// </summary>
    public static PlacementDto From(Person person, Placement p, PlacementHours hours, DateOnly today, Policy policy) =>
        From(person, p, hours.MinutesLogged, hours, hours.Total, today, policy);

    private static PlacementDto From(Person person, Placement p, int minutesLogged, IReadOnlyList<HourEntryDto> hours, int hoursTotal, DateOnly today,
        Policy policy) =>
        new(
            p.PlacementId, p.PersonId, p.OfferId, p.Municipality, StatusOf(p, today),
            person.AssignmentNotice(p.PlacementId)?.NotifiedOn, p.StartsOn, p.HoursPerWeek, minutesLogged, hours, hoursTotal,
            p.Refusals.Values.OrderBy(r => r.Date).Select(r => new RefusalDto(r.RefusalId, r.Date, r.Kind, r.StatedReason,
                r.Assessment is { } a ? new AssessmentDto(a.GoodCause, a.Reason, a.Reasoning, r.Reassessment is not null) : null,
                r.Hearing is { } h ? new HearingDto(h.HeldOn, h.Statement, h.Form, h.HeldInPerson) : null,
                r.Invitation is { } i ? new HearingInvitationDto(i.InvitedOn, i.Form, i.Deadline, i.Language, i.Interpreter, i.Delivery) : null,
                r.AbsenceReportId)).ToList(),
            person.Proposals.Values.Where(x => x.PlacementId == p.PlacementId).Select(x => SanctionProposalDto.From(person, x, today, policy)).ToList(),
            p.EndedOnAsOf(today), p.EndReasonAsOf(today), p.NoticeVersion, policy.DailyCapMinutes, policy.WeeklyCapMinutes, p.NoticeId)
        {
            Objection = PlacementObjectionDto.From(person, p, policy),
            Until = p.Until,
            Schedule = p.Schedule?.Select(b => new ScheduleBlockDto(b.Weekday, b.From(), b.To())).ToList(),
            Reasoning = p.Reasoning,
            InformationLanguage = p.InformationLanguage,
        };
}
