using AGH.Api.Placements;

namespace AGH.Api.Timesheets;

/// <summary>
/// A week's hours of an offer saved in one request (contract v3d): each entry is logged as its own
/// <c>POST /api/placements/{id}/hours</c> would log it (the same loader with its lock, the same decision, its own
/// transaction), so one refused entry stores nothing for that entry only.
/// </summary>
[ProviderOrCaseworker]
public static class LogWeekHoursEndpoint
{
    /// <summary>The most entries one request may carry (a week of 70 participants).</summary>
    public const int MaxEntries = 500;

    public sealed record Entry([property: Required] Guid? PlacementId, [property: Required] DateOnly? Date, [property: Required] int? Minutes);

    public sealed record Request([property: Required, System.ComponentModel.Description("1 to 500 entries.")] IReadOnlyList<Entry?>? Entries);

    public sealed record EntryResult(Guid PlacementId, DateOnly Date,
        [property: System.ComponentModel.Description("201 stored; 404 placement not visible to the caller; 409 or 422 refused as the hours route refuses it, nothing stored.")]
        int Status,
        [property: System.ComponentModel.Description("The problem code of a refusal: not-in-offer, outside-week, not-found, or the hours route's (daily-limit, weekly-limit, outside-placement, outside-offer, month-confirmed...).")]
        string? Code,
        string? Detail,
        Guid? EntryId);

    public sealed record Answer(Guid OfferId, string Week, IReadOnlyList<EntryResult> Results);

    public static ProblemDetails Validate(Request? body, string week)
    {
        var v = new Checks();
        IsoWeek.Parse(week, v);
        if (body is null) v.Add("$", "A JSON object is required.");
        else if (body.Entries is null) v.Add("entries", "is required.");
        else if (body.Entries.Count is 0 or > MaxEntries) v.Add("entries", $"must hold 1 to {MaxEntries} entries.");
        else
            for (var i = 0; i < body.Entries.Count; i++)
            {
                if (body.Entries[i] is not { } e) { v.Add($"entries[{i}]", "is required."); continue; }
                v.Id(e.PlacementId, $"entries[{i}].placementId");
                v.Date(e.Date, $"entries[{i}].date");
                if (e.Minutes is not > 0 || e.Minutes % 15 != 0) v.Add($"entries[{i}].minutes", "must be a positive multiple of 15.");
            }
        return v.Details();
    }

    /// <summary>Log a week's hours of an offer in one request; each entry is checked and stored as its own hours command</summary>
    /// <remarks>Caseworkers (persons of their municipality) and providers (their own offers; another's or unknown offer: 404).
    /// Body errors (an entry without placementId or date, minutes not a positive multiple of 15, no or more than 500 entries) are 400 and store nothing.
    /// Otherwise 200 with one result per entry, in order: 201 with entryId when stored; 422 not-in-offer when the placement is not one of this offer;
    /// 422 outside-week when the date lies outside the week; 404 not-found when the placement's person is not visible to the caller; otherwise
    /// the status and code POST /api/placements/{id}/hours answers (422 daily-limit across placements, 422 weekly-limit, 422 outside-placement,
    /// 422 outside-offer, 409 month-confirmed for providers...). Each entry is its own transaction: a refused entry stores nothing, the others are stored.
    /// Entries are logged as new entries (two for the same day add up); correct an entry with POST /api/placements/{id}/hours/{entryId}/correction.</remarks>
    [WolverinePost("/api/offers/{id}/weeks/{week}/hours", OperationId = "logOfferWeekHours"), Tags("Timesheets")]
    [ProducesResponseType<Answer>(200), AnswersProblems(400, 403, 404)]
    public static async Task<IResult> Post(Guid id, string week, Request body, HttpContext http, IDocumentStore store, IQuerySession query,
        Policy policy, Clock clock)
    {
        var ct = http.RequestAborted;
        var actor = Access.Actor(http);
        if (await OfferSheet.Offer(query, actor, id, ct) is not { } found) return Problems.NotFound("offer").Answer();
        var w = IsoWeek.Parse(week, new Checks())!.Value;
        var inOffer = found.Index.Select(i => i.Id).ToHashSet();
        var results = new List<EntryResult>(body.Entries!.Count);
        foreach (var e in body.Entries!)
        {
            var (placementId, date) = (e!.PlacementId!.Value, e.Date!.Value);
            if (!inOffer.Contains(placementId))
                results.Add(new(placementId, date, 422, "not-in-offer", "The placement is not one of this offer.", null));
            else if (date < w.Monday || date > w.Sunday)
                results.Add(new(placementId, date, 422, "outside-week", $"{date:yyyy-MM-dd} lies outside {w}.", null));
            else
                results.Add(await Log(store, actor, http, policy, clock, new LogHours(placementId, Guid.CreateVersion7(), date, e.Minutes!.Value), ct));
        }
        return Results.Ok(new Answer(id, w.ToString(), results));
    }

    // One entry as the hours route runs it: the same loader (person locked in its own transaction), decision and append.
    private static async Task<EntryResult> Log(IDocumentStore store, Actor actor, HttpContext http, Policy policy, Clock clock, LogHours command,
        CancellationToken ct)
    {
        await using var session = store.LightweightSession();
        CommandActor.Set(session, actor);
        if (await HoursStream.Load(session, command, http, ct) is not { } stream)
            return new(command.PlacementId, command.Date, 404, "not-found", "No placement with this id is visible to you.", null);
        var decision = LogHoursEndpoint.Decide(command, stream, policy, clock, http);
        if (decision.Rejection is { } r)
        {
            var problem = Problems.Details(r);
            return new(command.PlacementId, command.Date, problem.Status!.Value, r.Code, r.Detail, null);
        }
        StreamSteps.Append(session, decision, stream);
        await session.SaveChangesAsync(ct);
        return new(command.PlacementId, command.Date, 201, null, null, command.EntryId);
    }
}
