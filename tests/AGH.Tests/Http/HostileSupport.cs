using System.Net;
using Npgsql;

namespace AGH.Tests.Http;

/// <summary>A database of its own for the hostile, token and role-matrix tests: they count events across the whole store.</summary>
public sealed class HostileFactory : AghFactory
{
    /// <summary>The event store's highest sequence and row count: unchanged means nothing was appended.</summary>
    public async Task<(long Max, long Count)> EventMark(NpgsqlConnection? open = null)
    {
        var conn = open ?? new NpgsqlConnection(ConnectionString);
        try
        {
            if (open is null) await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand("select coalesce(max(seq_id),0), count(*) from agh.mt_events", conn);
            await using var reader = await cmd.ExecuteReaderAsync();
            await reader.ReadAsync();
            return (reader.GetInt64(0), reader.GetInt64(1));
        }
        finally
        {
            if (open is null) await conn.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class HostileCollection : ICollectionFixture<HostileFactory>
{
    public const string Name = "hostile";
}

/// <summary>Real resources of one municipality, from offer to a pending sanction proposal, plus a free person and an offer without placements.</summary>
public sealed record World(
    string Municipality,
    Guid Offer,
    Guid SpareOffer,
    Guid Person,
    Guid FreePerson,
    Guid Placement,
    Guid Entry,
    Guid Refusal,
    Guid OpenRefusal,
    Guid Proposal);

public abstract class HostileTest(HostileFactory factory) : HttpTest(factory)
{
    protected new HostileFactory Factory { get; } = factory;

    /// <summary>
    /// Builds a complete case in one municipality: an offer, a placed person with an hour entry, an assessed and heard
    /// refusal with a pending proposal, an unassessed refusal, and a registered person without placement.
    /// </summary>
    protected async Task<World> BuildWorld(string municipality, string? caseworkerId = null)
    {
        var cw = await Caseworker(municipality, caseworkerId ?? $"cw-{municipality}");
        var offer = await NewOffer(cw, municipality, places: 10, hoursPerWeek: 20);
        var spare = await NewOffer(cw, municipality, places: 1, hoursPerWeek: 10);
        var person = await NewPerson(cw, municipality);
        var free = await NewPerson(cw, municipality);
        var placement = await NewPlacement(cw, offer, person, Today.AddDays(-60), Today.AddDays(-50));
        var entry = IdOf(await Ok(await Post(cw, $"/api/placements/{placement}/hours", new { date = D(Today.AddDays(-10)), minutes = 60 }),
            HttpStatusCode.Created), "entryId");
        var refusal = IdOf(await Ok(await Post(cw, $"/api/placements/{placement}/refusals",
            new { date = D(Today.AddDays(-20)), kind = "no-show", statedReason = "nicht erschienen" }), HttpStatusCode.Created), "refusalId");
        await Ok(await Post(cw, $"/api/placements/{placement}/refusals/{refusal}/assessment", new { goodCause = false, reasoning = "kein Grund" }));
        await Ok(await Post(cw, $"/api/placements/{placement}/refusals/{refusal}/hearing", new { heldOn = D(Today.AddDays(-5)), statement = "keine" }));
        var proposal = IdOf(await Ok(await Post(cw, $"/api/placements/{placement}/sanction-proposals",
            new { refusalId = refusal, reasoning = "ohne wichtigen Grund" }), HttpStatusCode.Created));
        var open = IdOf(await Ok(await Post(cw, $"/api/placements/{placement}/refusals",
            new { date = D(Today.AddDays(-15)), kind = "explicit", statedReason = "will nicht" }), HttpStatusCode.Created), "refusalId");
        return new World(municipality, offer, spare, person, free, placement, entry, refusal, open, proposal);
    }

    /// <summary>
    /// The payout run of the month before last (always ended): prepared by <paramref name="preparer"/> (201), or the one
    /// an earlier test of this collection prepared for that month (asking again would be 200 with that run).
    /// </summary>
    protected async Task<Guid> PreparedRun(string preparer = "payroll-a", int monthsBack = 2)
    {
        var month = $"{Today.AddMonths(-monthsBack):yyyy-MM}";
        var payroll = await As("payroll", null, preparer);
        var existing = (await GetOk(payroll, $"/api/payout-runs?month={month}")).AsArray();
        if (existing.Count > 0)
        {
            var again = await Ok(await Post(payroll, "/api/payout-runs", new { month }));
            IdOf(again).Should().Be(IdOf(existing.Single()!), "asking again for a month returns its run");
            return IdOf(again);
        }
        return IdOf(await Ok(await Post(payroll, "/api/payout-runs", new { month }), HttpStatusCode.Created));
    }
}
