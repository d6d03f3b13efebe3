using System.ComponentModel;

namespace AGH.Api.AbsenceReports;

/// <summary>
/// An absence report as listed. A provider sees its own reports without the office's follow-up (<c>refusalId</c>,
/// the dismissal's reason): a provider sees no refusal, and a reason may carry health data it did not report itself.
/// </summary>
public sealed record AbsenceReportDto(
    Guid Id,
    Guid PlacementId,
    Guid PersonId,
    Guid OfferId,
    DateOnly Date,
    AbsenceKind Kind,
    string Note,
    AbsenceReportStatus Status,
    string ReportedBy,
    [property: Description("The refusal recorded from the report (status recorded); never shown to providers.")] Guid? RefusalId,
    [property: Description("Why the office dismissed the report (status dismissed); never shown to providers.")] string? DismissalReason,
    [property: Description("Who recorded or dismissed the report; never shown to providers.")] string? ClosedBy)
{
    public static AbsenceReportDto From(AbsenceReport r, Actor actor) => ProviderScope.IsProvider(actor)
        ? new(r.Id, r.PlacementId, r.PersonId, r.OfferId, r.Date, r.Kind, r.Note, r.Status, r.ReportedBy, null, null, null)
        : new(r.Id, r.PlacementId, r.PersonId, r.OfferId, r.Date, r.Kind, r.Note, r.Status, r.ReportedBy, r.RefusalId, r.DismissalReason, r.ClosedBy);
}

public static class AbsenceReportAccess
{
    /// <summary>Providers: the reports their organisation made; everyone else as they see the person.</summary>
    public static bool Visible(Actor actor, AbsenceReport report) =>
        ProviderScope.IsProvider(actor) ? actor.Provider is { } own && report.ProviderId == own : actor.MaySee(report.Municipality);
}

/// <summary>An absence report's person stream, fetched for writing (a second decision waits and then sees the first), and the report.</summary>
public sealed record AbsenceReportStream(IEventStream<Person> Stream, AbsenceReport Report)
{
    public Person Person => Stream.Aggregate!;

    /// <summary>The person's hours of the week of the report's day, read after the lock (a no-show on a day with hours is refused, v3d).</summary>
    public HourLog Week { get; init; } = HourLog.Empty;

    public static async Task<AbsenceReportStream?> Load(IDocumentSession session, Guid id, HttpContext http, CancellationToken ct, bool withWeek = false)
    {
        if (await LockedView.Load<AbsenceReport>(session, id, x => x.PersonId, x => AbsenceReportAccess.Visible(Access.Actor(http), x), ct) is not { } found)
            return null;
        return new AbsenceReportStream(found.Stream, found.View)
        {
            Week = withWeek ? await AGH.Api.Placements.HourReads.Week(session, found.View.PersonId, found.View.Date, ct) : HourLog.Empty,
        };
    }

    /// <summary>A command's 200: the report after the decision, as the caller may see it.</summary>
    public Ok<AbsenceReportDto> Answer(Decision decision, HttpContext http) =>
        TypedResults.Ok(AbsenceReportDto.From(decision.Events.Select(e => e.Event).Aggregate(Report, (r, e) => r.When(e)), Access.Actor(http)));
}
