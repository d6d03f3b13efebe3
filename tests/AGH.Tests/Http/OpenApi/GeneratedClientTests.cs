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

        var offerId = (await Created<CreatedId>(caseworker.POST_api_offersAsync(null, new RegisterOfferRequest
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
        }))).Id!.Value;
        (await caseworker.OffersAsync(offerId)).Title.Should().Be("Grünflächenpflege");

        var personId = (await Created<CreatedId>(caseworker.POST_api_personsAsync(null, new RegisterPersonRequest
        {
            Municipality = "bad-iburg",
            GivenName = "Amina",
            FamilyName = "Yusuf",
            DateOfBirth = Today.AddYears(-30),
            EntitledSince = Today.AddYears(-2),
            FileReference = "AZ-GC-" + Guid.NewGuid().ToString("N")[..6],
        }))).Id!.Value;

        var placementId = (await Created<CreatedId>(caseworker.POST_api_placementsAsync(null, new AssignPersonRequest
        {
            PersonId = personId,
            OfferId = offerId,
            NoticeServedOn = lastMonth.AddDays(-7),
            StartsOn = lastMonth,
            HoursPerWeek = 15,
        }))).Id!.Value;

        var entry = await Created<LogHoursCreated>(caseworker.POST_api_placements_id_hoursAsync(placementId, null, null,
            new LogHoursRequest { Date = lastMonth.AddDays(1), Minutes = 240 }));
        entry.EntryId.Should().NotBeNull();
        var placement = await caseworker.PlacementsAsync(placementId);
        placement.PersonId.Should().Be(personId);
        placement.Status.Should().Be(PlacementStatus.Active);

        // Refusal to decision: recorded, assessed without good cause, heard, proposed, decided by another official.
        var refusalId = (await Created<RecordRefusalCreated>(caseworker.POST_api_placements_id_refusalsAsync(placementId, null, null,
            new RecordRefusalRequest { Date = Today.AddDays(-3), Kind = RefusalKind.NoShow, StatedReason = "keine Angabe" }))).RefusalId!.Value;
        await caseworker.POST_api_placements_id_refusals_refusalId_assessmentAsync(placementId, refusalId, null, null,
            new AssessRefusalRequest { GoodCause = false, Reasoning = "Kein wichtiger Grund vorgetragen" });
        var heard = await caseworker.POST_api_placements_id_refusals_refusalId_hearingAsync(placementId, refusalId, null, null,
            new HoldHearingRequest { HeldOn = Today.AddDays(-1), Statement = "Person äußert sich nicht" });
        heard.Refusals.Should().ContainSingle().Which.Assessment!.GoodCause.Should().BeFalse();
        var proposalId = (await Created<CreatedId>(caseworker.POST_api_placements_id_sanction_proposalsAsync(placementId, null, null,
            new ProposeSanctionRequest { RefusalId = refusalId, Reasoning = "Unentschuldigtes Fernbleiben trotz Belehrung" }))).Id!.Value;
        var decided = await official.POST_api_sanction_proposals_id_decisionAsync(proposalId, null, null,
            new DecideSanctionRequest { Approved = true, Reasoning = "Voraussetzungen des § 1a Abs. 1 AsylbLG liegen vor", StartsOn = Today });
        decided.Status.Should().Be(ProposalStatus.Approved);
        decided.DecidedBy.Should().Be("gc-official");
        decided.StartsOn.Should().Be(Today);

        // Payout run: prepared by one payroll clerk, released by another (four-eyes).
        var run = await payroll.POST_api_payout_runsAsync(null, new PreparePayoutRunRequest { Month = lastMonth.ToString("yyyy-MM") });
        run.Status.Should().Be(PayoutRunStatus.Prepared);
        run.Lines.Should().ContainSingle(l => l.PersonId == personId).Which.Minutes.Should().Be(240);
        var released = await releaser.POST_api_payout_runs_id_releaseAsync(run.Id!.Value, null, null);
        released.Status.Should().Be(PayoutRunStatus.Released);
        released.ReleasedBy.Should().Be("gc-pay-2");

        var history = await auditor.HistoryAsync(personId, null);
        history.PersonId.Should().Be(personId);
        history.Entries!.Select(e => e.Type).Should().ContainInOrder("PersonRegistered", "PersonAssigned", "HoursLogged",
            "RefusalRecorded", "RefusalAssessed", "HearingHeld", "SanctionProposed", "SanctionDecided");
        history.Entries.Should().OnlyContain(e => !string.IsNullOrWhiteSpace(e.LegalBasis));
    }

    /// <summary>
    /// The created resource of a 201. The document lists a spurious 200 (schema IResult) beside each 201, so NSwag
    /// treats 200 as the success answer and raises the 201 as an exception carrying the body; once the document
    /// declares only the 201, the generated method returns it and the first branch takes it.
    /// </summary>
    private static async Task<TCreated> Created<TCreated>(Task call) where TCreated : class
    {
        try
        {
            await call;
        }
        catch (AghApiException<TCreated> created) when (created.StatusCode == 201)
        {
            return created.Result;
        }
        var result = call.GetType().GetProperty("Result")?.GetValue(call);
        return result as TCreated ?? throw new Xunit.Sdk.XunitException($"expected 201 with a {typeof(TCreated).Name}, got {result}");
    }
}
