using System.Net;
using System.Text.Json.Nodes;
using AGH.Domain.Payouts;

namespace AGH.Tests.Http;

/// <summary>Contract v3d "Names, not login ids": a "…Name" beside every staff id, and payout run lines with names and file reference.</summary>
[Collection(HttpCollection.Name)]
public sealed class StaffNameTests(AghFactory factory) : HttpTest(factory)
{
    [Fact]
    public async Task A_proposal_names_who_proposed_and_who_decided_by_the_name_their_token_carried()
    {
        var cw = await Caseworker("hilter", "cw-names-prop");
        var official = await As("official", "hilter", "off-names-prop");
        var placement = await NewPlacement(cw, await NewOffer(cw, "hilter"), await NewPerson(cw, "hilter"), notice: Today.AddDays(-40), startsOn: Today.AddDays(-30));
        var refusal = IdOf(await Ok(await Post(cw, $"/api/placements/{placement}/refusals",
            new { date = D(Today.AddDays(-10)), kind = "explicit", statedReason = "will nicht" }), HttpStatusCode.Created), "refusalId");
        var url = $"/api/placements/{placement}/refusals/{refusal}";
        await Ok(await Post(cw, $"{url}/assessment", new { goodCause = false, reasoning = "kein Grund" }));
        await Ok(await Post(cw, $"{url}/hearing", new { heldOn = D(Today.AddDays(-8)), statement = "keine Äußerung" }));
        var proposal = IdOf(await Ok(await Post(cw, $"/api/placements/{placement}/sanction-proposals",
            new { refusalId = refusal, reasoning = "Weigerung ohne wichtigen Grund" }), HttpStatusCode.Created));

        var read = await GetOk(official, $"/api/sanction-proposals/{proposal}");
        read["proposedBy"]!.GetValue<string>().Should().Be("cw-names-prop");
        read["proposedByName"]!.GetValue<string>().Should().Be("Test cw-names-prop");
        read["decidedByName"].Should().BeNull("nobody decided yet");

        await Ok(await Post(official, $"/api/sanction-proposals/{proposal}/decision", new { approved = false, reasoning = "Härte" }));
        var decided = await GetOk(cw, $"/api/sanction-proposals/{proposal}");
        decided["decidedBy"]!.GetValue<string>().Should().Be("off-names-prop");
        decided["decidedByName"]!.GetValue<string>().Should().Be("Test off-names-prop");
        // The placement's embedded proposals carry the names too (one rule for every answer).
        (await GetOk(cw, $"/api/placements/{placement}"))["sanctionProposals"]![0]!["decidedByName"]!.GetValue<string>().Should().Be("Test off-names-prop");
    }
}

/// <summary>Contract v3d: payroll reviews a run by names (in the payout database: runs pay the whole district).</summary>
[Collection(PayoutCollection.Name)]
public sealed class PayoutRunNameTests(PayoutFactory factory) : HttpTest(factory)
{
    [Fact]
    public async Task A_payout_run_names_its_preparer_and_each_line_the_persons_names_and_file_reference()
    {
        var cw = await Caseworker("hilter", "cw-names-run");
        var pay = await As("payroll", userId: "pay-names-run");
        var month = Month.Of(Today.AddMonths(-43));
        var offer = await NewOffer(cw, "hilter", startsOn: month.First.AddYears(-1));
        var person = IdOf(await Ok(await Post(cw, "/api/persons", PersonBody("hilter", entitledSince: month.First.AddYears(-1))), HttpStatusCode.Created));
        var fileReference = (await GetOk(cw, $"/api/persons/{person}"))["fileReference"]!.GetValue<string>();
        var placement = await NewPlacement(cw, offer, person, notice: month.First.AddDays(-7), startsOn: month.First);
        await Ok(await Post(cw, $"/api/placements/{placement}/hours", new { date = D(month.First.AddDays(3)), minutes = 60 }), HttpStatusCode.Created);

        var prepared = await Post(pay, "/api/payout-runs", new { month = month.ToString() });
        var id = IdOf(await Ok(prepared, prepared.StatusCode == HttpStatusCode.Created ? HttpStatusCode.Created : HttpStatusCode.OK));
        var run = await GetOk(pay, $"/api/payout-runs/{id}");
        run["preparedByName"]!.GetValue<string>().Should().Be($"Test {run["preparedBy"]!.GetValue<string>()}");
        var line = run["lines"]!.AsArray().Single(l => l!["personId"]!.GetValue<string>() == person.ToString())!;
        line["familyName"]!.GetValue<string>().Should().Be("Yusuf");
        line["givenName"]!.GetValue<string>().Should().Be("Amina");
        line["fileReference"]!.GetValue<string>().Should().Be(fileReference);
        // Payroll still reads no person otherwise.
        await ShouldBeProblem(await pay.GetAsync($"/api/persons/{person}"), 403);
    }
}
