using AGH.Domain.Placements;

namespace AGH.Tests.Domain;

/// <summary>Contract v3c: the pure rules of absence reports and accidents (the HTTP tests prove them through the host).</summary>
public sealed class AbsenceAndAccidentRulesTests
{
    private static Accident Recorded(bool fatal = false, int? incapacity = null) => Accident.Start(new AccidentRecorded(T.PersonId, Guid.NewGuid(),
        T.PlacementId, T.OfferId, "bad-iburg", "tafel", "Unfallkasse Niedersachsen", T.Today.AddDays(-2), "Sturz", incapacity, fatal, T.Today,
        AccidentDecisions.ReportDueOn(T.Today, fatal), "u", "tafel"));

    [Fact]
    public void The_report_is_due_three_days_after_the_day_recorded_and_a_fatal_one_that_day()
    {
        AccidentDecisions.ReportDueOn(T.Today, fatal: false).Should().Be(T.Today.AddDays(3));
        AccidentDecisions.ReportDueOn(T.Today, fatal: true).Should().Be(T.Today);
    }

    [Theory]
    [InlineData(false, null, AccidentStatus.NotReportable)]
    [InlineData(false, 3, AccidentStatus.NotReportable)]
    [InlineData(false, 4, AccidentStatus.Open)]
    [InlineData(true, null, AccidentStatus.Open)]
    [InlineData(true, 0, AccidentStatus.Open)]
    public void Only_incapacity_over_three_days_or_death_makes_an_accident_reportable(bool fatal, int? incapacity, AccidentStatus status) =>
        Recorded(fatal, incapacity).Status.Should().Be(status);

    [Fact]
    public void A_report_lies_between_the_accident_and_today_and_is_recorded_once()
    {
        var accident = Recorded(incapacity: 5);
        AccidentDecisions.Report(accident, new ReportAccident(accident.Id, T.Today.AddDays(1), "u"), T.Today).Rejection!.Code.Should().Be("date-in-future");
        AccidentDecisions.Report(accident, new ReportAccident(accident.Id, T.Today.AddDays(-3), "u"), T.Today).Rejection!.Code.Should().Be("report-before-accident");
        var ok = AccidentDecisions.Report(accident, new ReportAccident(accident.Id, T.Today.AddDays(-2), "u"), T.Today);
        var reported = accident.When(ok.Events.Single().Event);
        reported.Status.Should().Be(AccidentStatus.Reported);
        AccidentDecisions.Report(reported, new ReportAccident(accident.Id, T.Today, "u"), T.Today).Rejection!.Code.Should().Be("already-reported");
        // A later incapacity keeps a reported accident reported.
        reported.When(new AccidentIncapacityRecorded(T.PersonId, accident.Id, 10, "u", null)).Status.Should().Be(AccidentStatus.Reported);
    }

    [Fact]
    public void Every_absence_kind_but_reported_sick_maps_to_the_refusal_kind_of_the_same_name()
    {
        AbsenceReportDecisions.RefusalKindOf(AbsenceKind.Explicit).Should().Be(RefusalKind.Explicit);
        AbsenceReportDecisions.RefusalKindOf(AbsenceKind.NoShow).Should().Be(RefusalKind.NoShow);
        AbsenceReportDecisions.RefusalKindOf(AbsenceKind.DroppedOut).Should().Be(RefusalKind.DroppedOut);
        AbsenceReportDecisions.RefusalKindOf(AbsenceKind.ReportedSick).Should().BeNull();
    }

    [Fact]
    public void A_closed_report_is_closed_before_anything_else_is_checked()
    {
        var report = AbsenceReport.Start(new AbsenceReported(T.PersonId, Guid.NewGuid(), T.PlacementId, T.OfferId, "bad-iburg", "tafel", T.Today,
            AbsenceKind.ReportedSick, "krank", "u"));
        var dismissed = report.When(AbsenceReportDecisions.Dismiss(report, new DismissAbsenceReport(report.Id, "Attest", "cw")).Events.Single().Event);
        dismissed.Status.Should().Be(AbsenceReportStatus.Dismissed);
        AbsenceReportDecisions.Dismiss(dismissed, new DismissAbsenceReport(report.Id, "nochmal", "cw")).Rejection!.Code.Should().Be("report-closed");
    }
}
