using System.Net;
using System.Net.Http.Json;
using AGH.Api.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace AGH.Tests.Http;

/// <summary>A database and clock of its own: these tests move time a day ahead.</summary>
public sealed class RetryFactory : AghFactory;

[CollectionDefinition(Name)]
public sealed class RetryCollection : ICollectionFixture<RetryFactory>
{
    public const string Name = "retries";
}

[Collection(RetryCollection.Name)]
public sealed class RetryAndConcurrencyTests(RetryFactory factory) : HttpTest(factory)
{
    private static async Task<HttpResponseMessage> PostKeyed(HttpClient client, string url, object body, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        return await client.SendAsync(request);
    }

    private static async Task<HttpResponseMessage> PostIfMatch(HttpClient client, string url, object body, string etag)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body) };
        request.Headers.TryAddWithoutValidation("If-Match", etag);
        return await client.SendAsync(request);
    }

    [Fact]
    public async Task A_retry_with_the_same_key_and_body_gets_the_first_answer_and_stores_nothing()
    {
        var cw = await Caseworker(userId: "cw-retry");
        var key = Guid.NewGuid().ToString();
        var body = PersonBody();
        var first = await PostKeyed(cw, "/api/persons", body, key);
        first.StatusCode.Should().Be(HttpStatusCode.Created);
        var firstBody = await first.Content.ReadAsStringAsync();
        var events = await Factory.EventCount();

        var retry = await PostKeyed(cw, "/api/persons", body, key);
        retry.StatusCode.Should().Be(HttpStatusCode.Created);
        (await retry.Content.ReadAsStringAsync()).Should().Be(firstBody);
        retry.Headers.Location.Should().Be(first.Headers.Location);
        retry.Headers.GetValues("Idempotent-Replayed").Should().Equal("true");
        (await Factory.EventCount()).Should().Be(events);
    }

    [Fact]
    public async Task The_same_key_with_another_body_is_refused_and_keys_are_per_user()
    {
        var cw = await Caseworker(userId: "cw-keys");
        var key = "order-" + Guid.NewGuid();
        var offer = await NewOffer(cw);
        (await PostKeyed(cw, $"/api/offers/{offer}/places", new { places = 7 }, key)).StatusCode.Should().Be(HttpStatusCode.OK);
        await Rejected(() => PostKeyed(cw, $"/api/offers/{offer}/places", new { places = 8 }, key), 422, "idempotency-key-reused");
        await Rejected(() => PostKeyed(cw, $"/api/offers/{offer}/withdrawal", new { places = 7 }, key), 422, "idempotency-key-reused");

        var colleague = await Caseworker(userId: "cw-other");
        (await PostKeyed(colleague, $"/api/offers/{offer}/places", new { places = 9 }, key)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await GetOk(cw, $"/api/offers/{offer}"))["places"]!.GetValue<int>().Should().Be(9);

        await Rejected(() => PostKeyed(cw, $"/api/offers/{offer}/places", new { places = 3 }, new string('k', 201)), 400);
    }

    [Fact]
    public async Task A_retried_rejection_runs_afresh_and_stores_nothing()
    {
        var cw = await Caseworker(userId: "cw-rej");
        var key = Guid.NewGuid().ToString();
        var body = PersonBody(dateOfBirth: Today.AddDays(2));
        await Rejected(() => PostKeyed(cw, "/api/persons", body, key), 422, "date-in-future");
        var again = await PostKeyed(cw, "/api/persons", body, key);
        again.Headers.Contains("Idempotent-Replayed").Should().BeFalse("only successful answers are replayed");
        await Rejected(() => PostKeyed(cw, "/api/persons", body, key), 422, "date-in-future");
        await Rejected(() => PostKeyed(cw, "/api/persons", PersonBody(), key), 422, "idempotency-key-reused");
    }

    [Fact]
    public async Task A_retried_409_succeeds_once_a_place_is_free_and_is_then_replayed()
    {
        var cw = await Caseworker(userId: "cw-free-place");
        var offer = await NewOffer(cw, places: 1);
        var holder = await NewPlacement(cw, offer);
        var person = await NewPerson(cw);
        var key = Guid.NewGuid().ToString();
        var body = AssignBody(person, offer);

        await Rejected(() => PostKeyed(cw, "/api/placements", body, key), 409, "no-free-place");
        await Ok(await Post(cw, $"/api/placements/{holder}/end", new { date = D(Today), reason = "regular-employment" }));

        var events = await Factory.EventCount();
        var retry = await PostKeyed(cw, "/api/placements", body, key);
        var created = await Ok(retry, HttpStatusCode.Created);
        retry.Headers.Contains("Idempotent-Replayed").Should().BeFalse("the rejection was not replayed: the retry ran");
        (await Factory.EventCount()).Should().BeGreaterThan(events);
        (await GetOk(cw, $"/api/placements/{IdOf(created)}"))["personId"]!.GetValue<string>().Should().Be(person.ToString());

        events = await Factory.EventCount();
        var replay = await PostKeyed(cw, "/api/placements", body, key);
        (await Ok(replay, HttpStatusCode.Created)).ToJsonString().Should().Be(created.ToJsonString());
        replay.Headers.GetValues("Idempotent-Replayed").Should().Equal("true");
        (await Factory.EventCount()).Should().Be(events);
        await Rejected(() => PostKeyed(cw, "/api/placements", AssignBody(person, offer, hoursPerWeek: 10), key), 422, "idempotency-key-reused");
    }

    [Fact]
    public async Task A_success_replaces_a_stored_rejection_of_its_key_but_never_another_success()
    {
        // What the command runner does when a twin's rejection of the same request was stored while it decided.
        var id = Idempotency.RecordId("cw-replace", Guid.NewGuid().ToString());
        IdempotencyRecord Record(int status) => new() { Id = id, UserId = "cw-replace", Fingerprint = "f", Status = status, CreatedAt = Factory.Time.GetUtcNow() };
        await using (var session = Factory.Store.LightweightSession())
        {
            session.Insert(Record(409));
            await session.SaveChangesAsync();
        }
        await using (var session = Factory.Store.LightweightSession())
        {
            Idempotency.ForgetRejection(session, id);
            session.Insert(Record(201));
            await session.SaveChangesAsync();
        }
        await using (var query = Factory.Store.QuerySession())
            (await query.LoadAsync<IdempotencyRecord>(id))!.Status.Should().Be(201);

        await using (var session = Factory.Store.LightweightSession())
        {
            Idempotency.ForgetRejection(session, id);
            session.Insert(Record(200));
            var act = () => session.SaveChangesAsync();
            (await act.Should().ThrowAsync<Exception>()).Which.Should().Match<Exception>(e => CommandRunner.IsRace(e), "a success is never replaced");
        }
    }

    [Fact]
    public async Task Simultaneous_retries_create_one_resource()
    {
        var cw = await Caseworker(userId: "cw-burst");
        var offer = await NewOffer(cw, places: 10);
        var person = await NewPerson(cw);
        var key = Guid.NewGuid().ToString();
        var events = await Factory.EventCount();

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => PostKeyed(cw, "/api/placements", AssignBody(person, offer), key)));

        var bodies = await Task.WhenAll(responses.Select(r => r.Content.ReadAsStringAsync()));
        responses.Should().OnlyContain(r => r.StatusCode == HttpStatusCode.Created, string.Join("\n", bodies));
        bodies.Distinct().Should().ContainSingle();
        (await Factory.EventCount()).Should().Be(events + 2, "one PersonAssigned and one PlaceOccupied");
        (await GetOk(cw, $"/api/offers/{offer}"))["occupied"]!.GetValue<int>().Should().Be(1);
    }

    [Fact]
    public async Task Keys_are_kept_for_at_least_a_day_and_forgotten_after_the_retention_window()
    {
        var cw = await Caseworker(userId: "cw-day");
        var key = Guid.NewGuid().ToString();
        var body = OfferBody(places: 2);
        var first = await Ok(await PostKeyed(cw, "/api/offers", body, key), HttpStatusCode.Created);
        var cleanup = Factory.Services.GetRequiredService<IdempotencyCleanup>();

        Factory.Time.Advance(TimeSpan.FromHours(23));
        await cleanup.RemoveExpired(CancellationToken.None);
        cw = await Caseworker(userId: "cw-day");
        var events = await Factory.EventCount();
        var retry = await Ok(await PostKeyed(cw, "/api/offers", body, key), HttpStatusCode.Created);
        retry.ToJsonString().Should().Be(first.ToJsonString());
        (await Factory.EventCount()).Should().Be(events);

        // Past the window (Idempotency:RetentionHours, default 48) the key is gone: the same request runs afresh.
        Factory.Time.Advance(TimeSpan.FromHours(26));
        await cleanup.RemoveExpired(CancellationToken.None);
        await using (var session = Factory.Store.QuerySession())
            (await session.LoadAsync<IdempotencyRecord>(Idempotency.RecordId("cw-day", key))).Should().BeNull("the key expired");
        cw = await Caseworker(userId: "cw-day");
        var fresh = await PostKeyed(cw, "/api/offers", body, key);
        var again = await Ok(fresh, HttpStatusCode.Created);
        fresh.Headers.Contains("Idempotent-Replayed").Should().BeFalse();
        IdOf(again).Should().NotBe(IdOf(first), "a forgotten key creates a new offer");
    }

    [Fact]
    public async Task ETags_change_with_every_change_and_a_stale_If_Match_is_412()
    {
        var cw = await Caseworker(userId: "cw-etag");
        var offer = await NewOffer(cw, places: 4);
        var get = await cw.GetAsync($"/api/offers/{offer}");
        var etag = get.Headers.ETag!.ToString();
        etag.Should().Be("\"1\"");

        (await PostIfMatch(cw, $"/api/offers/{offer}/places", new { places = 5 }, etag)).StatusCode.Should().Be(HttpStatusCode.OK);
        var newTag = (await cw.GetAsync($"/api/offers/{offer}")).Headers.ETag!.ToString();
        newTag.Should().NotBe(etag);
        await Rejected(() => PostIfMatch(cw, $"/api/offers/{offer}/places", new { places = 6 }, etag), 412, "precondition-failed");
        await Rejected(() => PostIfMatch(cw, $"/api/offers/{offer}/withdrawal", new { date = D(Today), reason = "x" }, etag), 412);
        (await PostIfMatch(cw, $"/api/offers/{offer}/places", new { places = 6 }, "W/" + newTag)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await PostIfMatch(cw, $"/api/offers/{offer}/places", new { places = 7 }, "*")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await Post(cw, $"/api/offers/{offer}/places", new { places = 8 })).StatusCode.Should().Be(HttpStatusCode.OK, "without If-Match it just runs");

        var person = await NewPerson(cw);
        var personTag = (await cw.GetAsync($"/api/persons/{person}")).Headers.ETag!.ToString();
        var placement = await NewPlacement(cw, offer, person);
        var placementTag = (await cw.GetAsync($"/api/placements/{placement}")).Headers.ETag!.ToString();
        placementTag.Should().NotBe(personTag, "the assignment changed the person");
        (await cw.GetAsync($"/api/persons/{person}")).Headers.ETag!.ToString().Should().Be(placementTag);

        await Rejected(() => PostIfMatch(cw, $"/api/persons/{person}/exemptions", new { reason = "illness", from = D(Today) }, personTag), 412);
        (await PostIfMatch(cw, $"/api/placements/{placement}/hours", new { date = D(Today), minutes = 60 }, placementTag)).StatusCode
            .Should().Be(HttpStatusCode.Created);
        await Rejected(() => PostIfMatch(cw, $"/api/placements/{placement}/end", new { date = D(Today), reason = "other" }, placementTag), 412);
        (await cw.GetAsync($"/api/placements/{placement}")).Headers.ETag!.ToString().Should().NotBe(placementTag);
    }

    [Fact]
    public async Task The_quota_report_includes_a_write_made_just_before_it_was_asked_for()
    {
        var coordinator = await As("coordinator", userId: "koord-read-your-writes");
        int Places(System.Text.Json.Nodes.JsonNode quota) => quota["municipalities"]!.AsArray()
            .Single(m => m!["municipality"]!.GetValue<string>() == "ostercappeln")!["places"]!.GetValue<int>();
        var before = Places(await GetOk(coordinator, "/api/quota"));

        await NewOffer(coordinator, "ostercappeln", places: 4);

        Places(await GetOk(coordinator, "/api/quota")).Should().Be(before + 4, "no wait in the client: the report waits for its projection");
    }
}
