using AGH.Api.Notices;
using AGH.Domain.Common;
using AGH.Domain.Payouts;
using AGH.Domain.Placements;
using AGH.Domain.Sanctions;
using AGH.Tests.Domain;

namespace AGH.Tests.Unit;

/// <summary>The notices rendered without a host: configuration, the rate table, stored events from before versioning, long texts.</summary>
public class NoticeRenderingTests
{
    private static AssignmentNoticeData Assigned(int rateCents = 80)
    {
        var (person, placement) = Given.Placed(A.PlacedPerson());
        return new AssignmentNoticeData(person, placement, Given.Offer(A.OfferRegistered()), "Sozialamt Bad Iburg", rateCents);
    }

    [Fact]
    public void The_letterhead_and_the_Widerspruch_address_come_from_configuration()
    {
        var settings = new NoticeSettings
        {
            Authority = new NoticeSettings.AuthoritySettings
            {
                Name = "Samtgemeinde Artland", Department = "Sozialamt", Street = "Ringstraße 2", PostalCode = "49610", City = "Quakenbrück",
                Phone = "05431 18-0", Email = "sozialamt@artland.example", ObjectionAuthority = "Landkreis Osnabrück",
                ObjectionAddress = "Am Schölerberg 1, 49082 Osnabrück",
            },
        };

        var text = PdfText.Of(AssignmentNoticeText.Render(NoticeVersions.AssignmentNotice, Assigned(), settings));

        text.Should().ContainAll("Samtgemeinde Artland", "Ringstraße 2, 49610 Quakenbrück", "Telefon 05431 18-0", "sozialamt@artland.example",
            "zur Niederschrift bei folgender Stelle einzulegen: Landkreis Osnabrück, Am Schölerberg 1, 49082 Osnabrück");
    }

    [Fact]
    public void The_allowance_named_is_the_rate_in_force_on_the_start_date()
    {
        var before = RateTable.Default.CentsOn(T.D(2016, 8, 5));

        PdfText.Of(AssignmentNoticeText.Render(NoticeVersions.AssignmentNotice, Assigned(before), new NoticeSettings()))
            .Should().Contain("Aufwandsentschädigung von 1,05 EUR");
        PdfText.Of(AssignmentNoticeText.Render(NoticeVersions.AssignmentNotice, Assigned(RateTable.Default.CentsOn(T.D(2016, 8, 6))), new NoticeSettings()))
            .Should().Contain("Aufwandsentschädigung von 0,80 EUR");
    }

    [Fact]
    public void A_notice_recorded_before_versioning_is_printed_in_the_first_wording_and_an_unknown_wording_is_refused()
    {
        var (_, placement) = Given.Placed(A.PlacedPerson());
        placement.NoticeVersion.Should().BeNull();

        AssignmentNoticeText.VersionFor(placement).Should().Be(NoticeVersions.AssignmentNotice);
        RestrictionNoticeText.VersionFor(A.SanctionDecided(true, T.D(2026, 12, 1))).Should().Be(NoticeVersions.RestrictionNotice);
        RestrictionNoticeText.VersionFor(A.SanctionDecided(false)).Should().Be(NoticeVersions.NoRestrictionNotice);
        FluentActions.Invoking(() => AssignmentNoticeText.Render("heranziehungsbescheid-v0", Assigned(), new NoticeSettings()))
            .Should().Throw<InvalidOperationException>();
    }

    [Fact]
    public void A_long_reasoning_flows_onto_further_pages_without_losing_its_end()
    {
        var reasoning = string.Join(" ", Enumerable.Range(1, 900).Select(i => $"Begründungswort{i}")) + " " + new string('x', 300) + " ENDE";
        var history = A.RefusalReadyForSanction(A.SanctionProposed());
        var (person, placement) = Given.Placed(history);
        var decided = A.SanctionDecided(true, T.D(2026, 12, 1)) with { Reasoning = reasoning };
        var data = new RestrictionNoticeData(person, placement, Given.Offer(A.OfferRegistered()), placement.Refusals[T.RefusalId], decided,
            T.Today, "Sozialamt Bad Iburg");

        var text = PdfText.Of(RestrictionNoticeText.Render(NoticeVersions.RestrictionNotice, data, new NoticeSettings()), out var pages);

        pages.Should().BeGreaterThan(2);
        text.Should().ContainAll("Begründungswort1 ", "Begründungswort900", " ENDE", $"Seite {pages} von {pages}", "Rechtsbehelfsbelehrung");
        text.Replace(" ", "").Should().Contain(new string('x', 300));
    }
}
