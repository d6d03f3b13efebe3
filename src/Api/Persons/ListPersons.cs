namespace AGH.Api.Persons;

/// <summary>The persons of the caller's municipality (auditors: all), found by name or file reference, exact hits first.</summary>
[CaseReader]
public static class ListPersonsEndpoint
{
    /// <summary>List the persons the caller may see, optionally by municipality or found by name or file reference (q); paged, total in X-Total-Count</summary>
    [WolverineGet("/api/persons", OperationId = "listPersons"), Tags("Persons")]
    [ProducesResponseType<IReadOnlyList<PersonDto>>(200), AnswersProblems(403)]
    [QueryParameter("municipality", "Nur Personen dieser Kommune (ihre id, siehe GET /api/municipalities).")]
    [QueryParameter("q", "Suche nach Name oder Aktenzeichen: jedes Wort muss vorkommen; genaue Treffer zuerst, wenn weder sort noch status angegeben ist.")]
    [QueryParameter("status", "Nur Personen mit diesem status (wie er heute gilt, also wie im Feld status der Antwort).",
        "available", "placed", "exempt", "not-entitled", "duplicate")]
    [QueryParameter("sort", "Die Reihenfolge: name (Familienname, Vorname), fileReference (Aktenzeichen; ohne Aktenzeichen zuletzt) oder dateOfBirth; "
        + "ein vorangestelltes - kehrt sie um. Ohne sort: nach Name (bei einer Suche ohne status die genauen Treffer zuerst).",
        "name", "fileReference", "dateOfBirth", "-name", "-fileReference", "-dateOfBirth")]
    public static async Task<IResult> Get(HttpContext http, IQuerySession session, Clock clock, Policy policy, string? municipality, string? q,
        string? status, string? sort, string? page, string? pageSize)
    {
        var actor = Access.Actor(http);
        var checks = new Checks();
        if (municipality is not null && !AGH.Api.Municipalities.MunicipalityCatalog.Exists(municipality))
            checks.Add("municipality", "is not one of the 21 member municipalities.");
        if (q is not null) checks.Text(q, "q", PersonSearch.MaxQueryLength, required: false);
        var wantedStatus = ListOrder.Choice(http, checks, "status", PersonListing.Statuses);
        var order = ListOrder.Read(http, checks, PersonListing.SortKeys);
        var paging = Paging.Read(page, pageSize, checks);
        if (checks.Failed) return checks.Details().Answer();
        var today = clock.Today;
        var persons = await PersonListing.Page(http, PersonListing.Matches(session, actor, municipality, q), q, wantedStatus, order, today, paging);
        // One count for the whole page (a few queries, not one per row).
        var open = await Tasks.OpenTasks.CountsFor(session, persons, actor, policy, today, http.RequestAborted);
        return Results.Ok(persons.Select(p => PersonDto.From(p, today, policy) with { OpenTasks = open.GetValueOrDefault(p.Id) }));
    }
}
