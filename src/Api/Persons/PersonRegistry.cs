using Npgsql;

namespace AGH.Api.Persons;

/// <summary>
/// The registered persons a registration or correction is compared with (<see cref="PersonDuplicates"/>), read under the
/// district's registry lock: two clerks registering the same person at once are answered one after the other, so the
/// second sees the first.
/// </summary>
public sealed record PersonRegistry(IReadOnlyList<RegisteredPerson> Others)
{
    // A transaction-scoped advisory lock held until commit. Only registrations and corrections take it, always before
    // any person row, so it never waits in a cycle with the stream locks.
    private const long LockKey = 0x4147_485F_5245_4749; // "AGH_REGI"

    public static async Task<PersonRegistry> Load(IDocumentSession session, Actor actor, string familyName, string givenName, string? fileReference,
        CancellationToken ct)
    {
        await Lock(session, ct);
        var name = $"{PersonSearch.Fold(familyName)} {PersonSearch.Fold(givenName)}";
        // Both narrowed through the search key and its trigram index; PersonDuplicates then compares exactly.
        var reference = PersonSearch.Fold(fileReference ?? "");
        var found = await session.Query<Person>()
            .Where(p => p.SearchKey.StartsWith(name) || (reference != "" && p.SearchKey.Contains(reference)))
            .ToListAsync(ct);
        return new PersonRegistry(found
            .Where(p => p.DuplicateOf is null && p.ErasedOn is null)
            .Select(p => new RegisteredPerson(p.Id, p.FamilyName, p.GivenName, p.DateOfBirth, p.FileReference, actor.MaySee(p.Municipality)))
            .ToList());
    }

    public static async Task Lock(IDocumentSession session, CancellationToken ct)
    {
        await session.BeginTransactionAsync(ct);
        await using var command = new NpgsqlCommand("select pg_advisory_xact_lock(@key)");
        command.Parameters.Add(new NpgsqlParameter("key", LockKey));
        await using var reader = await session.ExecuteReaderAsync(command, ct);
        while (await reader.ReadAsync(ct)) { }
    }
}

/// <summary>A person's stream, locked after the registry, and the registry as the corrected names and file reference read it.</summary>
public sealed record PersonCorrectionStream(IEventStream<Person> Stream, PersonRegistry Registry)
{
    public Person Person => Stream.Aggregate!;

    public static async Task<PersonCorrectionStream?> Load(IDocumentSession session, CorrectPerson c, HttpContext http, CancellationToken ct)
    {
        await PersonRegistry.Lock(session, ct);
        if (await Infrastructure.CommandStreams.Person(session, c.PersonId, http, ct) is not { } stream) return null;
        var person = stream.Aggregate!;
        var registry = await PersonRegistry.Load(session, Access.Actor(http), c.FamilyName ?? person.FamilyName, c.GivenName ?? person.GivenName,
            c.FileReference, ct);
        return new PersonCorrectionStream(stream, registry);
    }
}

/// <summary>The record closed as a duplicate, locked, and the record kept (read; null when unknown or not visible).</summary>
public sealed record DuplicatePair(IEventStream<Person> Stream, Person? Kept)
{
    public Person Person => Stream.Aggregate!;

    public static async Task<DuplicatePair?> Load(IDocumentSession session, MarkDuplicate c, HttpContext http, CancellationToken ct)
    {
        if (await Infrastructure.CommandStreams.Person(session, c.PersonId, http, ct) is not { } stream) return null;
        var kept = c.DuplicateOf == Guid.Empty ? null : await session.LoadAsync<Person>(c.DuplicateOf, ct);
        return new DuplicatePair(stream, PersonAccess.Visible(Access.Actor(http), kept) ? kept : null);
    }
}
