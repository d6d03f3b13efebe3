namespace AGH.Api.Infrastructure;

/// <summary>
/// Rebuilds every view from the events: `dotnet run --project src/Api -- projections rebuild`. Views are derived data;
/// after a bug fix in a projection this is how they are made right again.
/// </summary>
public static class ProjectionRebuild
{
    public static readonly Type[] All =
    [
        typeof(OfferProjection), typeof(PersonProjection), typeof(PlacementIndexProjection), typeof(ProposalIndexProjection),
        typeof(PayoutRunProjection), typeof(QuotaOfferProjection), typeof(QuotaPersonProjection), typeof(NoticeIndexProjection),
        typeof(ReportOfferProjection), typeof(ReportPersonProjection),
        typeof(ExpenseProjection), typeof(RecoveryProjection), typeof(AbsenceReportProjection), typeof(AccidentProjection),
    ];

    public static bool IsCommand(string[] args) => args is ["projections", "rebuild", ..];

    public static async Task RunAll(IDocumentStore store, ILogger log, CancellationToken ct)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var cpu = Environment.CpuUsage.TotalTime;
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        using var daemon = await store.BuildProjectionDaemonAsync();
        // The high water mark once, before the parallel rebuilds: each rebuild asks for it, and fourteen first asks at
        // once would each scan the whole event table for sequence gaps.
        await daemon.PrepareForRebuildsAsync();
        // In parallel: each rebuild reads the event table on its own, so while one waits for PostgreSQL another folds.
        // The hour rows are rebuilt set-based by PostgreSQL (HourRowsRebuild), the documents by Marten's daemon.
        await Task.WhenAll(All.Select(async projection =>
        {
            var started = DateTimeOffset.UtcNow;
            await daemon.RebuildProjectionAsync(projection, TimeSpan.FromMinutes(30), ct);
            log.LogInformation("Rebuilt {Projection} in {Seconds:0.0} s", projection.Name, (DateTimeOffset.UtcNow - started).TotalSeconds);
        }).Append(Task.Run(async () =>
        {
            var started = DateTimeOffset.UtcNow;
            await HourRowsRebuild.Run(store, ct);
            log.LogInformation("Rebuilt {Projection} in {Seconds:0.0} s", nameof(HourRowsProjection), (DateTimeOffset.UtcNow - started).TotalSeconds);
        }, ct)));
        log.LogInformation("Rebuilt all views in {Seconds:0.0} s, CPU {Cpu:0.0} s",
            clock.Elapsed.TotalSeconds, (Environment.CpuUsage.TotalTime - cpu).TotalSeconds);
    }
}
