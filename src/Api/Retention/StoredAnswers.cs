namespace AGH.Api.Retention;

/// <summary>
/// Answers Wolverine keeps for repeated Idempotency-Keys can quote a person (a placement's statements, a person's
/// name): erasure forgets every stored answer that names the person's id, as it masks their events.
/// </summary>
public static class StoredAnswers
{
    public static async Task Forget(IDocumentStore store, Guid personId, CancellationToken ct)
    {
        await using var session = store.LightweightSession();
        var schemas = await session.AdvancedSql.QueryAsync<string>(
            "select table_schema from information_schema.tables where table_name = 'wolverine_deduplicated_responses'", ct);
        foreach (var schema in schemas)
            session.QueueSqlCommand($"delete from \"{schema}\".wolverine_deduplicated_responses t where t::text like ?", "%" + personId + "%");
        await session.SaveChangesAsync(ct);
    }
}
