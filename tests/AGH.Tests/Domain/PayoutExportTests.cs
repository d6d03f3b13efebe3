using AGH.Domain.Common;
using AGH.Domain.Payouts;

namespace AGH.Tests.Domain;

/// <summary>Contract v3b "Money" / v3 exact rules "Exports": the decision on payroll's export of a run.</summary>
public class PayoutExportTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 3, 10, 0, 0, TimeSpan.Zero);
    private static readonly PayoutFile File = new("ab12", 3, 4711);

    private static PayoutRun Run(PayoutRunStatus status = PayoutRunStatus.Released) =>
        new(Guid.NewGuid(), "2026-10", "p.meyer", [], 4711, status, status == PayoutRunStatus.Released ? "k.schmidt" : null);

    private static PayoutRun Exported(PayoutRun run, string by) =>
        PayoutRun.Evolve(run, PayoutDecisions.Export(run, by, run.Exports.Count > 0, File, At).ShouldAcceptSingle<PayoutRunExported>(PayoutRun.LedgerId))!;

    [Fact]
    public void The_first_export_is_sequence_1_and_records_the_file()
    {
        var run = Run();
        var e = PayoutDecisions.Export(run, "k.schmidt", false, File, At).ShouldAcceptSingle<PayoutRunExported>(PayoutRun.LedgerId);
        e.Should().Be(new PayoutRunExported(run.Id, "2026-10", 1, "k.schmidt", At, "ab12", 3, 4711));
        run.Exports.Should().BeEmpty("a run from before v3b has no exports");
        PayoutRun.Evolve(run, e)!.Exports.Should().Equal(new PayoutExport(1, "k.schmidt", At, "ab12", 3, 4711));
        run.FileName(1).Should().Be("aufwandsentschaedigung-2026-10.csv");
        run.FileName(2).Should().Be("aufwandsentschaedigung-2026-10-DUPLIKAT-2.csv");
    }

    [Fact]
    public void A_further_export_needs_duplicate_and_counts_on()
    {
        var once = Exported(Run(), "k.schmidt");
        PayoutDecisions.Export(once, "k.schmidt", false, File, At).ShouldReject("already-exported", RejectionKind.Conflict);
        var twice = Exported(once, "p.meyer");
        twice.Exports.Select(x => (x.Sequence, x.ExportedBy)).Should().Equal((1, "k.schmidt"), (2, "p.meyer"));
        PayoutDecisions.Export(twice, "k.schmidt", true, File, At).ShouldAcceptSingle<PayoutRunExported>(PayoutRun.LedgerId).Sequence.Should().Be(3);
        PayoutDecisions.Readable(twice).Should().BeNull();
    }

    [Fact]
    public void Not_released_comes_first_and_a_duplicate_of_nothing_is_not_exported()
    {
        foreach (var status in new[] { PayoutRunStatus.Prepared, PayoutRunStatus.Reviewed, PayoutRunStatus.Rejected })
        {
            PayoutDecisions.Export(Run(status), "k.schmidt", true, File, At).ShouldReject("run-not-released", RejectionKind.Conflict);
            PayoutDecisions.Readable(Run(status))!.Code.Should().Be("run-not-released");
        }
        PayoutDecisions.Export(Run(), "k.schmidt", true, File, At).ShouldReject("not-exported", RejectionKind.Conflict);
        PayoutDecisions.Readable(Run())!.Code.Should().Be("not-exported");
    }
}
