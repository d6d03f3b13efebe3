using System.ComponentModel;
using AGH.Api.Offers;

namespace AGH.Api.Placements;

/// <summary>
/// Heranziehung (§ 5 Abs. 4 AsylbLG): the social office assigns an eligible person to a free place after serving the
/// assignment notice with the Rechtsfolgenbelehrung.
/// </summary>
[Caseworker]
public static class AssignPersonEndpoint
{
    public sealed record Request(
        [property: Required] Guid? PersonId,
        [property: Required] Guid? OfferId,
        [property: Description("Only for a notice served outside the service; without it the assignment issues the Heranziehungsbescheid today.")] DateOnly? NoticeServedOn,
        [property: Required] DateOnly? StartsOn,
        [property: Required] int? HoursPerWeek,
        [property: Description("When the work is done: blocks of HH:MM in quarter hours, from before to (else 400); they must not overlap on a day "
            + "and must add up to hoursPerWeek (else 422 schedule-mismatch). Required without noticeServedOn.")] IReadOnlyList<ScheduleBlockRequest>? Schedule = null,
        [property: Description("The placement's last day: after startsOn and at most the end of Policy:MaxPlacementMonths (6) months from it, "
            + "§ 188 Abs. 2 BGB (else 422 period-too-long). Required without noticeServedOn.")] DateOnly? Until = null,
        [property: Description("Why this place and why it is reasonable (distance, travel, care duties): printed as the notice's Begründung (appears in the notice). "
            + "Required without noticeServedOn (1-4000 characters).")] string? Reasoning = null,
        [property: Description("ISO 639-1 language the person is informed in: de, en, ar, fa, ps, ku, ti, so, tr, ru, uk, fr (else 400). "
            + "Required without noticeServedOn.")] string? InformationLanguage = null);

    public sealed record ScheduleBlockRequest([property: Required] Weekday? Weekday,
        [property: Required, Description("HH:MM, a quarter hour")] string? From, [property: Required, Description("HH:MM, a quarter hour, after from")] string? To);

    /// <summary>The answer: the placement and its Heranziehungsbescheid.</summary>
    public sealed record Assigned(Guid Id, Guid NoticeId);

    public static (AssignPerson?, ProblemDetails) Validate(Request? body, Actor actor) => Parse.Body(body, (b, v) =>
    {
        // A notice the service issues must say when, how long and why (contract v3b); one served outside it is only recorded.
        var issued = b.NoticeServedOn is null;
        var schedule = ScheduleBody.Parse(b.Schedule, v, issued);
        if (issued && b.Until is null) v.Add("until", "is required.");
        var reasoning = issued ? v.Text(b.Reasoning, "reasoning", 4000) : v.OptionalText(b.Reasoning, "reasoning", 4000);
        if (issued && b.InformationLanguage is null) v.Add("informationLanguage", "is required.");
        InformationLanguageField.Check(v, b.InformationLanguage, "informationLanguage");
        return new AssignPerson(Guid.CreateVersion7(),
            v.Id(b.PersonId, "personId"), v.Id(b.OfferId, "offerId"), v.OptionalDate(b.NoticeServedOn, "noticeServedOn"),
            v.Date(b.StartsOn, "startsOn"), v.Range(b.HoursPerWeek, "hoursPerWeek", 1, 168), actor,
            schedule, v.OptionalDate(b.Until, "until"), reasoning, b.InformationLanguage);
    });

    public static Decision Decide(AssignPerson command, AssignmentParties parties, Policy policy, Clock clock) =>
        PlacementDecisions.Assign(parties.Offer!.Aggregate!, parties.Person!.Aggregate!, command, policy, clock.Today);

    /// <summary>Assign a person to an offer after the Heranziehungsbescheid was served</summary>
    /// <remarks>Without noticeServedOn the service issues the Heranziehungsbescheid (wording heranziehungsbescheid-v2) today and
    /// schedule, until, reasoning and informationLanguage are required (400); with it they are optional and checked when given.
    /// After until the placement reads ended (endReason period-ended, endedOn = until); a daily job then records that end and frees the place.</remarks>
    [WolverinePost("/api/placements", OperationId = "assignPerson"), Tags("Placements")]
    public static Created<Assigned> Handle(Request body, AssignPerson command) => TypedResults.Created($"/api/placements/{command.PlacementId}",
        new Assigned(command.PlacementId, AGH.Domain.Notices.NoticeIssuing.IdFor(command.PlacementId, AGH.Domain.Notices.NoticeKind.Heranziehungsbescheid, 0)));
}
