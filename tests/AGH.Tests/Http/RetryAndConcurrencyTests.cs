using System.Net;
using System.Net.Http.Json;
using AGH.Api.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace AGH.Tests.Http;

/// <summary>A database and clock of its own: these tests move time a day ahead.</summary>
public sealed class RetryFactory : AghFactory
{
    // Wolverine sweeps expired Idempotency-Key answers every second here, not every few minutes.
    protected override IEnumerable<KeyValuePair<string, string>> Settings => [new("Idempotency:CleanupSeconds", "1")];
}

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
        (await Factory.EventCount()).Should().Be(events);
    }

    /// <summary>
    /// A stored answer is replayed only to a caller who may still make the request: the same user with a token of
    /// another role meets the role check (403), in another municipality the person is not visible (404); neither is
    /// stored, and the caseworker's own retry still gets the first answer.
    /// </summary>
    [Fact]
    public async Task A_retry_under_rights_the_caller_no_longer_has_is_refused_not_replayed()
    {
        var cw = await Caseworker(userId: "cw-rights");
        var person = await NewPerson(cw);
        var url = $"/api/persons/{person}/exemptions";
        var body = new { reason = "illness", from = D(Today), note = "Attest liegt vor", reviewOn = D(Today.AddDays(14)) };
        var key = Guid.NewGuid().ToString();
        var first = await PostKeyed(cw, url, body, key);
        first.StatusCode.Should().Be(HttpStatusCode.Created);
        var firstBody = await first.Content.ReadAsStringAsync();

        var asAuditor = await As("auditor", userId: "cw-rights");
        await Rejected(() => PostKeyed(asAuditor, url, body, key), 403, "forbidden");
        var moved = await Caseworker("melle", userId: "cw-rights");
        await Rejected(() => PostKeyed(moved, url, body, key), 404, "not-found");

        var events = await Factory.EventCount();
        var retry = await PostKeyed(cw, url, body, key);
        retry.StatusCode.Should().Be(HttpStatusCode.Created);
        (await retry.Content.ReadAsStringAsync()).Should().Be(firstBody);
        (await Factory.EventCount()).Should().Be(events);
        (await GetOk(cw, $"/api/persons/{person}"))["exemptions"]!.AsArray().Should().HaveCount(1);
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
        await Rejected(() => PostKeyed(cw, "/api/persons", body, key), 422, "date-in-future");
        // Nothing was claimed by the refusals: the key's first success claims it, and from then on it is that request's.
        var created = await Ok(await PostKeyed(cw, "/api/persons", PersonBody(), key), HttpStatusCode.Created);
        await Rejected(() => PostKeyed(cw, "/api/persons", body, key), 422, "idempotency-key-reused");
        IdOf(created).Should().NotBe(Guid.Empty);
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
        (await Factory.EventCount()).Should().BeGreaterThan(events, "the rejection was not replayed: the retry ran");
        (await GetOk(cw, $"/api/placements/{IdOf(created)}"))["personId"]!.GetValue<string>().Should().Be(person.ToString());

        events = await Factory.EventCount();
        var replay = await PostKeyed(cw, "/api/placements", body, key);
        (await Ok(replay, HttpStatusCode.Created)).ToJsonString().Should().Be(created.ToJsonString());
        (await Factory.EventCount()).Should().Be(events, "the success is replayed");
        await Rejected(() => PostKeyed(cw, "/api/placements", AssignBody(person, offer, hoursPerWeek: 10), key), 422, "idempotency-key-reused");
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
        (await Factory.EventCount()).Should().Be(events + 4, "one PersonAssigned, one PlaceOccupied and the served notice's NoticeIssued and NoticeDispatched");
        (await GetOk(cw, $"/api/offers/{offer}"))["occupied"]!.GetValue<int>().Should().Be(1);
    }

    [Fact]
    public async Task Keys_are_kept_for_at_least_a_day_and_forgotten_after_the_retention_window()
    {
        var cw = await Caseworker(userId: "cw-day");
        var key = Guid.NewGuid().ToString();
        var body = OfferBody(places: 2);
        var first = await Ok(await PostKeyed(cw, "/api/offers", body, key), HttpStatusCode.Created);
        var expires = await StoredAnswerExpiry();
        expires.Should().BeOnOrAfter(DateTimeOffset.UtcNow.AddHours(47), "Idempotency:RetentionHours, default 48, at least 24");

        var events = await Factory.EventCount();
        var retry = await Ok(await PostKeyed(cw, "/api/offers", body, key), HttpStatusCode.Created);
        retry.ToJsonString().Should().Be(first.ToJsonString());
        (await Factory.EventCount()).Should().Be(events);

        // Past the window the key is forgotten: the same request runs afresh. Wolverine judges expiry by the database's
        // clock, so the stored answer is aged instead of the service clock moved.
        await AgeStoredAnswers(TimeSpan.FromHours(49));
        using (var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(200)))
        {
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (await StoredAnswerCount() > 0 && DateTime.UtcNow < deadline) await timer.WaitForNextTickAsync();
        }
        (await StoredAnswerCount()).Should().Be(0, "Wolverine forgets answers past their window");
        var again = await Ok(await PostKeyed(cw, "/api/offers", body, key), HttpStatusCode.Created);
        IdOf(again).Should().NotBe(IdOf(first), "a forgotten key creates a new offer");
    }

    private async Task<DateTimeOffset> StoredAnswerExpiry()
    {
        await using var conn = new Npgsql.NpgsqlConnection(Factory.ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new Npgsql.NpgsqlCommand("select max(expires) from agh.wolverine_deduplicated_responses", conn);
        return (DateTimeOffset)(DateTime)(await cmd.ExecuteScalarAsync())!;
    }

    private async Task<long> StoredAnswerCount()
    {
        await using var conn = new Npgsql.NpgsqlConnection(Factory.ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new Npgsql.NpgsqlCommand("select count(*) from agh.wolverine_deduplicated_responses where expires < now()", conn);
        return (long)(await cmd.ExecuteScalarAsync())!;
    }

    private async Task AgeStoredAnswers(TimeSpan by)
    {
        await using var conn = new Npgsql.NpgsqlConnection(Factory.ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new Npgsql.NpgsqlCommand("update agh.wolverine_deduplicated_responses set expires = expires - @by", conn);
        cmd.Parameters.AddWithValue("by", by);
        await cmd.ExecuteNonQueryAsync();
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

        await Rejected(() => PostIfMatch(cw, $"/api/persons/{person}/exemptions", new { reason = "illness", from = D(Today), reviewOn = D(Today.AddDays(14)) }, personTag), 412);
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
