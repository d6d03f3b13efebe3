using AGH.Tests.Generated;

namespace AGH.Tests.Http.OpenApi;

/// <summary>A database of its own: the payout run pays every open entry of the month in the district.</summary>
public sealed class GeneratedClientFactory : AghFactory;

[CollectionDefinition(Name)]
public sealed class GeneratedClientCollection : ICollectionFixture<GeneratedClientFactory>
{
    public const string Name = "generated-client";
}

/// <summary>
/// Issue 10 "A generated client proves it": the NSwag client generated at build time from openapi/agh-v1.json (see
/// AGH.Tests.csproj) drives a whole case through the real host, as a municipality's front-end would.
/// </summary>
[Collection(GeneratedClientCollection.Name)]
public sealed class GeneratedClientTests(GeneratedClientFactory factory) : HttpTest(factory)
{
    private async Task<AghClient> ClientAs(string role, string userId, string? municipality = "bad-iburg") =>
        new(await Factory.ClientFor(role, municipality, userId));

    [Fact]
    public async Task A_client_generated_from_the_document_drives_a_case_from_offer_to_payout_and_history()
    {
        var caseworker = await ClientAs("caseworker", "gc-cw");
        var official = await ClientAs("official", "gc-official");
        var payroll = await ClientAs("payroll", "gc-pay-1", municipality: null);
        var releaser = await ClientAs("payroll", "gc-pay-2", municipality: null);
        var auditor = await ClientAs("auditor", "gc-auditor", municipality: null);
        var lastMonth = new DateOnly(Today.Year, Today.Month, 1).AddMonths(-1);

        var offerId = (await (caseworker.RegisterOfferAsync(null, new RegisterOfferRequest
        {
            ProviderType = ProviderType.Municipality,
            ProviderName = "Gemeinde Bad Iburg, Bauhof",
            Municipality = "bad-iburg",
            Title = "Grünflächenpflege",
            Activity = "Pflege öffentlicher Grünflächen",
            Places = 3,
            HoursPerWeek = 20,
            StartsOn = Today.AddYears(-1),
            ReportTo = "Bauhof, Am Markt 1",
            ServesPublicBenefit = true,
        }))).Id;
        (await caseworker.GetOfferAsync(offerId)).Title.Should().Be("Grünflächenpflege");

        var personId = (await (caseworker.RegisterPersonAsync(null, new RegisterPersonRequest
        {
            Municipality = "bad-iburg",
            GivenName = "Amina",
            FamilyName = "Yusuf",
            DateOfBirth = Today.AddYears(-30),
            EntitledSince = Today.AddYears(-2),
            FileReference = "AZ-GC-" + Guid.NewGuid().ToString("N")[..12],
        }))).Id;

        var placementId = (await (caseworker.AssignPersonAsync(null, new AssignPersonRequest
        {
            PersonId = personId,
            OfferId = offerId,
            NoticeServedOn = lastMonth.AddDays(-7),
            StartsOn = lastMonth,
            HoursPerWeek = 15,
        }))).Id;

        var entry = await (caseworker.LogHoursAsync(placementId, null, null,
            new LogHoursRequest { Date = lastMonth.AddDays(1), Minutes = 240 }));
        entry.EntryId.Should().NotBeEmpty();
        var placement = await caseworker.GetPlacementAsync(placementId);
        placement.PersonId.Should().Be(personId);
        placement.Status.Should().Be(PlacementStatus.Active);

        // Refusal to decision: recorded, assessed without good cause, heard, proposed, decided by another official.
        var refusalId = (await (caseworker.RecordRefusalAsync(placementId, null, null,
            new RecordRefusalRequest { Date = Today.AddDays(-3), Kind = RefusalKind.NoShow, StatedReason = "keine Angabe" }))).RefusalId;
        await caseworker.AssessRefusalAsync(placementId, refusalId, null, null,
            new RefusalAssessmentRequest { GoodCause = false, Reasoning = "Kein wichtiger Grund vorgetragen" });
        var heard = await caseworker.HoldHearingAsync(placementId, refusalId, null, null,
            new HoldHearingRequest { HeldOn = Today.AddDays(-1), Statement = "Person äußert sich nicht" });
        heard.Refusals.Should().ContainSingle().Which.Assessment!.GoodCause.Should().BeFalse();
        var proposalId = (await (caseworker.ProposeSanctionAsync(placementId, null, null,
            new ProposeSanctionRequest { RefusalId = refusalId, Reasoning = "Unentschuldigtes Fernbleiben trotz Belehrung" }))).Id;
        var decided = await official.DecideSanctionAsync(proposalId, null, null,
            new DecideSanctionRequest
            {
                Approved = true, Reasoning = "Voraussetzungen des § 1a Abs. 1 AsylbLG liegen vor", StartsOn = Today,
                Amounts = new AmountsBody { MonthlyBeforeCents = 44100, MonthlyAfterCents = 22050 },
                SpecialCircumstances = new SpecialCircumstancesBody { Considered = true, Granted = [], Reasoning = "Keine besonderen Umstände ersichtlich." },
                ApprovalNotice = new ApprovalNoticeBody { Date = Today.AddMonths(-3), Basis = RevocationBasis.Section48 },
            });
        decided.Status.Should().Be(ProposalStatus.Approved);
        decided.DecidedBy.Should().Be("gc-official");
        decided.StartsOn.Should().Be(Today);

        // Payout run: prepared by one payroll clerk, released by another (four-eyes).
        var run = await payroll.PreparePayoutRunAsync(null, new PreparePayoutRunRequest { Month = lastMonth.ToString("yyyy-MM") });
        run.Status.Should().Be(PayoutRunStatus.Prepared);
        run.Lines.Should().ContainSingle(l => l.PersonId == personId).Which.Minutes.Should().Be(240);
        var released = await releaser.ReleasePayoutRunAsync(run.Id, null);
        released.Status.Should().Be(PayoutRunStatus.Released);
        released.ReleasedBy.Should().Be("gc-pay-2");

        var history = await auditor.GetPersonHistoryAsync(personId, null, null, null);
        history.PersonId.Should().Be(personId);
        history.Entries!.Select(e => e.Type).Should().ContainInOrder("PersonRegistered", "PersonAssigned", "HoursLogged",
            "RefusalRecorded", "RefusalAssessed", "HearingHeld", "SanctionProposed", "SanctionDecided");
        history.Entries.Should().OnlyContain(e => !string.IsNullOrWhiteSpace(e.LegalBasis));
    }
}
