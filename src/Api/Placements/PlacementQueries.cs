using AGH.Api.Persons;

namespace AGH.Api.Placements;

/// <summary>What the two placement queries answer, behind their role check (ListPlacements, GetPlacement).</summary>
public static class PlacementQueries
{
    public static async Task<IResult> List(HttpContext http, IQuerySession session, Clock clock, Policy policy, Guid? personId, Guid? offerId, string? status,
        string? page, string? pageSize)
    {
        var actor = Access.Actor(http);
        PlacementStatus? wanted = status switch
        {
            null => null,
            "upcoming" => PlacementStatus.Upcoming,
            "active" => PlacementStatus.Active,
            "ended" => PlacementStatus.Ended,
            _ => null,
        };
        var checks = new Checks();
        if (status is not null && wanted is null) checks.Add("status", "must be upcoming, active or ended.");
        var paging = Paging.Read(page, pageSize, checks);
        if (checks.Failed) return checks.Details().Answer();

        var query = session.Query<PlacementIndex>().AsQueryable();
        if (personId is { } pid) query = query.Where(p => p.PersonId == pid);
        if (offerId is { } oid) query = query.Where(p => p.OfferId == oid);
        var today = clock.Today;
        // A placement whose until has passed reads ended (contract v3b) though no event ended it.
        // Not yet begun reads upcoming (contract v3d), begun reads active.
        if (wanted == PlacementStatus.Upcoming) query = query.Where(p => p.Active && (p.Until == null || p.Until >= today) && p.StartsOn > today);
        if (wanted == PlacementStatus.Active) query = query.Where(p => p.Active && (p.Until == null || p.Until >= today) && p.StartsOn <= today);
        if (wanted == PlacementStatus.Ended) query = query.Where(p => !p.Active || (p.Until != null && p.Until < today));
        var provider = ProviderScope.IsProvider(actor);
        if (provider)
        {
            // A provider sees the placements on its own offers, whatever their municipality (contract v3c).
            var offers = (await ProviderScope.OwnOfferIds(session, actor, http.RequestAborted)).ToArray();
            query = query.Where(p => offers.Contains(p.OfferId));
        }
        else if (actor.Role != Roles.Auditor && actor.Municipality is { } own) query = query.Where(p => p.Municipality == own);
        var index = await paging.Fetch(http, query, x => x.OrderBy(p => p.StartsOn).ThenBy(p => p.Id));
        var persons = await session.LoadManyAsync<Person>(http.RequestAborted, index.Select(i => i.PersonId).Distinct());
        var byId = persons.ToDictionary(p => p.Id);
        var found = index.Where(i => byId.ContainsKey(i.PersonId) && byId[i.PersonId].Placements.ContainsKey(i.Id))
            .Select(i => (Person: byId[i.PersonId], Placement: byId[i.PersonId].Placements[i.Id])).ToList();
        if (provider) return Results.Ok(found.Select(f => ProviderPlacementDto.From(f.Person, f.Placement, clock.Today)).ToList());
        var hours = await PlacementHours.Of(session, found.Select(f => f.Placement).ToList(), http.RequestAborted);
        var result = found
            .Select(f => PlacementDto.From(f.Person, f.Placement, hours.GetValueOrDefault(f.Placement.PlacementId, PlacementHours.Empty), clock.Today, policy))
            .ToList();
        return PlacementHours.Answer(http, result, hours.Values);
    }

    /// <summary>
    /// The person's placements as recorded up to an instant (the auditor's "Stand vom"): the person's stream, which holds
    /// the placements, refusals, proposals and hour events, replayed up to it; statuses as of that day in Berlin.
    /// </summary>
    public static async Task<IResult> AsRecorded(HttpContext http, IQuerySession session, Policy policy, Guid? personId, Guid? offerId, string? status,
        string asOf)
    {
        var actor = Access.Actor(http);
        var checks = new Checks();
        if (!PersonHistory.TryParseInstant(asOf, out var at) || at is null) checks.Add("asOf", "must be an ISO 8601 instant with offset.");
        if (personId is null) checks.Add("personId", "is required with asOf.");
        if (status is not null and not "active" and not "ended") checks.Add("status", "must be active or ended.");
        if (checks.Failed) return checks.Details().Answer();
        // A provider reads only its own offers' placements as they are now (contract v3c), never a person's case.
        if (ProviderScope.IsProvider(actor)) return Problems.Forbidden("A provider reads no person's placements as of an instant.").Answer();

        var until = at!.Value;
        var events = (await session.Events.FetchStreamAsync(personId!.Value, token: http.RequestAborted))
            .Where(e => EventHeaders.RecordedAtOf(e) <= until).Select(e => e.Data).ToList();
        var person = events.Count == 0 ? null : Person.Fold(events);
        if (!PersonAccess.Visible(actor, person)) return Problems.NotFound("person").Answer();
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(until, Clock.Berlin).DateTime);
        var hours = HourLog.From(events);
        var result = person!.Placements.Values
            .Where(p => offerId is null || p.OfferId == offerId)
            .Where(p => status is null || (status == "ended") == p.EndedBy(day))
            .OrderBy(p => p.StartsOn).ThenBy(p => p.PlacementId)
            .Select(p => PlacementDto.From(person, p, hours, day, policy))
            .ToList();
        return Results.Ok(result);
    }

    public static Task<IResult> Get(Guid id, HttpContext http, IQuerySession session, Clock clock, Policy policy) =>
        VisibleRead.Answer(Visible, "placement", id, http, session, async found =>
        {
            Preconditions.SetETag(http, found.Person.Revision);
            if (ProviderScope.IsProvider(Access.Actor(http))) return Results.Ok(ProviderPlacementDto.From(found.Person, found.Placement, clock.Today));
            var hours = await PlacementHours.Newest(session, found.Placement, http.RequestAborted);
            PlacementHours.AnnounceAll(http, id, hours);
            return PlacementHours.Answer(http, PlacementDto.From(found.Person, found.Placement, hours, clock.Today, policy), [hours]);
        });

    /// <summary>
    /// One page of all the placement's hour entries in recorded order (GET /api/placements/{id}/hours): `limit` (1 to
    /// 1000, 100 unless given) after the entry `after` names. A page with more to follow names the next in Link
    /// (rel="next"), as a person's history does.
    /// </summary>
    private const string AfterMessage = "must be the entryId of one of the placement's entries (the last one read).";

    public static async Task<IResult> Hours(Guid id, HttpContext http, IQuerySession session, string? limit, string? after,
        string? from = null, string? to = null)
    {
        var checks = new Checks();
        var size = PlacementHours.NewestLimit;
        if (limit is not null && (!int.TryParse(limit, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out size)
                || size < 1 || size > PlacementHours.MaxPageLimit))
            checks.Add("limit", $"must be a whole number from 1 to {PlacementHours.MaxPageLimit}.");
        Guid? afterEntry = null;
        if (after is not null)
        {
            if (Guid.TryParse(after, out var entry)) afterEntry = entry;
            else checks.Add("after", AfterMessage);
        }
        var fromDay = Day(checks, from, "from");
        var toDay = Day(checks, to, "to");
        if (fromDay is { } f && toDay is { } t && t < f) checks.Add("to", "must not be before from.");
        if (checks.Failed) return checks.Details().Answer();
        return await VisibleRead.Answer(Visible, "placement", id, http, session, async found =>
        {
            long version = 0;
            if (afterEntry is { } entryId)
            {
                // Checked only once the placement is known visible: an unknown entry tells nothing about another's placement.
                if (await PlacementHours.VersionOf(session, id, entryId, http.RequestAborted) is not { } v)
                    return new Checks().Add("after", AfterMessage).Details().Answer();
                version = v;
            }
            Preconditions.SetETag(http, found.Person.Revision);
            var (page, more) = await PlacementHours.Page(session, id, size, version, fromDay, toDay, http.RequestAborted);
            if (more)
                http.Response.Headers.Link = $"<{http.Request.PathBase}/api/placements/{id}/hours?limit={size}&after={page.LastEntryId}" +
                    (from is null ? "" : $"&from={from}") + (to is null ? "" : $"&to={to}") + ">; rel=\"next\"";
            return PlacementHours.Answer(http, new PlacementHoursPageDto(id, page.Total, page), [page]);
        });
    }

    /// <summary>A day given as YYYY-MM-DD, or null when not given; anything else is a check naming the parameter.</summary>
    private static DateOnly? Day(Checks checks, string? text, string name)
    {
        if (text is null) return null;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var day))
            return day;
        checks.Add(name, "must be a date as YYYY-MM-DD.");
        return null;
    }

    /// <summary>The placement and its person, or null where it does not exist or belongs to a municipality the caller does not see.</summary>
    public static async Task<(Person Person, Placement Placement)?> Visible(IQuerySession session, Actor actor, Guid id, CancellationToken ct)
    {
        if (await CommandStreams.VisiblePlacement(session, id, actor, ct) is not { } index) return null;
        var person = await VersionedPerson.LoadCurrent(session, index.PersonId, ct);
        return person is not null && person.Placements.TryGetValue(id, out var placement) ? (person, placement) : null;
    }
}
