using AGH.Api.Persons;

namespace AGH.Api.Retention;

/// <summary>Configuration "Retention": how long each record class is kept, and when the erasure job runs.</summary>
public sealed class RetentionSettings
{
    /// <summary>Years after the case closed (last placement or entitlement ended) that a person's data is kept.</summary>
    public int PersonYears { get; set; } = 6;

    public bool ScheduleEnabled { get; set; } = true;

    /// <summary>Daily at 03:00 Europe/Berlin.</summary>
    public string Cron { get; set; } = "0 3 * * *";
}

/// <summary>
/// Masks a person's personal data in every event of their stream (Marten's event data masking rewrites the stored
/// events) once the retention period has run out, records the erasure as an event, and refolds the person's view from
/// the masked events. Amounts, minutes and dates stay, so payout totals remain correct.
/// </summary>
public sealed class Erasure(IDocumentStore store, Clock clock, RetentionSettings settings, ILogger<Erasure> log)
{
    public static readonly Actor System = new("system:retention", "Löschfristen", Roles.Auditor, null);

    /// <summary>The masking rules: one per event type whose catalog entry masks personal data.</summary>
    public static void AddMaskingRules(Marten.Events.IEventStoreOptions events)
    {
        var rules = new MaskingRules(events);
        foreach (var entry in EventCatalog.All) entry.Accept(rules);
    }

    private sealed class MaskingRules(Marten.Events.IEventStoreOptions events) : IEventEntryVisitor
    {
        public void Visit<T>(EventEntry<T> entry) where T : class, IDomainEvent
        {
            if (entry.Mask is { } mask) events.AddMaskingRuleForProtectedInformation(mask);
        }
    }

    /// <summary>Erases every person whose retention period has run out and who is not on legal hold; returns how many.</summary>
    public async Task<int> EraseExpired(CancellationToken ct)
    {
        var today = clock.Today;
        await using var query = store.QuerySession();
        var candidates = (await query.Query<Person>().Where(p => p.ErasedOn == null && !p.LegalHold).ToListAsync(ct))
            .Where(p => PersonDecisions.Erase(p, settings.PersonYears, today).Rejection is null)
            .Select(p => p.Id).ToList();
        var erased = 0;
        foreach (var id in candidates)
            if (await Erase(id, ct)) erased++;
        if (erased > 0) log.LogInformation("Retention: erased the personal data of {Count} persons", erased);
        return erased;
    }

    public async Task<bool> Erase(Guid personId, CancellationToken ct)
    {
        await using (var session = store.LightweightSession())
        {
            var (person, version) = await VersionedPerson.Load(session, personId, ct);
            if (person is null) return false;
            var decision = PersonDecisions.Erase(person, settings.PersonYears, clock.Today);
            if (decision.IsRejected) return false;
            CommandActor.Set(session, System);
            session.Events.Append(personId, version + decision.Events.Count, decision.Events.Select(e => e.Event).ToArray());
            await session.SaveChangesAsync(ct);
        }
        await store.Advanced.ApplyEventDataMasking(m => m.IncludeStream(personId), ct);
        await StoredAnswers.Forget(store, personId, ct);

        // The views were folded from the unmasked events: fold them again from what is stored now (the hour rows hold
        // the reasons given for corrections).
        await using (var session = store.LightweightSession())
        {
            var events = await session.Events.FetchStreamAsync(personId, token: ct);
            session.Store(Person.Fold(events.Select(e => e.Data))!);
            HourRows.DeletePerson(session, Infrastructure.MartenSetup.Schema, personId);
            HourRows.Queue(session, Infrastructure.MartenSetup.Schema, events);
            await session.SaveChangesAsync(ct);
        }
        return true;
    }
}

/// <summary>The daily erasure run as a Wolverine recurring message; `dotnet run --project src/Api -- retention erase` runs it once.</summary>
public sealed record EraseExpiredPersons(DateTimeOffset At)
{
    public const string Name = "daily-erasure";

    public static bool IsCommand(string[] args) => args is ["retention", "erase", ..];

    public static void Register(Wolverine.WolverineOptions opts, RetentionSettings settings)
    {
        if (settings.ScheduleEnabled)
            opts.Schedules.ScheduleRecurring(Name, new Wolverine.CronSchedule(settings.Cron, Clock.Berlin), at => new EraseExpiredPersons(at));
    }
}

public static class EraseExpiredPersonsHandler
{
    public static Task<int> Handle(EraseExpiredPersons message, Erasure erasure, CancellationToken ct) => erasure.EraseExpired(ct);
}
