namespace AGH.Api.Persons;

/// <summary>Art. 15 DSGVO: everything the service holds about a person, in one machine-readable document.</summary>
[HistoryReader]
public static class PersonExportEndpoint
{
    /// <summary>All data about the person as JSON (Auskunft nach Art. 15 DSGVO)</summary>
    /// <remarks>Besides the data: purposes, legalBases, recipients (categories, and each cash-office export that named the person),
    /// retention per record class, rights (incl. the complaint to the Landesbeauftragte für den Datenschutz Niedersachsen) and sources.</remarks>
    [WolverineGet("/api/persons/{id}/export", OperationId = "exportPersonData"), Tags("Data protection")]
    [ProducesResponseType<PersonExportDto>(200), AnswersProblems(403, 404)]
    public static async Task<IResult> Export(Guid id, HttpContext http, IDocumentSession session, Clock clock, Policy policy,
        Retention.RetentionSettings retention)
    {
        var actor = Access.Actor(http);
        var person = await session.LoadAsync<Person>(id, http.RequestAborted);
        if (!PersonAccess.Visible(actor, person)) return Problems.NotFound("person").Answer();

        // Recorded first, so the export lists itself among the accesses it reports.
        await PersonHistory.RecordRead(session, id, actor, null, "export", clock.Now, http.RequestAborted);
        var history = await PersonHistory.EntriesAbout(session, id, http.RequestAborted);
        return Results.Ok(await PersonExportDto.Build(session, person!, actor, history, clock, policy, retention, http.RequestAborted));
    }
}
