using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using AGH.Api.Infrastructure;
using AGH.Domain.Common;
using AGH.Domain.Notices;
using AGH.Domain.Placements;

namespace AGH.Tests.Http;

/// <summary>
/// Contract v3b "Heranziehungsbescheid v2" through the real host: what a new assignment must state (schedule, until,
/// reasoning, informationLanguage), the end of its period, and the v2 notice printed from it.
/// </summary>
[Collection(HttpCollection.Name)]
public sealed class AssignmentV3bTests(AghFactory factory) : HttpTest(factory)
{
    private static object Block(string weekday, string from, string to) => new { weekday, from, to };

    private object Body(Guid person, Guid offer, int hours = 10, object[]? schedule = null, DateOnly? until = null, string? reasoning = AssignmentFields.Reasoning,
        string? language = "ar", DateOnly? startsOn = null, DateOnly? served = null) => new
    {
        personId = person,
        offerId = offer,
        noticeServedOn = served is { } s ? D(s) : null,
        startsOn = D(startsOn ?? Today),
        hoursPerWeek = hours,
        schedule = schedule ?? [Block("monday", "08:00", "13:00"), Block("wednesday", "08:00", "13:00")],
        until = D(until ?? Today.AddMonths(3)),
        reasoning,
        informationLanguage = language,
    };

    private async Task<(HttpClient Cw, Guid Offer, Guid Person)> Setup(string userId)
    {
        var cw = await Caseworker(userId: userId);
        return (cw, await NewOffer(cw), await NewPerson(cw));
    }

    [Fact]
    public async Task A_notice_the_service_issues_requires_schedule_until_reasoning_and_language_and_one_served_outside_does_not()
    {
        var (cw, offer, person) = await Setup("cw-v3b-required");

        var problem = await Rejected(() => Post(cw, "/api/placements", new { personId = person, offerId = offer, startsOn = D(Today), hoursPerWeek = 10 }), 400);
        problem["errors"]!.AsObject().Select(e => e.Key).Should().Contain(["schedule", "until", "reasoning", "informationLanguage"]);
        await Rejected(() => Post(cw, "/api/placements", Body(person, offer, reasoning: "  ")), 400);
        await Rejected(() => Post(cw, "/api/placements", Body(person, offer, language: "AR")), 400);
        await Rejected(() => Post(cw, "/api/placements", Body(person, offer, language: "xx")), 400);

        // Served outside the service: only recorded, the fields optional but checked when given.
        await Rejected(() => Post(cw, "/api/placements", new
        {
            personId = person, offerId = offer, noticeServedOn = D(Today.AddDays(-3)), startsOn = D(Today), hoursPerWeek = 10, informationLanguage = "klingon",
        }), 400);
        var external = IdOf(await Ok(await Post(cw, "/api/placements", new
        {
            personId = person, offerId = offer, noticeServedOn = D(Today.AddDays(-3)), startsOn = D(Today), hoursPerWeek = 10,
        }), HttpStatusCode.Created));
        var shown = await GetOk(cw, $"/api/placements/{external}");
        shown["until"].Should().BeNull();
        shown["schedule"].Should().BeNull();
        shown["reasoning"].Should().BeNull();
        shown["informationLanguage"].Should().BeNull();
    }

    [Theory]
    [InlineData("mo", "08:00", "12:00")]
    [InlineData("monday", "8:00", "12:00")]
    [InlineData("monday", "08:10", "12:00")]
    [InlineData("monday", "08:00", "08:00")]
    [InlineData("monday", "12:00", "08:00")]
    [InlineData("monday", "08:00", "24:15")]
    [InlineData("monday", "08:00", "12:00:00")]
    public async Task A_block_not_in_quarter_hours_or_not_from_before_to_is_400(string weekday, string from, string to)
    {
        var (cw, offer, person) = await Setup("cw-v3b-format");
        await Rejected(() => Post(cw, "/api/placements", Body(person, offer, 10, [Block(weekday, from, to), Block("friday", "08:00", "14:00")])), 400);
    }

    [Fact]
    public async Task Blocks_that_overlap_on_a_day_or_do_not_add_up_to_the_hours_are_422_schedule_mismatch()
    {
        var (cw, offer, person) = await Setup("cw-v3b-mismatch");

        await Rejected(() => Post(cw, "/api/placements", Body(person, offer, 10,
            [Block("monday", "08:00", "13:00"), Block("monday", "12:00", "17:00")])), 422, "schedule-mismatch");
        await Rejected(() => Post(cw, "/api/placements", Body(person, offer, 10,
            [Block("monday", "08:00", "13:00"), Block("tuesday", "08:00", "12:45")])), 422, "schedule-mismatch");
        // Touching blocks on one day and the same times on two days are fine.
        await Ok(await Post(cw, "/api/placements", Body(person, offer, 10,
            [Block("monday", "08:00", "10:30"), Block("monday", "10:30", "13:00"), Block("tuesday", "08:00", "13:00")])), HttpStatusCode.Created);
    }

    [Fact]
    public async Task Until_must_lie_after_the_start_and_within_six_months_counted_by_section_188_BGB()
    {
        var (cw, offer, person) = await Setup("cw-v3b-until");
        var start = Today.AddDays(3);
        var last = Dates.EndOfMonthsPeriod(start, 6);

        await Rejected(() => Post(cw, "/api/placements", Body(person, offer, startsOn: start, until: start)), 422, "period-too-long");
        await Rejected(() => Post(cw, "/api/placements", Body(person, offer, startsOn: start, until: start.AddDays(-1))), 422, "period-too-long");
        await Rejected(() => Post(cw, "/api/placements", Body(person, offer, startsOn: start, until: last.AddDays(1))), 422, "period-too-long");
        var created = await Ok(await Post(cw, "/api/placements", Body(person, offer, startsOn: start, until: last)), HttpStatusCode.Created);
        (await GetOk(cw, $"/api/placements/{IdOf(created)}"))["until"]!.GetValue<string>().Should().Be(D(last));
    }

    [Fact]
    public async Task The_assignment_records_what_the_notice_states_and_the_v2_notice_prints_it_signed_with_the_deciders_name()
    {
        var client = Factory.CreateDefaultClient(new OpenApi.ContractCheck());
        var token = await (await client.PostAsJsonAsync("/dev/token", new { userId = "u-4711", name = "Maria Schulte", role = "caseworker", municipality = "bad-iburg" }))
            .Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonNode>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token!["accessToken"]!.GetValue<string>());
        var offer = await NewOffer(client);
        var person = await NewPerson(client);
        var until = Today.AddMonths(2);
        const string reasoning = "Die Stelle liegt 1,2 km von der Unterkunft entfernt; die Kinder sind vormittags in der Kita.";

        var created = await Ok(await Post(client, "/api/placements", Body(person, offer, 12,
            [Block("wednesday", "13:00", "17:00"), Block("monday", "08:00", "12:00"), Block("monday", "13:00", "15:00"), Block("friday", "09:00", "11:00")],
            until, reasoning, "fa")), HttpStatusCode.Created);
        var placement = IdOf(created);

        var shown = await GetOk(client, $"/api/placements/{placement}");
        shown["until"]!.GetValue<string>().Should().Be(D(until));
        shown["reasoning"]!.GetValue<string>().Should().Be(reasoning);
        shown["informationLanguage"]!.GetValue<string>().Should().Be("fa");
        shown["schedule"]!.AsArray().Select(b => $"{b!["weekday"]} {b["from"]}-{b["to"]}")
            .Should().Equal("wednesday 13:00-17:00", "monday 08:00-12:00", "monday 13:00-15:00", "friday 09:00-11:00");
        shown["noticeVersion"]!.GetValue<string>().Should().Be(NoticeVersions.AssignmentNoticeV2);
        shown["status"]!.GetValue<string>().Should().Be("active");

        var assigned = (await Factory.Stream(person)).Select(e => e.Data).OfType<PersonAssigned>().Single();
        assigned.Until.Should().Be(until);
        assigned.Reasoning.Should().Be(reasoning);
        assigned.InformationLanguage.Should().Be("fa");
        assigned.Schedule.Should().HaveCount(4).And.Contain(new ScheduleBlock(Weekday.Friday, 9 * 60, 11 * 60));
        var notice = await GetOk(client, $"/api/notices/{IdOf(created, "noticeId")}");
        notice["version"]!.GetValue<string>().Should().Be(NoticeVersions.AssignmentNoticeV2);

        var response = await client.GetAsync($"/api/notices/{IdOf(created, "noticeId")}/pdf");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var text = Unit.PdfText.Of(await response.Content.ReadAsByteArrayAsync());
        text.Should().Contain("Arbeitszeiten")
            .And.Contain("Montag 08:00–12:00 Uhr").And.Contain("Montag 13:00–15:00 Uhr").And.Contain("Mittwoch 13:00–17:00 Uhr").And.Contain("Freitag 09:00–11:00 Uhr")
            .And.Contain($"bis zum {until:dd.MM.yyyy} befristet")
            .And.Contain("Begründung").And.Contain("1,2 km von der Unterkunft")
            .And.Contain("Maria Schulte").And.NotContain("u-4711")
            .And.Contain("Landkreis Osnabrück")
            .And.Contain("§ 4 AsylbLG").And.Contain("§ 1a Abs. 1 S. 3 AsylbLG").And.Contain("So vermeiden Sie eine Anspruchseinschränkung")
            .And.NotContain("Andere Leistungen, insbesondere für den persönlichen Bedarf, erhalten Sie dann nicht")
            .And.Contain("Textfassung heranziehungsbescheid-v2");
        text.IndexOf("Montag 08:00", StringComparison.Ordinal).Should().BeLessThan(text.IndexOf("Mittwoch 13:00", StringComparison.Ordinal), "Monday first");
    }

    [Fact]
    public async Task A_placement_recorded_before_keeps_its_wording_and_its_v1_annex()
    {
        var cw = await Caseworker(userId: "cw-v3b-legacy");
        var offer = await NewOffer(cw);
        var person = await NewPerson(cw);
        var placement = Guid.CreateVersion7();
        await using (var session = Factory.Store.LightweightSession())
        {
            CommandActor.Set(session, new Actor("cw-legacy", "Erika Alt", Roles.Caseworker, "bad-iburg"));
            session.Events.Append(person, new PersonAssigned(placement, person, offer, "bad-iburg", Today.AddDays(-3), Today, 10, true, NoticeVersions.AssignmentNotice));
            await session.SaveChangesAsync();
        }
        var shown = await GetOk(cw, $"/api/placements/{placement}");
        shown["until"].Should().BeNull();
        shown["schedule"].Should().BeNull();
        shown["status"]!.GetValue<string>().Should().Be("active");
        var notice = NoticeIssuing.IdFor(placement, NoticeKind.Heranziehungsbescheid, 0);

        var response = await cw.GetAsync($"/api/notices/{notice}/pdf?annex=ar");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentDisposition!.ToString().Should().Contain("rfb-ar-v1");
        var text = Unit.PdfText.Of(await response.Content.ReadAsByteArrayAsync());
        text.Should().Contain("Textfassung heranziehungsbescheid-v1").And.NotContain("Arbeitszeiten")
            .And.Contain("Andere Leistungen, insbesondere für den persönlichen Bedarf, erhalten Sie dann nicht");
        (await GetOk(cw, $"/api/notices/{notice}"))["annexes"]!.AsArray().Single()!["version"]!.GetValue<string>().Should().Be("rfb-ar-v1");
    }

    [Fact]
    public async Task After_until_the_placement_reads_ended_period_ended_refuses_hours_and_refusals_after_it_and_the_person_can_be_assigned_again()
    {
        var (cw, offer, person) = await Setup("cw-v3b-ended");
        var until = Today.AddDays(-2);
        var placement = IdOf(await Ok(await Post(cw, "/api/placements", Body(person, offer, startsOn: Today.AddDays(-30), until: until,
            served: Today.AddDays(-35))), HttpStatusCode.Created));

        var shown = await GetOk(cw, $"/api/placements/{placement}");
        shown["status"]!.GetValue<string>().Should().Be("ended");
        shown["endReason"]!.GetValue<string>().Should().Be("period-ended");
        shown["endedOn"]!.GetValue<string>().Should().Be(D(until));
        (await GetOk(cw, $"/api/placements?personId={person}&status=ended")).AsArray().Should().ContainSingle();
        (await GetOk(cw, $"/api/placements?personId={person}&status=active")).AsArray().Should().BeEmpty();

        await Ok(await Post(cw, $"/api/placements/{placement}/hours", new { date = D(until), minutes = 120 }), HttpStatusCode.Created);
        await Rejected(() => Post(cw, $"/api/placements/{placement}/hours", new { date = D(until.AddDays(1)), minutes = 120 }), 422, "outside-placement");
        await Rejected(() => Post(cw, $"/api/placements/{placement}/refusals", new { date = D(until.AddDays(1)), kind = "no-show", statedReason = "nicht erschienen" }),
            422, "outside-placement");

        // Its period over, the person is free for another assignment.
        (await GetOk(cw, $"/api/persons/{person}"))["status"]!.GetValue<string>().Should().Be("available");
        await Ok(await Post(cw, "/api/placements", Body(person, await NewOffer(cw))), HttpStatusCode.Created);
    }

    [Theory]
    [InlineData("period-ended")]
    [InlineData("objection-upheld")]
    public async Task An_end_reason_the_service_records_itself_is_never_accepted_from_a_client(string reason)
    {
        var (cw, offer, person) = await Setup("cw-v3b-end");
        var placement = await NewPlacement(cw, offer, person);
        await Rejected(() => Post(cw, $"/api/placements/{placement}/end", new { date = D(Today), reason }), 400);
    }
}
