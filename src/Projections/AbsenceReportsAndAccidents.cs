using AGH.Domain.Placements;
using JasperFx.Events;
using Marten.Events.Projections;

namespace AGH.Projections;

/// <summary>One document per absence report from the person streams, inline: the list and the office's decisions (report → person) read it.</summary>
public partial class AbsenceReportProjection : MultiStreamProjection<AbsenceReport, Guid>
{
    public AbsenceReportProjection()
    {
        Identity<AbsenceReported>(e => e.ReportId);
        Identity<AbsenceReportRecordedAsRefusal>(e => e.ReportId);
        Identity<AbsenceReportDismissed>(e => e.ReportId);
        IncludeType<AbsenceReported>();
        IncludeType<AbsenceReportRecordedAsRefusal>();
        IncludeType<AbsenceReportDismissed>();
    }

    public override AbsenceReport? Evolve(AbsenceReport? snapshot, Guid id, IEvent e) => (snapshot, e.Data) switch
    {
        (_, AbsenceReported r) => AbsenceReport.Start(r),
        (not null, var other) => snapshot.When(other),
        _ => snapshot,
    };
}

/// <summary>One document per accident from the person streams, inline: the list (open reports due) and the report's lookup read it.</summary>
public partial class AccidentProjection : MultiStreamProjection<Accident, Guid>
{
    public AccidentProjection()
    {
        Identity<AccidentRecorded>(e => e.AccidentId);
        Identity<AccidentIncapacityRecorded>(e => e.AccidentId);
        Identity<AccidentReported>(e => e.AccidentId);
        IncludeType<AccidentRecorded>();
        IncludeType<AccidentIncapacityRecorded>();
        IncludeType<AccidentReported>();
    }

    public override Accident? Evolve(Accident? snapshot, Guid id, IEvent e) => (snapshot, e.Data) switch
    {
        (_, AccidentRecorded r) => Accident.Start(r),
        (not null, var other) => snapshot.When(other),
        _ => snapshot,
    };
}
