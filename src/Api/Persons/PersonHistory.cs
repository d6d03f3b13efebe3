using System.Globalization;
using System.Text.Json;

namespace AGH.Api.Persons;

/// <summary>
/// The reads of a person's record for the history, the access log and the export: every event about the person, with
/// their lines of the payout ledger, and every read of the record (itself recorded, Art. 5 Abs. 2 DSGVO).
/// </summary>
public static class PersonHistory
{
    public static async Task<string?> MunicipalityOf(IQuerySession session, Guid personId, CancellationToken ct) =>
        await session.Query<Person>().Where(p => p.Id == personId).Select(p => p.Municipality).FirstOrDefaultAsync(ct);

    public static async Task<IReadOnlyList<AccessLogEntryDto>> AccessEntries(IQuerySession session, Guid personId, CancellationToken ct) =>
        (await session.Events.FetchStreamAsync(PersonHistoryRead.StreamFor(personId), token: ct))
            .Where(e => e.Data is PersonHistoryRead)
            .Select(e => new AccessLogEntryDto(EventHeaders.RecordedAtOf(e), EventHeaders.ActorOf(e), ((PersonHistoryRead)e.Data).AsOf,
                ((PersonHistoryRead)e.Data).Purpose))
            .ToList();

    /// <summary>Every read of a person's record is itself recorded, apart from the case so it never changes its ETag.</summary>
    public static async Task RecordRead(IDocumentSession session, Guid personId, Actor actor, DateTimeOffset? asOf, string purpose,
        DateTimeOffset now, CancellationToken ct)
    {
        CommandActor.Set(session, actor);
        session.Events.Append(PersonHistoryRead.StreamFor(personId), new PersonHistoryRead(personId, asOf, purpose));
        await session.SaveChangesAsync(ct);
    }

    /// <summary>The entries recorded up to <paramref name="until"/>: all of them, or one page.</summary>
    public static async Task<IReadOnlyList<HistoryEntryDto>> Until(IQuerySession session, Guid personId, DateTimeOffset until, HistoryPage? page,
        CancellationToken ct) =>
        page is null
            ? (await EntriesAbout(session, personId, ct)).Where(e => e.RecordedAt <= until).ToList()
            : await EntriesAbout(session, personId, until, page, ct);

    /// <summary>
    /// The person's own stream, plus their lines of every payout run that paid them and its review, release or rejection, taken from the payout
    /// ledger (other people's lines never shown), in the order they were recorded.
    /// </summary>
    public static async Task<IReadOnlyList<HistoryEntryDto>> EntriesAbout(IQuerySession session, Guid personId, CancellationToken ct) =>
        await WithPayouts(session, personId, (await session.Events.FetchStreamAsync(personId, token: ct)).Select(Entry).ToList(), 0, ct);

    /// <summary>
    /// One page of <see cref="EntriesAbout(IQuerySession, Guid, CancellationToken)"/>: the entries recorded up to
    /// <paramref name="until"/> with a sequence after <see cref="HistoryPage.After"/>, at most <see cref="HistoryPage.Limit"/>.
    /// The person's stream is read by sequence in SQL, a page at a time, instead of whole.
    /// </summary>
    public static async Task<IReadOnlyList<HistoryEntryDto>> EntriesAbout(IQuerySession session, Guid personId, DateTimeOffset until,
        HistoryPage page, CancellationToken ct)
    {
        var own = new List<HistoryEntryDto>();
        var from = page.After;
        while (own.Count < page.Limit)
        {
            var batch = await session.Events.QueryAllRawEvents()
                .Where(e => e.StreamId == personId && e.Sequence > from)
                .OrderBy(e => e.Sequence).Take(page.Limit).ToListAsync(ct);
            // asOf is the time recorded in the header, which the clock sets: filtered here, so a page may need a second read.
            own.AddRange(batch.Select(Entry).Where(e => e.RecordedAt <= until).Take(page.Limit - own.Count));
            if (batch.Count < page.Limit) break;
            from = batch[^1].Sequence;
        }
        var all = await WithPayouts(session, personId, own, page.After, ct);
        return all.Where(e => e.RecordedAt <= until).Take(page.Limit).ToList();
    }

    /// <summary>The person's entries with their payout entries (sequence after <paramref name="after"/>) merged in, by sequence.</summary>
    private static async Task<IReadOnlyList<HistoryEntryDto>> WithPayouts(IQuerySession session, Guid personId, List<HistoryEntryDto> entries,
        long after, CancellationToken ct)
    {
        var runs = await session.Query<PayoutRun>().Where(r => r.Lines.Any(l => l.PersonId == personId)).ToListAsync(ct);
        if (runs.Count == 0) return entries;

        // The ledger's events carry every run's lines; read only their position, type and headers, never other people's lines.
        var stamps = (await session.AdvancedSql.QueryAsync<string>(
                $"select json_build_object('sequence', seq_id, 'version', version, 'runId', data ->> 'runId', 'type', type, "
                + $"'headers', headers)::text from {MartenSetup.Schema}.mt_events where stream_id = ? and seq_id > ?", ct, PayoutRun.LedgerId, after))
            .Select(json => JsonSerializer.Deserialize<LedgerStamp>(json, Json.Options)!).ToList();
        foreach (var run in runs)
        {
            var month = Month.TryParse(run.Month, out var m) ? m.Last : default;
            foreach (var stamp in stamps.Where(s => s.RunId == run.Id))
            {
                if (stamp.Type == "payout_run_prepared")
                {
                    entries.AddRange(run.LinesOf(personId).Select(line => new HistoryEntryDto(stamp.Sequence, PayoutRun.LedgerId, stamp.Version,
                        nameof(AllowanceComputed), month, stamp.RecordedAt, stamp.Actor, LegalBasis.Payout, HistorySummary.Of(line, stamp.Actor), line)));
                    continue;
                }
                // Rebuilt from the run; a rejection's reason is payroll's note on the whole run (it may name others), so it stays out.
                object? e = stamp.Type switch
                {
                    "payout_run_reviewed" when run.ReviewedBy is { } by => new PayoutRunReviewed(run.Id, run.Month, by),
                    "payout_run_released" when run.ReleasedBy is { } by => new PayoutRunReleased(run.Id, run.Month, by),
                    "payout_run_rejected" when run.RejectedBy is { } by => new PayoutRunRejected(run.Id, run.Month, by, ""),
                    _ => null,
                };
                if (e is null) continue;
                entries.Add(new HistoryEntryDto(stamp.Sequence, PayoutRun.LedgerId, stamp.Version, e.GetType().Name,
                    DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(stamp.RecordedAt, Clock.Berlin).DateTime), stamp.RecordedAt,
                    stamp.Actor, EventLegalBasis.Of(e), HistorySummary.Of(e, stamp.Actor), e));
            }
        }
        return entries.OrderBy(e => e.Sequence).ToList();
    }

    private sealed record LedgerStamp(long Sequence, long Version, Guid RunId, string Type, Dictionary<string, object>? Headers)
    {
        public DateTimeOffset RecordedAt => EventHeaders.RecordedAtOf(Headers) ?? default;

        public Actor? Actor => EventHeaders.ActorOf(Headers);
    }

    public static HistoryEntryDto Entry(IEvent e)
    {
        var recordedAt = EventHeaders.RecordedAtOf(e);
        var legalBasis = EventHeaders.LegalBasisOf(e);
        var actor = EventHeaders.ActorOf(e);
        return new HistoryEntryDto(e.Sequence, e.StreamId, e.Version, e.Data.GetType().Name,
            HistorySummary.OccurredOn(e.Data) ?? DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(recordedAt, Clock.Berlin).DateTime),
            recordedAt, actor, legalBasis, HistorySummary.Of(e.Data, actor), e.Data);
    }

    public static bool TryParseInstant(string? text, out DateTimeOffset? at)
    {
        at = null;
        if (text is null) return true;
        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var parsed)) return false;
        at = parsed;
        return true;
    }
}
