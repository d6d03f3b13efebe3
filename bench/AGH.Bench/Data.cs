using System.Collections.Concurrent;
using AGH.Api.Infrastructure;
using AGH.Domain.Common;
using AGH.Domain.Offers;
using AGH.Domain.Payouts;
using AGH.Domain.Persons;
using AGH.Domain.Placements;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AGH.Bench;

/// <summary>
/// Generates data straight into the event store with the service's own Marten configuration (AddAghMarten: same
/// schema, serializer, event types, headers and inline projections), so the service reads it as if it had written it.
/// </summary>
public sealed class Generator : IAsyncDisposable
{
    public static readonly string[] Municipalities =
    [
        "bad-essen", "bad-iburg", "bad-laer", "bad-rothenfelde", "belm", "bissendorf", "bohmte", "bramsche", "dissen",
        "georgsmarienhuette", "glandorf", "hagen", "hasbergen", "hilter", "melle", "ostercappeln", "wallenhorst", "sg-artland",
        "sg-bersenbrueck", "sg-fuerstenau", "sg-neuenkirchen",
    ];

    private readonly IHost _host;
    public IDocumentStore Store { get; }
    public DateTimeOffset Now { get; } = DateTimeOffset.UtcNow;
    public DateOnly Today { get; } = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Clock.Berlin).DateTime);

    private Generator(IHost host)
    {
        _host = host;
        Store = host.Services.GetRequiredService<IDocumentStore>();
    }

    /// <summary>The store is resolved from an (unstarted) host: the async daemon and start-up hosted services never run here.</summary>
    public static async Task<Generator> Create(string connection)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddAghMarten(connection);
        var g = new Generator(builder.Build());
        await g.Store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        return g;
    }

    public ValueTask DisposeAsync()
    {
        _host.Dispose();
        return ValueTask.CompletedTask;
    }

    private static Actor Caseworker(string municipality) => new("bench-" + municipality, "Bench Caseworker", Roles.Caseworker, municipality);

    private void Start(IDocumentSession session, Guid stream, Actor actor, IEnumerable<object> events)
    {
        var action = session.Events.StartStream(stream, events.ToArray());
        foreach (var e in action.Events) EventHeaders.Stamp(e, actor, Now);
    }

    public static OfferRegistered Offer(Guid id, string municipality, int places, DateOnly startsOn) => new(
        id, ProviderType.Municipality, "Gemeinde " + municipality, municipality, "Grünpflege", "Pflege öffentlicher Grünflächen",
        places, 30, startsOn, null, "Bauhof, Am Markt 1");

    public static PersonRegistered Person(Guid id, string municipality, int n) => new(
        id, municipality, "Given" + n, "Family" + n, new DateOnly(1990, 1, 1).AddDays(n % 5000), new DateOnly(2024, 1, 1), "AZ-" + n);

    /// <summary>A placement population: offers of 100 places (registered together with their PlaceOccupied), persons with PersonRegistered + PersonAssigned
    /// + whatever <paramref name="more"/> adds. Person i lives in municipality <paramref name="municipalityOf"/>(i). Written in batches of
    /// <paramref name="offersPerBatch"/> offers (100 persons each), <paramref name="parallel"/> writers.</summary>
    public async Task<Population> Placements(int persons, Func<int, string> municipalityOf, DateOnly startsOn, int hoursPerWeek,
        Func<int, Guid, Guid, IEnumerable<object>> more, int offersPerBatch, int parallel, CancellationToken ct = default)
    {
        const int placesPerOffer = 100;
        var offers = (persons + placesPerOffer - 1) / placesPerOffer;
        var personIds = Enumerable.Range(0, persons).Select(_ => Guid.CreateVersion7()).ToArray();
        var placementIds = Enumerable.Range(0, persons).Select(_ => Guid.CreateVersion7()).ToArray();
        var batches = Enumerable.Range(0, (offers + offersPerBatch - 1) / offersPerBatch).ToArray();
        long events = 0;
        await Parallel.ForEachAsync(batches, new ParallelOptions { MaxDegreeOfParallelism = parallel, CancellationToken = ct }, async (b, token) =>
        {
            await using var session = Store.LightweightSession();
            var count = 0;
            for (var o = b * offersPerBatch; o < Math.Min(offers, (b + 1) * offersPerBatch); o++)
            {
                var offerId = Guid.CreateVersion7();
                var first = o * placesPerOffer;
                var last = Math.Min(persons, first + placesPerOffer);
                var offerMunicipality = municipalityOf(first);
                var offerEvents = new List<object> { Offer(offerId, offerMunicipality, placesPerOffer, startsOn.AddDays(-30)) };
                for (var i = first; i < last; i++)
                {
                    var m = municipalityOf(i);
                    var personEvents = new List<object>
                    {
                        Person(personIds[i], m, i),
                        new PersonAssigned(placementIds[i], personIds[i], offerId, m, startsOn.AddDays(-7), startsOn, hoursPerWeek, true),
                    };
                    personEvents.AddRange(more(i, personIds[i], placementIds[i]));
                    Start(session, personIds[i], Caseworker(m), personEvents);
                    count += personEvents.Count;
                    offerEvents.Add(new PlaceOccupied(offerId, placementIds[i], personIds[i]));
                }
                Start(session, offerId, Caseworker(offerMunicipality), offerEvents);
                count += offerEvents.Count;
            }
            session.LastModifiedBy = "bench";
            await session.SaveChangesAsync(token);
            Interlocked.Add(ref events, count);
        });
        return new Population(personIds, placementIds, events);
    }

    /// <summary>About a year of history for one person: ~4 entries a working day, some corrections and refusals (~1,000 events).</summary>
    public static IEnumerable<object> YearOfHours(int n, Guid personId, Guid placementId, DateOnly startsOn, DateOnly today)
    {
        var random = new Random(n);
        var entries = 0;
        for (var day = startsOn; day < today; day = day.AddDays(1))
        {
            if (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday) continue;
            if (random.Next(100) < 4) continue; // holidays, sick days
            for (var k = 0; k < 4; k++)
            {
                var entry = Guid.CreateVersion7();
                yield return new HoursLogged(placementId, personId, entry, day, 90);
                if (++entries % 40 == 0)
                    yield return new HoursCorrected(placementId, personId, Guid.CreateVersion7(), entry, day, 60, "Frühschluss laut Stundenzettel");
            }
            if (random.Next(100) < 2)
            {
                var refusal = Guid.CreateVersion7();
                yield return new RefusalRecorded(placementId, personId, refusal, day, RefusalKind.NoShow, "nicht erschienen");
                yield return new RefusalAssessed(placementId, personId, refusal, true, ExemptionReason.Illness, "Arbeitsunfähigkeitsbescheinigung liegt vor");
            }
        }
    }

    /// <summary>Four entries of two hours on four days of <paramref name="month"/>.</summary>
    public static IEnumerable<object> FourEntries(Guid personId, Guid placementId, Month month)
    {
        foreach (var d in new[] { 3, 10, 17, 24 })
            yield return new HoursLogged(placementId, personId, Guid.CreateVersion7(), new DateOnly(month.Year, month.Number, d), 120);
    }
}

public sealed record Population(Guid[] PersonIds, Guid[] PlacementIds, long Events);

public sealed class LatencyRecorder
{
    private readonly ConcurrentBag<List<double>> _all = new();

    public List<double> NewList()
    {
        var l = new List<double>(100_000);
        _all.Add(l);
        return l;
    }

    public double[] Sorted() => _all.SelectMany(x => x).Order().ToArray();

    public static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
}
