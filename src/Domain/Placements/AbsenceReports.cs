using AGH.Domain.Common;
using AGH.Domain.Persons;

namespace AGH.Domain.Placements;

/// <summary>
/// What a provider saw (contract v3c): the refusal kinds, and <see cref="ReportedSick"/> (the provider was told the
/// person is ill; never a diagnosis), which is no refusal and can only be dismissed or lead to an illness exemption.
/// </summary>
public enum AbsenceKind
{
    Explicit,
    NoShow,
    DroppedOut,
    ReportedSick,
}

public enum AbsenceReportStatus
{
    Open,
    Recorded,
    Dismissed,
}

/// <summary>
/// A provider reports an absence from the work (§ 5 AsylbLG): only a report, no refusal yet; the office decides whether
/// it becomes one. Written to the person's stream, so turning it into a refusal is one locked step with the refusal.
/// <paramref name="ProviderId"/> is the reporting organisation (the provider sees its own reports only).
/// </summary>
public sealed record AbsenceReported(Guid PersonId, Guid ReportId, Guid PlacementId, Guid OfferId, string Municipality, string ProviderId,
    DateOnly Date, AbsenceKind Kind, string Note, string ReportedBy) : IDomainEvent;

/// <summary>The office recorded the refusal (<see cref="RefusalRecorded"/> with the report's id) from the report.</summary>
public sealed record AbsenceReportRecordedAsRefusal(Guid PersonId, Guid ReportId, Guid RefusalId, string RecordedBy) : IDomainEvent;

/// <summary>The office closed the report without a refusal (e.g. excused in time); the reason is the office's, never shown to the provider.</summary>
public sealed record AbsenceReportDismissed(Guid PersonId, Guid ReportId, string Reason, string DismissedBy) : IDomainEvent;

/// <summary>One absence report as listed; the view the list and the office's decisions read (AbsenceReportProjection).</summary>
public sealed record AbsenceReport(
    Guid Id,
    Guid PersonId,
    Guid PlacementId,
    Guid OfferId,
    string Municipality,
    string ProviderId,
    DateOnly Date,
    AbsenceKind Kind,
    string Note,
    AbsenceReportStatus Status,
    string ReportedBy,
    Guid? RefusalId,
    string? DismissalReason,
    string? ClosedBy)
{
    public static AbsenceReport Start(AbsenceReported e) => new(e.ReportId, e.PersonId, e.PlacementId, e.OfferId, e.Municipality, e.ProviderId,
        e.Date, e.Kind, e.Note, AbsenceReportStatus.Open, e.ReportedBy, null, null, null);

    public AbsenceReport When(object e) => e switch
    {
        AbsenceReportRecordedAsRefusal r => this with { Status = AbsenceReportStatus.Recorded, RefusalId = r.RefusalId, ClosedBy = r.RecordedBy },
        AbsenceReportDismissed d => this with { Status = AbsenceReportStatus.Dismissed, DismissalReason = d.Reason, ClosedBy = d.DismissedBy },
        _ => this,
    };
}

public sealed record ReportAbsence(Guid PlacementId, Guid ReportId, DateOnly Date, AbsenceKind Kind, string Note, string ProviderId, string ReportedBy);

public sealed record RecordAbsenceRefusal(Guid ReportId, Guid RefusalId, string RecordedBy);

public sealed record DismissAbsenceReport(Guid ReportId, string Reason, string DismissedBy);

public static class AbsenceReportDecisions
{
    /// <summary>A day of the placement that has come: not in the future, inside the placement (the codes of hours and refusals).</summary>
    public static Decision Report(Person person, Placement placement, ReportAbsence c, DateOnly today)
    {
        if (c.Date > today)
            return Rejection.Unprocessable("date-in-future", "The date of the absence lies in the future.");
        if (!placement.Covers(c.Date))
            return Rejection.Unprocessable("outside-placement", $"{c.Date:yyyy-MM-dd} lies before the start or after the end of the placement.");
        return Decision.Accept(new StreamEvent(person.Id, new AbsenceReported(person.Id, c.ReportId, placement.PlacementId, placement.OfferId,
            placement.Municipality, c.ProviderId, c.Date, c.Kind, c.Note, c.ReportedBy)));
    }

    /// <summary>The refusal kind a report stands for; null for <see cref="AbsenceKind.ReportedSick"/>, which refuses nothing.</summary>
    public static RefusalKind? RefusalKindOf(AbsenceKind kind) => kind switch
    {
        AbsenceKind.Explicit => RefusalKind.Explicit,
        AbsenceKind.NoShow => RefusalKind.NoShow,
        AbsenceKind.DroppedOut => RefusalKind.DroppedOut,
        AbsenceKind.ReportedSick => null,
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>
    /// The refusal { date, kind, statedReason: note, absenceReportId } through the refusal's own decision, so its 422s
    /// answer unchanged; closed reports first (409 before 422 in the exact rules' order).
    /// </summary>
    public static Decision RecordAsRefusal(Person person, AbsenceReport report, RecordAbsenceRefusal c, Policy policy, DateOnly today, HourLog? week = null)
    {
        if (report.Status != AbsenceReportStatus.Open)
            return Closed(report);
        if (RefusalKindOf(report.Kind) is not { } kind)
            return Rejection.Unprocessable("not-a-refusal", "A report that the person is ill is no refusal; record an illness exemption or dismiss the report.");
        if (!person.Placements.TryGetValue(report.PlacementId, out var placement))
            return Rejection.NotFound("not-found", "The report's placement no longer exists.");
        var refusal = PlacementDecisions.RecordRefusal(person, placement,
            new RecordRefusal(placement.PlacementId, c.RefusalId, report.Date, kind, report.Note, report.Id), policy, today, week);
        if (refusal.IsRejected) return refusal;
        return Decision.Accept([.. refusal.Events, new StreamEvent(person.Id, new AbsenceReportRecordedAsRefusal(person.Id, report.Id, c.RefusalId, c.RecordedBy))]);
    }

    public static Decision Dismiss(AbsenceReport report, DismissAbsenceReport c)
    {
        if (report.Status != AbsenceReportStatus.Open)
            return Closed(report);
        return Decision.Accept(new StreamEvent(report.PersonId, new AbsenceReportDismissed(report.PersonId, report.Id, c.Reason, c.DismissedBy)));
    }

    private static Rejection Closed(AbsenceReport report) =>
        Rejection.Conflict("report-closed", $"The report was already {report.Status.ToString().ToLowerInvariant()} by {report.ClosedBy}.");
}
