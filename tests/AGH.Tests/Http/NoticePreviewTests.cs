using System.Net;
using System.Text.Json.Nodes;
using UglyToad.PdfPig;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;

namespace AGH.Tests.Http;

/// <summary>
/// Contract v3d: GET /api/notices/{id}/preview, the notice before dispatch as PDF marked "Entwurf" on every page, read back
/// with PdfPig; after dispatch 409 already-dispatched.
/// </summary>
[Collection(HttpCollection.Name)]
public sealed class NoticePreviewTests(AghFactory factory) : HttpTest(factory)
{
    private static Guid NoticeOf(JsonNode created) => Guid.Parse(created["noticeId"]!.GetValue<string>());

    private static IReadOnlyList<string> Pages(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return document.GetPages().Select(p => System.Text.RegularExpressions.Regex.Replace(ContentOrderTextExtractor.GetText(p), @"\s+", " ")).ToList();
    }

    private static async Task<byte[]> PdfOf(HttpResponseMessage response)
    {
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/pdf");
        return await response.Content.ReadAsByteArrayAsync();
    }

    [Fact]
    public async Task The_restriction_notice_before_dispatch_is_a_draft_on_every_page_with_the_staffs_texts_and_after_dispatch_is_409()
    {
        var cw = await Caseworker();
        var offer = await NewOffer(cw);
        var person = await NewPerson(cw);
        var placement = await NewPlacement(cw, offer, person, Today.AddDays(-60), Today.AddDays(-50));
        await Ok(await Post(cw, $"/api/placements/{placement}/hours", new { date = D(Today.AddDays(-25)), minutes = 60 }), HttpStatusCode.Created);
        var refusal = IdOf(await Ok(await Post(cw, $"/api/placements/{placement}/refusals",
            new { date = D(Today.AddDays(-20)), kind = "no-show", statedReason = "Sagt, er habe verschlafen" }), HttpStatusCode.Created), "refusalId");
        await Ok(await Post(cw, $"/api/placements/{placement}/refusals/{refusal}/assessment", new { goodCause = false, reasoning = "Verschlafen ist kein wichtiger Grund" }));
        await Ok(await Post(cw, $"/api/placements/{placement}/refusals/{refusal}/hearing", new { heldOn = D(Today.AddDays(-5)), statement = "Der Wecker war kaputt" }));
        var proposal = IdOf(await Ok(await Post(cw, $"/api/placements/{placement}/sanction-proposals",
            new { refusalId = refusal, reasoning = "ohne wichtigen Grund" }), HttpStatusCode.Created));
        var official = await As("official", "bad-iburg", "official-preview");
        var decided = await Ok(await Post(official, $"/api/sanction-proposals/{proposal}/decision",
            new { approved = true, reasoning = "Die Pflichtverletzung ist belegt", startsOn = D(Today), amounts = V3bTerms.Amounts, specialCircumstances = V3bTerms.Special, approvalNotice = V3bTerms.Notice }));
        var notice = NoticeOf(decided);

        var preview = await PdfOf(await official.GetAsync($"/api/notices/{notice}/preview"));
        var pages = Pages(preview);
        pages.Should().NotBeEmpty();
        pages.Should().AllSatisfy(p => p.Should().Contain("Entwurf – noch nicht versandt").And.Contain("ENTWURF"));
        var text = string.Join(" ", pages);
        text.Should().Contain("Bescheid über die Einschränkung Ihrer Leistungen").And.Contain("Sagt, er habe verschlafen")
            .And.Contain("Verschlafen ist kein wichtiger Grund").And.Contain("Der Wecker war kaputt").And.Contain("Die Pflichtverletzung ist belegt");
        // The caseworker and the auditor read it as they read the notice; the notice itself carries no marker.
        (await PdfOf(await cw.GetAsync($"/api/notices/{notice}/preview"))).Should().NotBeEmpty();
        (await PdfOf(await (await As("auditor")).GetAsync($"/api/notices/{notice}/preview"))).Should().NotBeEmpty();
        Unit.PdfText.Of(await PdfOf(await cw.GetAsync($"/api/notices/{notice}/pdf"))).Should().NotContain("Entwurf").And.NotContain("ENTWURF");

        // Reading the draft records nothing: the notice still awaits dispatch.
        (await GetOk(cw, $"/api/notices/{notice}"))["dispatch"].Should().BeNull();
        await NotifyDecision(person, decided);
        var problem = await ShouldBeProblem(await cw.GetAsync($"/api/notices/{notice}/preview"), 409, "already-dispatched");
        problem["detail"]!.GetValue<string>().Should().Contain($"/api/notices/{notice}/pdf");
    }

    [Fact]
    public async Task The_assignment_notice_is_previewed_until_dispatched_and_again_after_it_did_not_arrive()
    {
        var cw = await Caseworker();
        var created = await Ok(await Post(cw, "/api/placements", AssignmentFields.Body(await NewPerson(cw), await NewOffer(cw), Today, 15)), HttpStatusCode.Created);
        var notice = NoticeOf(created);

        var text = Unit.PdfText.Of(await PdfOf(await cw.GetAsync($"/api/notices/{notice}/preview")));
        text.Should().Contain("Entwurf – noch nicht versandt").And.Contain("Heranziehungsbescheid");

        await Ok(await Post(cw, $"/api/notices/{notice}/dispatch", new { method = "handed-over", on = D(Today) }));
        await ShouldBeProblem(await cw.GetAsync($"/api/notices/{notice}/preview"), 409, "already-dispatched");
        await Ok(await Post(cw, $"/api/notices/{notice}/receipt", new { outcome = "not-received", note = "kam nicht an" }));
        Unit.PdfText.Of(await PdfOf(await cw.GetAsync($"/api/notices/{notice}/preview"))).Should().Contain("Entwurf – noch nicht versandt");
    }

    [Fact]
    public async Task Another_municipality_finds_no_draft_and_roles_that_read_no_notice_are_refused()
    {
        var cw = await Caseworker();
        var created = await Ok(await Post(cw, "/api/placements", AssignmentFields.Body(await NewPerson(cw), await NewOffer(cw), Today, 15)), HttpStatusCode.Created);
        var notice = NoticeOf(created);

        await ShouldBeProblem(await (await Caseworker("melle")).GetAsync($"/api/notices/{notice}/preview"), 404);
        await ShouldBeProblem(await (await As("official", "melle", "official-melle-preview")).GetAsync($"/api/notices/{notice}/preview"), 404);
        await ShouldBeProblem(await cw.GetAsync($"/api/notices/{Guid.NewGuid()}/preview"), 404);
        foreach (var role in new[] { "coordinator", "payroll" })
            await ShouldBeProblem(await (await As(role)).GetAsync($"/api/notices/{notice}/preview"), 403);
    }
}
