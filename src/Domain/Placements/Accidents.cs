using AGH.Domain.Common;
using AGH.Domain.Persons;

namespace AGH.Domain.Placements;

public enum AccidentStatus
{
    /// <summary>Reportable (incapacity over three days, or fatal) and not yet reported to the insurer.</summary>
    Open,
    Reported,
    NotReportable,
}

/// <summary>
/// An accident at the work (participants are insured as Beschäftigte, § 2 Abs. 1 Nr. 1 SGB VII). The provider must report
/// it to the insurer within three days of learning of it when it leaves the person unable to work for more than three
/// days, a fatal one at once (§ 193 Abs. 1 and 4 SGB VII): <paramref name="RecordedOn"/> is the day it was learned of.
/// <paramref name="AccidentInsurer"/> and <paramref name="ProviderId"/> are the offer's when recorded.
/// <paramref name="RecordedByProvider"/> names the organisation when a provider recorded it (it then sees the description).
/// </summary>
public sealed record AccidentRecorded(Guid PersonId, Guid AccidentId, Guid PlacementId, Guid OfferId, string Municipality, string? ProviderId,
    string? AccidentInsurer, DateOnly On, string Description, int? IncapacityDays, bool Fatal, DateOnly RecordedOn, DateOnly ReportDueOn,
    string RecordedBy, string? RecordedByProvider) : IDomainEvent;

/// <summary>The incapacity became known later; <paramref name="RecordedByProvider"/> as on <see cref="AccidentRecorded"/>.</summary>
public sealed record AccidentIncapacityRecorded(Guid PersonId, Guid AccidentId, int IncapacityDays, string RecordedBy, string? RecordedByProvider) : IDomainEvent;

/// <summary>The accident report (Unfallanzeige) went to the insurer on <paramref name="ReportedOn"/>.</summary>
public sealed record AccidentReported(Guid PersonId, Guid AccidentId, DateOnly ReportedOn, string ReportedBy) : IDomainEvent;

/// <summary>One accident as listed (AccidentProjection).</summary>
public sealed record Accident(
    Guid Id,
    Guid PersonId,
    Guid PlacementId,
    Guid OfferId,
    string Municipality,
    string? ProviderId,
    string? AccidentInsurer,
    DateOnly On,
    string Description,
    int? IncapacityDays,
    bool Fatal,
    DateOnly RecordedOn,
    DateOnly ReportDueOn,
    AccidentStatus Status,
    DateOnly? ReportedOn,
    string RecordedBy,
    string? RecordedByProvider,
    string? IncapacityByProvider,
    string? ReportedBy)
{
    public const int ReportableIncapacityDays = 3;

    public static Accident Start(AccidentRecorded e) => new(e.AccidentId, e.PersonId, e.PlacementId, e.OfferId, e.Municipality, e.ProviderId,
        e.AccidentInsurer, e.On, e.Description, e.IncapacityDays, e.Fatal, e.RecordedOn, e.ReportDueOn,
        StatusOf(e.Fatal, e.IncapacityDays, null), null, e.RecordedBy, e.RecordedByProvider,
        e.IncapacityDays is null ? null : e.RecordedByProvider, null);

    public Accident When(object e) => e switch
    {
        AccidentIncapacityRecorded i => this with
        {
            IncapacityDays = i.IncapacityDays, IncapacityByProvider = i.RecordedByProvider, Status = StatusOf(Fatal, i.IncapacityDays, ReportedOn),
        },
        AccidentReported r => this with { ReportedOn = r.ReportedOn, ReportedBy = r.ReportedBy, Status = AccidentStatus.Reported },
        _ => this,
    };

    public static AccidentStatus StatusOf(bool fatal, int? incapacityDays, DateOnly? reportedOn) =>
        reportedOn is not null ? AccidentStatus.Reported
        : fatal || incapacityDays > ReportableIncapacityDays ? AccidentStatus.Open
        : AccidentStatus.NotReportable;
}

public sealed record RecordAccident(Guid PlacementId, Guid AccidentId, DateOnly On, string Description, int? IncapacityDays, bool Fatal,
    string RecordedBy, string? RecordedByProvider);

public sealed record ReportAccident(Guid AccidentId, DateOnly ReportedOn, string ReportedBy);

public sealed record RecordIncapacity(Guid AccidentId, int IncapacityDays, string RecordedBy, string? RecordedByProvider);

public static class AccidentDecisions
{
    /// <summary>§ 193 Abs. 4 SGB VII: three days from learning of it (today, when it is recorded); a fatal accident at once.</summary>
    public static DateOnly ReportDueOn(DateOnly recordedOn, bool fatal) => fatal ? recordedOn : recordedOn.AddDays(3);

    public static Decision Record(Person person, Placement placement, string? providerId, string? accidentInsurer, RecordAccident c, DateOnly today)
    {
        if (c.On > today)
            return Rejection.Unprocessable("date-in-future", "The day of the accident lies in the future.");
        // Insured is the work the placement names (§ 2 Abs. 1 Nr. 1 SGB VII): a day outside it is not this placement's accident.
        if (!placement.Covers(c.On))
            return Rejection.Unprocessable("outside-placement", $"{c.On:yyyy-MM-dd} lies before the start or after the end of the placement.");
        return Decision.Accept(new StreamEvent(person.Id, new AccidentRecorded(person.Id, c.AccidentId, placement.PlacementId, placement.OfferId,
            placement.Municipality, providerId, accidentInsurer, c.On, c.Description, c.IncapacityDays, c.Fatal, today, ReportDueOn(today, c.Fatal),
            c.RecordedBy, c.RecordedByProvider)));
    }

    public static Decision Report(Accident accident, ReportAccident c, DateOnly today)
    {
        if (accident.ReportedOn is { } reported)
            return Rejection.Conflict("already-reported", $"The accident was reported to the insurer on {reported:yyyy-MM-dd}.");
        if (c.ReportedOn > today)
            return Rejection.Unprocessable("date-in-future", "reportedOn lies in the future.");
        if (c.ReportedOn < accident.On)
            return Rejection.Unprocessable("report-before-accident", $"reportedOn lies before the accident on {accident.On:yyyy-MM-dd}.");
        return Decision.Accept(new StreamEvent(accident.PersonId, new AccidentReported(accident.PersonId, accident.Id, c.ReportedOn, c.ReportedBy)));
    }

    public static Decision RecordIncapacity(Accident accident, RecordIncapacity c) =>
        Decision.Accept(new StreamEvent(accident.PersonId,
            new AccidentIncapacityRecorded(accident.PersonId, accident.Id, c.IncapacityDays, c.RecordedBy, c.RecordedByProvider)));
}
