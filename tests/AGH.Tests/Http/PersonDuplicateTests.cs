using System.Net;
using System.Net.Http.Json;
using Marten;
using Marten.Events;
using System.Text.Json.Nodes;

namespace AGH.Tests.Http;

/// <summary>Contract v3d: duplicates at registration, corrections of master data, and closing a record entered twice.</summary>
[Collection(HttpCollection.Name)]
public sealed class PersonDuplicateTests(AghFactory factory) : HttpTest(factory)
{
    // A name no other test registers, so the duplicate rules meet only this test's persons.
    private static string Unique(string stem) => stem + "-" + Guid.NewGuid().ToString("N")[..8];

    private object Body(string givenName, string familyName, DateOnly born, string? fileReference = null, bool? confirmed = null,
        string municipality = "bad-iburg") => new
    {
        municipality, givenName, familyName, dateOfBirth = D(born), entitledSince = D(Today.AddYears(-1)), fileReference,
        confirmedNotDuplicate = confirmed,
    };

    private static async Task<List<string>> Summaries(HttpClient client, Guid person) =>
        (await GetOk(client, $"/api/persons/{person}/history"))["entries"]!.AsArray().Select(e => e!["summary"]!.GetValue<string>()).ToList();

    [Fact]
    public async Task A_file_reference_belongs_to_one_person_of_the_district_whatever_the_confirmation()
    {
        var iburg = await Caseworker();
        var melle = await Caseworker("melle");
        var reference = Unique("AZ-50");
        var first = IdOf(await Ok(await Post(iburg, "/api/persons", Body("Samir", Unique("Haddad"), Today.AddYears(-30), reference)), HttpStatusCode.Created));

        var problem = await Rejected(() => Post(iburg, "/api/persons", Body("Omar", Unique("Said"), Today.AddYears(-40), reference, confirmed: true)),
            409, "file-reference-taken");
        problem["duplicateOf"]!.GetValue<string>().Should().Be(first.ToString());
        // Case and surrounding blanks do not make it another reference.
        await Rejected(() => Post(iburg, "/api/persons", Body("Omar", Unique("Said"), Today.AddYears(-40), " " + reference.ToLowerInvariant() + " ")),
            409, "file-reference-taken");
        // Another municipality is refused as well, without learning which person holds it.
        problem = await Rejected(() => Post(melle, "/api/persons", Body("Omar", Unique("Said"), Today.AddYears(-40), reference, municipality: "melle")),
            409, "file-reference-taken");
        problem["duplicateOf"].Should().BeNull();
    }

    [Fact]
    public async Task The_same_name_and_birth_date_asks_for_confirmation_and_names_the_other_person_only_to_who_may_see_it()
    {
        var iburg = await Caseworker();
        var melle = await Caseworker("melle");
        var family = Unique("Müller");
        var born = Today.AddYears(-33);
        var first = IdOf(await Ok(await Post(iburg, "/api/persons", Body("Jürgen", family, born)), HttpStatusCode.Created));

        // Folded as in search: "MUELLER, juergen" is the same name.
        var folded = family.Replace("Müller", "MUELLER");
        var problem = await Rejected(() => Post(iburg, "/api/persons", Body("juergen", folded, born)), 409, "possible-duplicate");
        problem["duplicateOf"]!.GetValue<string>().Should().Be(first.ToString());
        problem = await Rejected(() => Post(melle, "/api/persons", Body("Jürgen", family, born, municipality: "melle")), 409, "possible-duplicate");
        problem["duplicateOf"].Should().BeNull("another municipality's person is not revealed");

        // Another birth date is another person; a confirmed one is registered.
        await Ok(await Post(iburg, "/api/persons", Body("Jürgen", family, born.AddDays(1))), HttpStatusCode.Created);
        var second = IdOf(await Ok(await Post(iburg, "/api/persons", Body("Jürgen", family, born, confirmed: true)), HttpStatusCode.Created));
        second.Should().NotBe(first);
    }

    [Fact]
    public async Task A_correction_changes_only_the_fields_given_keeps_both_values_in_the_history_and_follows_the_duplicate_rules()
    {
        var cw = await Caseworker();
        var family = Unique("Nasser");
        var person = IdOf(await Ok(await Post(cw, "/api/persons", Body("Lina", family, Today.AddYears(-28), Unique("AZ-K"))), HttpStatusCode.Created));
        var taken = Unique("AZ-T");
        var other = IdOf(await Ok(await Post(cw, "/api/persons", Body("Rana", family, Today.AddYears(-25), taken)), HttpStatusCode.Created));
        var url = $"/api/persons/{person}/correction";

        await Rejected(() => Post(cw, url, new { reason = "nichts" }), 400);
        await Rejected(() => Post(cw, url, new { givenName = "Leena" }), 400);
        await Rejected(() => Post(cw, url, new { givenName = "Lina", reason = "gleich" }), 422, "nothing-to-correct");
        await Rejected(() => Post(cw, url, new { dateOfBirth = D(Today.AddDays(1)), reason = "Tippfehler" }), 422, "date-in-future");
        await Rejected(() => Post(cw, url, new { fileReference = taken, reason = "Akte zusammengelegt" }), 409, "file-reference-taken");
        // Becoming Rana with Rana's birth date: the other person, unless confirmed.
        var problem = await Rejected(() => Post(cw, url, new { givenName = "Rana", dateOfBirth = D(Today.AddYears(-25)), reason = "Tippfehler" }),
            409, "possible-duplicate");
        problem["duplicateOf"]!.GetValue<string>().Should().Be(other.ToString());

        var etag = (await cw.GetAsync($"/api/persons/{person}")).Headers.ETag!.Tag;
        var corrected = await Ok(await Post(cw, url, new { givenName = "Leena", dateOfBirth = D(Today.AddYears(-29)), reason = "Schreibfehler im Pass übernommen" }));
        corrected["givenName"]!.GetValue<string>().Should().Be("Leena");
        corrected["familyName"]!.GetValue<string>().Should().Be(family);
        corrected["dateOfBirth"]!.GetValue<string>().Should().Be(D(Today.AddYears(-29)));
        (await GetOk(cw, $"/api/persons/{person}"))["givenName"]!.GetValue<string>().Should().Be("Leena");
        // The old ETag is stale now.
        using (var stale = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(new { familyName = "X", reason = "r" }) })
        {
            stale.Headers.TryAddWithoutValidation("If-Match", etag);
            await Rejected(() => cw.SendAsync(stale), 412);
        }

        var history = await Summaries(cw, person);
        history.Should().Contain(s => s.StartsWith("Person erfasst: Lina " + family));
        history.Should().Contain(s => s.StartsWith("Stammdaten berichtigt: Vorname „Leena“, Geburtsdatum") && s.EndsWith("Grund: Schreibfehler im Pass übernommen"));
        var stored = (await Factory.Stream(person)).Select(e => e.Data).OfType<AGH.Domain.Persons.PersonCorrected>().First();
        stored.GivenName.Should().Be("Leena");
        stored.FamilyName.Should().BeNull("only the fields that change are recorded");
        // Found by the corrected name.
        (await GetOk(cw, $"/api/persons?q={Uri.EscapeDataString("Leena " + family)}")).AsArray()
            .Select(p => p!["id"]!.GetValue<string>()).Should().Contain(person.ToString());
        // The entitlement's start and the file reference are master data too: both corrected in one event.
        var since = Today.AddYears(-1).AddDays(-45);
        var reference = Unique("AZ-N");
        var moved = await Ok(await Post(cw, url, new { entitledSince = D(since), fileReference = reference, reason = "Bewilligung lag früher" }));
        moved["entitledSince"]!.GetValue<string>().Should().Be(D(since));
        moved["fileReference"]!.GetValue<string>().Should().Be(reference);
        moved["givenName"]!.GetValue<string>().Should().Be("Leena", "the earlier correction stays");
        (await GetOk(cw, $"/api/persons/{person}"))["entitledSince"]!.GetValue<string>().Should().Be(D(since));
        var second = (await Factory.Stream(person)).Select(e => e.Data).OfType<AGH.Domain.Persons.PersonCorrected>().Last();
        (second.EntitledSince, second.FileReference, second.GivenName).Should().Be((since, reference, (string?)null));
        (await Summaries(cw, person)).Should().Contain(s => s.StartsWith("Stammdaten berichtigt:") && s.Contains(reference) && s.EndsWith("Grund: Bewilligung lag früher"));
        // An entitlement that begins tomorrow is master data as well: the person is not deployable today.
        var later = await Ok(await Post(cw, url, new { entitledSince = D(Today.AddDays(1)), reason = "Bewilligung erst ab morgen" }));
        (later["eligibleToday"]!.GetValue<bool>(), later["ineligibleReason"]!.GetValue<string>()).Should().Be((false, "not-entitled"));

        // Officials and other municipalities may not correct.
        await Rejected(async () => await Post(await As("official", "bad-iburg"), url, new { familyName = "X", reason = "r" }), 403);
        await Rejected(async () => await Post(await Caseworker("melle"), url, new { familyName = "X", reason = "r" }), 404);
    }

    [Fact]
    public async Task A_record_entered_twice_is_closed_counts_nowhere_and_a_record_with_placements_is_kept()
    {
        var cw = await Caseworker();
        var family = Unique("Karimi");
        var born = Today.AddYears(-35);
        var kept = IdOf(await Ok(await Post(cw, "/api/persons", Body("Farid", family, born, Unique("AZ-D"))), HttpStatusCode.Created));
        var twice = IdOf(await Ok(await Post(cw, "/api/persons", Body("Farid", family, born, confirmed: true)), HttpStatusCode.Created));
        var url = $"/api/persons/{twice}/duplicate-of";

        await Rejected(() => Post(cw, url, new { personId = kept }), 400);
        await Rejected(() => Post(cw, url, new { personId = twice, reason = "doppelt" }), 422, "same-person");
        await Rejected(() => Post(cw, url, new { personId = Guid.NewGuid(), reason = "doppelt" }), 404);
        var foreign = await NewPerson(await Caseworker("melle"), "melle");
        await Rejected(() => Post(cw, url, new { personId = foreign, reason = "doppelt" }), 404);

        await Factory.Store.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(60));
        var before = PersonsOf(await GetOk(await As("coordinator"), "/api/quota"), "bad-iburg");

        var closed = await Ok(await Post(cw, url, new { personId = kept, reason = "bei der Erfassung doppelt angelegt" }));
        closed["status"]!.GetValue<string>().Should().Be("duplicate");
        closed["duplicateOf"]!.GetValue<string>().Should().Be(kept.ToString());
        (await GetOk(cw, $"/api/persons/{twice}"))["status"]!.GetValue<string>().Should().Be("duplicate");
        (await Summaries(cw, twice)).Should().Contain(s => s.StartsWith("Datensatz als doppelt erfasst geschlossen"));

        await Rejected(() => Post(cw, url, new { personId = kept, reason = "nochmal" }), 409, "already-duplicate");
        // Nothing binds the closed record any more: it is not assigned, and the quota no longer counts it.
        var offer = await NewOffer(cw);
        await Rejected(() => Post(cw, "/api/placements", AssignBody(twice, offer)), 422, "person-not-eligible");
        await Factory.Store.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(60));
        PersonsOf(await GetOk(await As("coordinator"), "/api/quota"), "bad-iburg").Should().Be(before - 1);
        // Registering the same person again now meets only the kept record.
        var problem = await Rejected(() => Post(cw, "/api/persons", Body("Farid", family, born)), 409, "possible-duplicate");
        problem["duplicateOf"]!.GetValue<string>().Should().Be(kept.ToString());

        // A record with a placement holds a case: it is not closed.
        var placed = await NewPlacement(cw, offer, kept);
        placed.Should().NotBeEmpty();
        await Rejected(() => Post(cw, $"/api/persons/{kept}/duplicate-of", new { personId = twice, reason = "doppelt" }), 422, "duplicate-of-duplicate");
        var third = IdOf(await Ok(await Post(cw, "/api/persons", Body("Farid", family, born.AddDays(3))), HttpStatusCode.Created));
        await Rejected(() => Post(cw, $"/api/persons/{kept}/duplicate-of", new { personId = third, reason = "doppelt" }), 409, "has-placements");
    }

    private static int PersonsOf(JsonNode quota, string municipality) =>
        quota["municipalities"]!.AsArray().Single(r => r!["municipality"]!.GetValue<string>() == municipality)!["persons"]!.GetValue<int>();
}
