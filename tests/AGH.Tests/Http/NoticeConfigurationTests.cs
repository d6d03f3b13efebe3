using System.Net;
using AGH.Api.Infrastructure;
using AGH.Domain.Common;
using AGH.Domain.Notices;
using AGH.Domain.Persons;
using AGH.Domain.Placements;

namespace AGH.Tests.Http;

/// <summary>
/// A deployment that marks the Heranziehungsbescheid's first wording defective (its Rechtsbehelfsbelehrung was wrong) and
/// whose municipality Glandorf issues notices in its own name.
/// </summary>
public sealed class NoticeConfigurationFactory : AghFactory
{
    public const string GlandorfName = "Gemeinde Glandorf – Der Bürgermeister, Sozialamt";

    protected override IEnumerable<KeyValuePair<string, string>> Settings =>
    [
        new("Notices:DefectiveVersions:0", NoticeVersions.AssignmentNotice),
        new("Notices:Authorities:glandorf:Name", GlandorfName),
    ];
}

[CollectionDefinition(Name)]
public sealed class NoticeConfigurationCollection : ICollectionFixture<NoticeConfigurationFactory>
{
    public const string Name = "notice-configuration";
}

/// <summary>Notices:DefectiveVersions and Notices:Authorities:{municipality}:Name through the configured host (contract v3a).</summary>
[Collection(NoticeConfigurationCollection.Name)]
public sealed class NoticeConfigurationTests(NoticeConfigurationFactory factory) : HttpTest(factory)
{
    /// <summary>A placement recorded before v3 whose notice of the defective wording was handed over on <paramref name="served"/>.</summary>
    private async Task<(HttpClient Cw, Guid Placement, Guid Notice)> Served(string municipality, DateOnly served)
    {
        var cw = await Caseworker(municipality, "cw-" + Guid.NewGuid().ToString("N")[..6]);
        var offer = await NewOffer(cw, municipality);
        var person = await NewPerson(cw, municipality);
        var placement = Guid.CreateVersion7();
        await using (var session = Factory.Store.LightweightSession())
        {
            CommandActor.Set(session, new Actor("cw-legacy", "Erika Alt", Roles.Caseworker, municipality));
            session.Events.Append(person, new PersonAssigned(placement, person, offer, municipality, served, served.AddDays(7), 10, true, NoticeVersions.AssignmentNotice));
            await session.SaveChangesAsync();
        }
        return (cw, placement, NoticeIssuing.IdFor(placement, NoticeKind.Heranziehungsbescheid, 0));
    }

    [Fact]
    public async Task A_notice_of_a_defective_wording_runs_a_year_so_an_objection_after_its_first_month_is_timely_and_suspends_the_duty()
    {
        var served = Today.AddDays(-40);
        var (cw, placement, notice) = await Served("bad-iburg", served);

        var body = await GetOk(cw, $"/api/notices/{notice}");
        body["objectionDeadline"]!.GetValue<string>().Should().Be(D(NoticeCalendar.YearDeadline(served)));
        body["remedyDeadline"]!.GetValue<string>().Should().Be(D(NoticeCalendar.YearDeadline(served)));
        NoticeCalendar.MonthDeadline(served).Should().BeBefore(Today, "with the correct wording this objection would come too late");

        var filed = await Ok(await Post(cw, $"/api/placements/{placement}/objection",
            new { receivedOn = D(Today), statement = "Die Arbeit ist mir nicht zumutbar" }), HttpStatusCode.Created);
        filed["objection"]!["timely"]!.GetValue<bool>().Should().BeTrue();
        (await GetOk(cw, $"/api/placements/{placement}"))["objection"]!["timely"]!.GetValue<bool>().Should().BeTrue();

        // The suspension the timely objection brings reaches the refusal: no duty, so no refusal (§ 86a Abs. 1 SGG).
        await Rejected(() => Post(cw, $"/api/placements/{placement}/refusals", new { date = D(Today), kind = "explicit", statedReason = "will nicht" }),
            422, "duty-suspended");
    }

    [Fact]
    public async Task A_municipality_that_decides_in_its_own_name_is_the_notices_authority_and_the_others_keep_the_districts_letterhead()
    {
        var (glandorf, _, own) = await Served("glandorf", Today.AddDays(-3));
        var (iburg, _, district) = await Served("bad-iburg", Today.AddDays(-3));

        var ownNotice = await GetOk(glandorf, $"/api/notices/{own}");
        ownNotice["authority"]!["key"]!.GetValue<string>().Should().Be("glandorf");
        ownNotice["authority"]!["name"]!.GetValue<string>().Should().Be(NoticeConfigurationFactory.GlandorfName);

        var districtNotice = await GetOk(iburg, $"/api/notices/{district}");
        districtNotice["authority"]!["key"]!.GetValue<string>().Should().Be("bad-iburg");
        districtNotice["authority"]!["name"]!.GetValue<string>().Should().Be("Landkreis Osnabrück");
    }
}
