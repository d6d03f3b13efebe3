using System.Net;
using System.Text.Json.Nodes;
using AGH.Api.Infrastructure;
using AGH.Domain.Offers;
using AGH.Domain.Payouts;
using AGH.Domain.Placements;
using Microsoft.Extensions.DependencyInjection;

namespace AGH.Tests.Http;

/// <summary>Contract v3c: hours logged by providers, the monthly timesheet and its confirmation.</summary>
[Collection(HttpCollection.Name)]
public sealed class TimesheetTests(AghFactory factory) : HttpTest(factory)
{
    private static string NewProviderId() => "ts-" + Guid.NewGuid().ToString("N")[..10];

    private Month LastMonth => Month.Of(Today).Previous;

    /// <summary>An offer of Bad Iburg run by a new provider, with one placement of a Bad Iburg person from 50 days ago.</summary>
    private async Task<(string Provider, Guid Offer, Guid Person, Guid Placement, HttpClient Cw, HttpClient Client)> Setup()
    {
        var provider = NewProviderId();
        var cw = await Caseworker();
        var offer = await NewOffer(cw);
        await SetProvider(offer, provider);
        var person = await NewPerson(cw);
        var placement = await NewPlacement(cw, offer, person);
        return (provider, offer, person, placement, cw, await Provider(provider));
    }

    private async Task<IReadOnlyList<object>> PersonEvents(Guid person) => (await Factory.Stream(person)).Select(e => e.Data).ToList();

    [Fact]
    public async Task A_provider_logs_hours_on_its_own_placements_as_source_provider_and_never_corrects()
    {
        var (provider, _, person, placement, cw, client) = await Setup();
        var day = Today.AddDays(-2);
        var entry = IdOf(await Ok(await Post(client, $"/api/placements/{placement}/hours", new { date = D(day), minutes = 90 }), HttpStatusCode.Created), "entryId");

        var stored = (await Factory.Stream(person)).Single(e => e.Data is HoursLogged l && l.EntryId == entry);
        var logged = (HoursLogged)stored.Data;
        logged.Source.Should().Be(HourSource.Provider);
        logged.AfterConfirmation.Should().BeNull();
        var actor = EventHeaders.ActorOf(stored)!;
        (actor.Role, actor.Provider, actor.Municipality).Should().Be(("provider", provider, (string?)null));

        // The office's entries say office; the same rules hold for the provider (a day in the future: 422).
        var office = IdOf(await Ok(await Post(cw, $"/api/placements/{placement}/hours", new { date = D(Today.AddDays(-3)), minutes = 60 }), HttpStatusCode.Created), "entryId");
        (await PersonEvents(person)).OfType<HoursLogged>().Single(l => l.EntryId == office).Source.Should().Be(HourSource.Office);
        await Rejected(() => Post(client, $"/api/placements/{placement}/hours", new { date = D(Today.AddDays(1)), minutes = 60 }), 422, "outside-placement");
        await Rejected(() => Post(client, $"/api/placements/{placement}/hours", new { date = D(day), minutes = 20 }), 400);

        // Providers never correct; another provider's or an unknown placement is not found.
        await Rejected(() => Post(client, $"/api/placements/{placement}/hours/{entry}/correction", new { minutes = 0, reason = "Irrtum" }), 403);
        var other = await Provider(NewProviderId());
        await Rejected(() => Post(other, $"/api/placements/{placement}/hours", new { date = D(day), minutes = 30 }), 404);
        await Rejected(() => Post(client, $"/api/placements/{Guid.NewGuid()}/hours", new { date = D(day), minutes = 30 }), 404);
        var foreignOffer = await NewOffer(cw);
        var foreign = await NewPlacement(cw, foreignOffer, await NewPerson(cw));
        await Rejected(() => Post(client, $"/api/placements/{foreign}/hours", new { date = D(day), minutes = 30 }), 404);
    }

    [Fact]
    public async Task The_timesheet_lists_each_persons_effective_minutes_per_day_and_a_caseworker_only_its_municipalitys_rows()
    {
        var (provider, offer, _, placement, cw, client) = await Setup();
        var melleCw = await Caseworker("melle");
        var mellePlacement = await NewPlacement(melleCw, offer, await NewPerson(melleCw, "melle"));
        var month = LastMonth;
        var (first, second) = (month.Last.AddDays(-1), month.Last);
        await Ok(await Post(client, $"/api/placements/{placement}/hours", new { date = D(first), minutes = 120 }), HttpStatusCode.Created);
        var entry = IdOf(await Ok(await Post(cw, $"/api/placements/{placement}/hours", new { date = D(second), minutes = 60 }), HttpStatusCode.Created), "entryId");
        await Ok(await Post(cw, $"/api/placements/{placement}/hours", new { date = D(second), minutes = 30 }), HttpStatusCode.Created);
        await Ok(await Post(cw, $"/api/placements/{placement}/hours/{entry}/correction", new { minutes = 45, reason = "Nachtrag" }), HttpStatusCode.Created);
        await Ok(await Post(melleCw, $"/api/placements/{mellePlacement}/hours", new { date = D(second), minutes = 15 }), HttpStatusCode.Created);
        // Hours of another month do not appear.
        await Ok(await Post(cw, $"/api/placements/{placement}/hours", new { date = D(Today), minutes = 15 }), HttpStatusCode.Created);

        var sheet = await GetOk(client, $"/api/offers/{offer}/timesheets/{month}");
        sheet["offerId"]!.GetValue<string>().Should().Be(offer.ToString());
        sheet["month"]!.GetValue<string>().Should().Be(month.ToString());
        sheet["confirmed"].Should().BeNull();
        var rows = sheet["placements"]!.AsArray();
        rows.Select(r => IdOf(r!, "placementId")).Should().BeEquivalentTo([placement, mellePlacement]);
        var own = rows.Single(r => IdOf(r!, "placementId") == placement)!;
        own["person"]!.AsObject().Select(p => p.Key).Should().BeEquivalentTo(["givenName", "familyName"]);
        var days = own["days"]!.AsArray().Select(d => (d!["date"]!.GetValue<string>(), d["minutes"]!.GetValue<int>())).ToList();
        days.Should().Equal([(D(first), 120), (D(second), 75)], "the correction replaced 60 by 45, and 30 more were logged that day");
        days.Should().OnlyContain(d => d.Item1.StartsWith(month.ToString()));

        // A caseworker reads only the rows of its municipality's persons; payroll and auditors all.
        (await GetOk(cw, $"/api/offers/{offer}/timesheets/{month}"))["placements"]!.AsArray().Select(r => IdOf(r!, "placementId")).Should().Equal(placement);
        (await GetOk(melleCw, $"/api/offers/{offer}/timesheets/{month}"))["placements"]!.AsArray().Select(r => IdOf(r!, "placementId")).Should().Equal(mellePlacement);
        (await GetOk(await As("payroll", null, "payroll-ts"), $"/api/offers/{offer}/timesheets/{month}"))["placements"]!.AsArray().Should().HaveCount(2);
        (await GetOk(await As("auditor", null, "auditor-ts"), $"/api/offers/{offer}/timesheets/{month}"))["placements"]!.AsArray().Should().HaveCount(2);

        // Others: 404 for another provider or an unknown offer, 403 for roles without timesheets, 400 for a month not YYYY-MM.
        await ShouldBeProblem(await (await Provider(NewProviderId())).GetAsync($"/api/offers/{offer}/timesheets/{month}"), 404);
        await ShouldBeProblem(await client.GetAsync($"/api/offers/{Guid.NewGuid()}/timesheets/{month}"), 404);
        await ShouldBeProblem(await (await As("coordinator", null, "coord-ts")).GetAsync($"/api/offers/{offer}/timesheets/{month}"), 403);
        await ShouldBeProblem(await (await As("official", "bad-iburg", "off-ts")).GetAsync($"/api/offers/{offer}/timesheets/{month}"), 403);
        foreach (var bad in new[] { "2026-13", "2026-1", "202601", "2026-01-01", "abcd-ef", "0001-01" })
            (await ShouldBeProblem(await client.GetAsync($"/api/offers/{offer}/timesheets/{bad}"), 400))["errors"]!["month"].Should().NotBeNull(bad);
    }

    [Fact]
    public async Task A_provider_confirms_an_ended_month_once_then_only_the_office_changes_it_marked_after_confirmation()
    {
        var (provider, offer, person, placement, cw, client) = await Setup();
        var month = LastMonth;
        var day = month.Last;
        var providerEntry = IdOf(await Ok(await Post(client, $"/api/placements/{placement}/hours", new { date = D(day), minutes = 60 }), HttpStatusCode.Created), "entryId");
        var url = $"/api/offers/{offer}/timesheets/{month}/confirmation";

        await Rejected(() => Post(client, $"/api/offers/{offer}/timesheets/{Month.Of(Today)}/confirmation", new { }), 422, "month-not-ended");
        await Rejected(() => Post(client, $"/api/offers/{offer}/timesheets/{Month.Of(Today.AddMonths(2))}/confirmation", new { }), 422, "month-not-ended");
        await Rejected(() => Post(cw, url, new { }), 403);
        var other = await Provider(NewProviderId());
        await Rejected(() => Post(other, url, new { }), 404);
        await Rejected(() => Post(client, $"/api/offers/{offer}/timesheets/2026-13/confirmation", new { }), 400);

        var answer = await Ok(await Post(client, url, new { }), HttpStatusCode.Created);
        answer["confirmed"]!["by"]!.GetValue<string>().Should().Be($"staff-{provider}");
        var confirmedEvent = (await Factory.Stream(offer)).Last();
        confirmedEvent.Data.Should().BeEquivalentTo(new { OfferId = offer, Month = month.ToString(), ProviderId = provider, ConfirmedBy = $"staff-{provider}" });
        EventHeaders.LegalBasisOf(confirmedEvent).Should().Be("§ 5 Abs. 2 AsylbLG");
        var sheet = await GetOk(cw, $"/api/offers/{offer}/timesheets/{month}");
        sheet["confirmed"]!["by"]!.GetValue<string>().Should().Be($"staff-{provider}");
        DateTimeOffset.Parse(sheet["confirmed"]!["at"]!.GetValue<string>()).Should().BeCloseTo(DateTimeOffset.UtcNow, TimeSpan.FromMinutes(5));

        await Rejected(() => Post(client, url, new { }), 409, "month-confirmed");
        // The provider's hours of that month are closed, even a day the date rules would refuse (409 comes before 422).
        await Rejected(() => Post(client, $"/api/placements/{placement}/hours", new { date = D(day.AddDays(-1)), minutes = 30 }), 409, "month-confirmed");
        await Rejected(() => Post(client, $"/api/placements/{placement}/hours", new { date = D(month.First.AddDays(-5 * 30)), minutes = 30 }), 422, "outside-placement");
        // The current month stays open to the provider.
        await Ok(await Post(client, $"/api/placements/{placement}/hours", new { date = D(Today), minutes = 30 }), HttpStatusCode.Created);

        // The office still logs and corrects; both entries are marked.
        var office = IdOf(await Ok(await Post(cw, $"/api/placements/{placement}/hours", new { date = D(day.AddDays(-1)), minutes = 30 }), HttpStatusCode.Created), "entryId");
        var correction = IdOf(await Ok(await Post(cw, $"/api/placements/{placement}/hours/{providerEntry}/correction", new { minutes = 45, reason = "Liste des Trägers" }), HttpStatusCode.Created), "entryId");
        var events = await PersonEvents(person);
        events.OfType<HoursLogged>().Single(l => l.EntryId == office).Should().BeEquivalentTo(new { Source = HourSource.Office, AfterConfirmation = true });
        events.OfType<HoursCorrected>().Single(c => c.EntryId == correction).AfterConfirmation.Should().BeTrue();
        events.OfType<HoursLogged>().Single(l => l.EntryId == providerEntry).AfterConfirmation.Should().BeNull();
        var days = (await GetOk(client, $"/api/offers/{offer}/timesheets/{month}"))["placements"]!.AsArray().Single()!["days"]!.AsArray();
        days.Select(d => d!["minutes"]!.GetValue<int>()).Sum().Should().Be(75);
    }

    [Fact]
    public async Task Confirmation_does_not_bind_the_offer_of_another_month_or_an_offer_without_provider()
    {
        var cw = await Caseworker();
        var plain = await NewOffer(cw);
        var placement = await NewPlacement(cw, plain, await NewPerson(cw));
        var entry = await Ok(await Post(cw, $"/api/placements/{placement}/hours", new { date = D(LastMonth.Last), minutes = 30 }), HttpStatusCode.Created);
        var person = (await Factory.Stream(plain)).Select(e => e.Data).OfType<PlaceOccupied>().Single().PersonId;
        (await PersonEvents(person)).OfType<HoursLogged>().Single(l => l.EntryId == IdOf(entry, "entryId")).AfterConfirmation.Should().BeNull();
        (await GetOk(cw, $"/api/offers/{plain}/timesheets/{LastMonth}"))["confirmed"].Should().BeNull();
    }
    /// <summary>
    /// The placement's hour list shows who logged each entry and whether the office did so after the month was confirmed,
    /// read from the hour rows; a rebuild from the events (`projections rebuild`) and the start-up fill of rows written
    /// before the columns existed give the same list.
    /// </summary>
    [Fact]
    public async Task The_placements_hours_show_their_source_and_after_confirmation_also_after_a_rebuild()
    {
        var (_, offer, _, placement, cw, client) = await Setup();
        var month = LastMonth;
        var day = month.Last;
        var providerEntry = IdOf(await Ok(await Post(client, $"/api/placements/{placement}/hours", new { date = D(day), minutes = 60 }), HttpStatusCode.Created), "entryId");
        var before = IdOf(await Ok(await Post(cw, $"/api/placements/{placement}/hours", new { date = D(day.AddDays(-1)), minutes = 30 }), HttpStatusCode.Created), "entryId");
        await Ok(await Post(client, $"/api/offers/{offer}/timesheets/{month}/confirmation", new { }), HttpStatusCode.Created);
        var after = IdOf(await Ok(await Post(cw, $"/api/placements/{placement}/hours", new { date = D(day.AddDays(-2)), minutes = 45 }), HttpStatusCode.Created), "entryId");
        var correction = IdOf(await Ok(await Post(cw, $"/api/placements/{placement}/hours/{providerEntry}/correction", new { minutes = 15, reason = "Liste des Trägers" }),
            HttpStatusCode.Created), "entryId");

        async Task<Dictionary<Guid, (string Source, bool AfterConfirmation)>> Hours()
        {
            var hours = (await GetOk(cw, $"/api/placements/{placement}"))["hours"]!.AsArray();
            return hours.ToDictionary(h => IdOf(h!, "entryId"), h => (h!["source"]!.GetValue<string>(), h["afterConfirmation"]!.GetValue<bool>()));
        }
        var expected = new Dictionary<Guid, (string, bool)>
        {
            [providerEntry] = ("provider", false),
            [before] = ("office", false),
            [after] = ("office", true),
            [correction] = ("office", true),
        };
        (await Hours()).Should().BeEquivalentTo(expected);
        var view = (await GetOk(cw, $"/api/placements/{placement}")).ToJsonString();

        await HourRowsRebuild.Run(Factory.Store, CancellationToken.None);
        (await GetOk(cw, $"/api/placements/{placement}")).ToJsonString().Should().Be(view);

        // A table migrated from before v3c: its rows lack both columns; the start-up fill takes them from the events.
        await using (var conn = new Npgsql.NpgsqlConnection(Factory.ConnectionString))
        {
            await conn.OpenAsync();
            await using var clear = new Npgsql.NpgsqlCommand(
                $"update {AGH.Projections.HourRows.Qualified(MartenSetup.Schema)} set source = null, after_confirmation = null where placement_id = @p", conn);
            clear.Parameters.AddWithValue("p", placement);
            (await clear.ExecuteNonQueryAsync()).Should().Be(4);
        }
        (await Hours()).Values.Distinct().Should().Equal([("office", false)], "a row without the columns reads as an entry recorded before v3c");
        var backfill = Factory.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<HourRowsBackfill>().Single();
        await backfill.StartAsync(CancellationToken.None);
        (await GetOk(cw, $"/api/placements/{placement}")).ToJsonString().Should().Be(view);
    }
}
