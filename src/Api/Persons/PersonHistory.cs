using System.Globalization;
using System.Text.Json;
using AGH.Api.Infrastructure;
using AGH.Domain.Common;
using AGH.Domain.Payouts;
using AGH.Domain.Persons;
using JasperFx.Events;
using Marten;

namespace AGH.Api.Persons;

public sealed record HistoryEntryDto(
    long Sequence,
    Guid StreamId,
    long Version,
    string Type,
    DateOnly OccurredOn,
    DateTimeOffset RecordedAt,
    Actor? Actor,
    string LegalBasis,
    string Summary,
    object Data);

public sealed record HistoryDto(Guid PersonId, DateTimeOffset AsOf, IReadOnlyList<HistoryEntryDto> Entries);

public sealed record AccessLogEntryDto(DateTimeOffset ReadAt, Actor? Actor, DateTimeOffset? AsOf, string Purpose);

/// <summary>
/// The auditor's replay of one person's complete record (Rechnungsprüfung): every event about the person, as it was
/// recorded up to an instant. Each read is itself recorded (Art. 5 Abs. 2 DSGVO).
/// </summary>
public static class PersonHistoryEndpoint
{
    public static readonly string[] Readers = [Roles.Auditor, Roles.Caseworker];

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/persons/{id:guid}/history", History)
            .WithName("getPersonHistory")
            .WithTags("Views")
            .WithSummary("A person's complete history across all their streams, as recorded up to asOf")
            .Produces<HistoryDto>()
            .ProducesValidationProblem()
            .ProducesProblem(403).ProducesProblem(404);
        api.MapGet("/persons/{id:guid}/access-log", AccessLog)
            .WithName("getPersonAccessLog")
            .WithTags("Views")
            .WithSummary("Who read the person's history, and when (auditor)")
            .Produces<IReadOnlyList<AccessLogEntryDto>>()
            .ProducesProblem(403).ProducesProblem(404);
    }

    public static async Task<IResult> History(Guid id, HttpContext http, IDocumentSession session, Clock clock, string? asOf)
    {
        var (actor, denied) = Access.Require(http, Readers);
        if (denied is not null) return denied.Answer();
        if (!TryParseInstant(asOf, out var at)) return new Checks().Add("asOf", "must be an ISO 8601 instant with offset.").Details().Answer();
        // Only the municipality is needed to decide visibility; a long case's document is large.
        var municipality = await MunicipalityOf(session, id, http.RequestAborted);
        if (municipality is null || !actor!.MaySee(municipality)) return Problems.NotFound("person").Answer();

        var until = at ?? clock.Now;
        var entries = (await EntriesAbout(session, id, http.RequestAborted)).Where(e => e.RecordedAt <= until).ToList();

        await RecordRead(session, id, actor!, at, "history", clock.Now, http.RequestAborted);
        return Results.Ok(new HistoryDto(id, until, entries));
    }

    public static async Task<IResult> AccessLog(Guid id, HttpContext http, IQuerySession session)
    {
        if (Access.Require(http, Roles.Auditor) is { Problem: { } p }) return p.Answer();
        if (await MunicipalityOf(session, id, http.RequestAborted) is null) return Problems.NotFound("person").Answer();
        return Results.Ok(await AccessEntries(session, id, http.RequestAborted));
    }

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

    /// <summary>
    /// The person's own stream, plus their lines of every payout run that paid them and its review, release or rejection, taken from the payout
    /// ledger (other people's lines never shown), in the order they were recorded.
    /// </summary>
    public static async Task<IReadOnlyList<HistoryEntryDto>> EntriesAbout(IQuerySession session, Guid personId, CancellationToken ct)
    {
        var entries = (await session.Events.FetchStreamAsync(personId, token: ct)).Select(Entry).ToList();
        var runs = await session.Query<PayoutRun>().Where(r => r.Lines.Any(l => l.PersonId == personId)).ToListAsync(ct);
        if (runs.Count == 0) return entries;

        // The ledger's events carry every run's lines; read only their position, type and headers, never other people's lines.
        var stamps = (await session.AdvancedSql.QueryAsync<string>(
                $"select json_build_object('sequence', seq_id, 'version', version, 'runId', data ->> 'runId', 'type', type, "
                + $"'headers', headers)::text from {MartenSetup.Schema}.mt_events where stream_id = ?", ct, PayoutRun.LedgerId))
            .Select(json => JsonSerializer.Deserialize<LedgerStamp>(json, Json.Options)!).ToList();
        foreach (var run in runs)
        {
            var month = Month.TryParse(run.Month, out var m) ? m.Last : default;
            foreach (var stamp in stamps.Where(s => s.RunId == run.Id))
            {
                if (stamp.Type == "payout_run_prepared")
                {
                    entries.AddRange(run.LinesOf(personId).Select(line => new HistoryEntryDto(stamp.Sequence, PayoutRun.LedgerId, stamp.Version,
                        nameof(AllowanceComputed), month, stamp.RecordedAt, stamp.Actor, LegalBasis.Payout, HistorySummary.Of(line), line)));
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
                    stamp.Actor, EventLegalBasis.Of(e), HistorySummary.Of(e), e));
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
        return new HistoryEntryDto(e.Sequence, e.StreamId, e.Version, e.Data.GetType().Name,
            HistorySummary.OccurredOn(e.Data) ?? DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(recordedAt, Clock.Berlin).DateTime),
            recordedAt, EventHeaders.ActorOf(e), legalBasis, HistorySummary.Of(e.Data), e.Data);
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
