using System.Net;
using System.Net.Http.Headers;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using AGH.Api.Infrastructure;
using AGH.Tests.Generated;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace AGH.Tests.Http;

/// <summary>
/// The Release build as it runs in production: its own process, <c>ASPNETCORE_ENVIRONMENT=Production</c>, Wolverine
/// loading the checked-in handlers of src/Api/Internal/Generated (TypeLoadMode.Static), tokens from the stub identity
/// provider's JWKS. Started once for this class, on the first test that needs it (so a missing cluster skips or fails
/// that test like the other guarantee tests).
/// </summary>
public sealed class ProductionService : IAsyncLifetime
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private Running? _running;

    internal sealed record Running(StubIdentityProvider Provider, TestDatabase Database, ApiProcess Api, IReadOnlyList<string> StartupLog);

    /// <summary>Log categories that name how the handlers were loaded, and whether any code was compiled at runtime.</summary>
    public static readonly Dictionary<string, string> CodegenLogging = new()
    {
        ["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information",
        ["Logging__LogLevel__Wolverine.Runtime.WolverineRuntime"] = "Information",
        ["Logging__LogLevel__Wolverine.Http.HttpGraph"] = "Information",
        ["Logging__LogLevel__JasperFx.CodeGeneration"] = "Debug",
    };

    /// <summary>Base64 of 32 random bytes, as Production's key ring encryption wants it.</summary>
    public static string EncryptionKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    internal async Task<Running> Start()
    {
        await _gate.WaitAsync();
        try
        {
            if (_running is not null) return _running;
            var provider = StubIdentityProvider.Start();
            var database = await TestDatabase.Create();
            var settings = new Dictionary<string, string>(CodegenLogging)
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["Auth__Authority"] = provider.Authority,
                ["Auth__RequireHttpsMetadata"] = "false",
                ["DataProtection__EncryptionKey"] = EncryptionKey(),
            };
            var api = ApiProcess.Start(database.ConnectionString, settings);
            await api.WaitReady(TimeSpan.FromSeconds(120));
            // Kept now: the process keeps only its last lines, and the start-up lines are the evidence.
            _running = new Running(provider, database, api, api.OutputLines);
            return _running;
        }
        finally
        {
            _gate.Release();
        }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_running is { } r)
        {
            await r.Api.DisposeAsync();
            await r.Database.DisposeAsync();
            await r.Provider.DisposeAsync();
        }
        _gate.Dispose();
    }
}

[Collection(ProductionAuthCollection.Name)]
public sealed class ProductionJourneyTests(ProductionService service) : IClassFixture<ProductionService>
{
    private static readonly string Audience = new AuthSettings().Audience;
    private static DateOnly Today => new Clock(TimeProvider.System).Today;

    /// <summary>A token as the provider issues it; <paramref name="change"/> spoils one property for the negative cases.</summary>
    private static string Token(StubIdentityProvider provider, string sub, string role, string? municipality = null,
        Action<SecurityTokenDescriptor>? change = null)
    {
        var now = DateTime.UtcNow;
        var claims = new List<Claim> { new("sub", sub), new("name", sub), new("role", role) };
        if (municipality is not null) claims.Add(new("municipality", municipality));
        var descriptor = new SecurityTokenDescriptor
        {
            Subject = new ClaimsIdentity(claims),
            Issuer = provider.Authority,
            Audience = Audience,
            IssuedAt = now.AddMinutes(-1),
            NotBefore = now.AddMinutes(-1),
            Expires = now.AddHours(1),
            SigningCredentials = provider.Signing,
        };
        change?.Invoke(descriptor);
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }

    private static HttpClient Http(ProductionService.Running p, string? token)
    {
        var http = new HttpClient { BaseAddress = p.Api.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        if (token is not null) http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }

    private static AghClient Client(ProductionService.Running p, string sub, string role, string? municipality = null) =>
        new(Http(p, Token(p.Provider, sub, role, municipality))) { ReadResponseAsString = true };

    private static async Task<AghApiException> Refused(Func<Task> call, int status, string code)
    {
        var refusal = (await FluentActions.Awaiting(call).Should().ThrowAsync<AghApiException>()).Which;
        refusal.StatusCode.Should().Be(status, refusal.Response);
        JsonNode.Parse(refusal.Response!)!["code"]!.GetValue<string>().Should().Be(code);
        return refusal;
    }

    [SkippableFact]
    public async Task In_Production_the_generated_client_drives_a_case_from_offer_to_the_cash_office_export_through_the_pre_generated_handlers()
    {
        var p = await service.Start();
        // Evidence of what runs: Production, and Wolverine loading the checked-in handlers instead of compiling its own.
        var startup = string.Join('\n', p.StartupLog);
        startup.Should().Contain("Hosting environment: Production");
        startup.Should().Contain("The Wolverine code generation mode is Static with pre-generated types being loaded from AGH.Api");
        startup.Should().MatchRegex(@"Using pre-generated Wolverine HTTP endpoint registry \(\d+ endpoint types\)");

        var coordinator = Client(p, "prod-coordinator", "coordinator");
        var caseworker = Client(p, "prod-cw", "caseworker", "bad-iburg");
        var official = Client(p, "prod-official", "official", "bad-iburg");
        var preparer = Client(p, "prod-pay-1", "payroll");
        var reviewer = Client(p, "prod-pay-2", "payroll");
        var releaser = Client(p, "prod-pay-3", "payroll");
        var auditor = Client(p, "prod-auditor", "auditor");
        var lastMonth = new DateOnly(Today.Year, Today.Month, 1).AddMonths(-1);
        var fileReference = "AZ-PROD-" + Guid.NewGuid().ToString("N")[..12];

        var offer = new RegisterOfferRequest
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
        };
        var offerId = (await coordinator.RegisterOfferAsync("prod-offer-1", offer)).Id;
        (await coordinator.RegisterOfferAsync("prod-offer-1", offer)).Id.Should().Be(offerId, "a retry with the same Idempotency-Key gets the first answer");
        (await coordinator.ListOffersAsync(null, null, null, null)).Should().ContainSingle("the retry stored nothing new");
        var changed = await coordinator.ChangeOfferPlacesAsync(offerId, null, null, new ChangePlacesRequest { Places = 4 });
        changed.Places.Should().Be(4);
        changed.Free.Should().Be(4);

        var personId = (await caseworker.RegisterPersonAsync(null, new RegisterPersonRequest
        {
            Municipality = "bad-iburg",
            GivenName = "Amina",
            FamilyName = "Yusuf",
            DateOfBirth = Today.AddYears(-30),
            EntitledSince = Today.AddYears(-2),
            FileReference = fileReference,
        })).Id;
        (await caseworker.GetPersonAsync(personId, null)).Status.Should().Be(PersonStatus.Available);

        var placementId = (await caseworker.AssignPersonAsync(null, new AssignPersonRequest
        {
            PersonId = personId,
            OfferId = offerId,
            NoticeServedOn = lastMonth.AddDays(-7),
            StartsOn = lastMonth,
            HoursPerWeek = 15,
        })).Id;
        // Served outside the service (v3a): recorded, with no PDF of ours.
        await Refused(() => caseworker.GetAssignmentNoticeAsync(placementId), 409, "notice-external");
        (await coordinator.GetOfferAsync(offerId)).Occupied.Should().Be(1);

        // Without a served date the service issues the Heranziehungsbescheid, printed before its dispatch.
        var issuedTo = (await caseworker.RegisterPersonAsync(null, new RegisterPersonRequest
        {
            Municipality = "bad-iburg", GivenName = "Samir", FamilyName = "Haddad", DateOfBirth = Today.AddYears(-25), EntitledSince = Today.AddYears(-1),
        })).Id;
        var issued = await caseworker.AssignPersonAsync(null, new AssignPersonRequest
        {
            PersonId = issuedTo, OfferId = offerId, StartsOn = Today, HoursPerWeek = 10,
            Schedule = [new() { Weekday = Weekday.Monday, From = "08:00", To = "13:00" }, new() { Weekday = Weekday.Wednesday, From = "08:00", To = "13:00" }],
            Until = Today.AddMonths(2), Reasoning = AssignmentFields.Reasoning, InformationLanguage = "uk",
        });
        using (var notice = await caseworker.GetNoticePdfAsync(issued.NoticeId, null))
        {
            notice.StatusCode.Should().Be(200);
            var head = new byte[5];
            await notice.Stream.ReadExactlyAsync(head);
            Encoding.ASCII.GetString(head).Should().Be("%PDF-", "the Heranziehungsbescheid as PDF");
        }
        // The Arabic annex: Skia's and HarfBuzz's native libraries load in the published service.
        using (var annexed = await caseworker.GetNoticePdfAsync(issued.NoticeId, "ar"))
        {
            annexed.StatusCode.Should().Be(200);
            using var copy = new MemoryStream();
            await annexed.Stream.CopyToAsync(copy);
            Unit.PdfText.Of(copy.ToArray()).Should().Contain("Übersetzung – nicht rechtsverbindlich").And.Contain("rfb-ar-v2");
        }
        (await caseworker.GetNoticeAsync(issued.NoticeId)).Annexes.Select(a => a.Version).Should().Equal("rfb-ar-v2");

        await caseworker.LogHoursAsync(placementId, null, null, new LogHoursRequest { Date = lastMonth.AddDays(1), Minutes = 240 });
        var second = await caseworker.LogHoursAsync(placementId, null, null, new LogHoursRequest { Date = lastMonth.AddDays(2), Minutes = 120 });
        await caseworker.CorrectHoursAsync(placementId, second.EntryId, null, null,
            new CorrectHoursRequest { Minutes = 60, Reason = "Träger meldet eine Stunde" });
        var placement = await caseworker.GetPlacementAsync(placementId);
        placement.Status.Should().Be(PlacementStatus.Active);
        placement.MinutesLogged.Should().Be(300);

        var refusalId = (await caseworker.RecordRefusalAsync(placementId, null, null,
            new RecordRefusalRequest { Date = Today.AddDays(-3), Kind = RefusalKind.NoShow, StatedReason = "keine Angabe" })).RefusalId;
        await caseworker.AssessRefusalAsync(placementId, refusalId, null, null,
            new RefusalAssessmentRequest { GoodCause = false, Reasoning = "Kein wichtiger Grund vorgetragen" });
        await caseworker.HoldHearingAsync(placementId, refusalId, null, null,
            new HoldHearingRequest { HeldOn = Today.AddDays(-1), Statement = "Person äußert sich nicht" });
        var proposalId = (await caseworker.ProposeSanctionAsync(placementId, null, null,
            new ProposeSanctionRequest { RefusalId = refusalId, Reasoning = "Unentschuldigtes Fernbleiben trotz Belehrung" })).Id;
        await Refused(() => caseworker.DecideSanctionAsync(proposalId, null, null,
            new DecideSanctionRequest
            {
                Approved = true, Reasoning = "Selbst entschieden", StartsOn = Today,
                Amounts = new AmountsBody { MonthlyBeforeCents = 44100, MonthlyAfterCents = 22050 },
                SpecialCircumstances = new SpecialCircumstancesBody { Considered = true, Granted = [], Reasoning = "Keine besonderen Umstände ersichtlich." },
                ApprovalNotice = new ApprovalNoticeBody { Date = Today.AddMonths(-3), Basis = RevocationBasis.Section48 },
            }), 403, "forbidden");
        var decided = await official.DecideSanctionAsync(proposalId, null, null,
            new DecideSanctionRequest
            {
                Approved = true, Reasoning = "Voraussetzungen des § 1a Abs. 1 AsylbLG liegen vor", StartsOn = Today,
                Amounts = new AmountsBody { MonthlyBeforeCents = 44100, MonthlyAfterCents = 22050 },
                SpecialCircumstances = new SpecialCircumstancesBody { Considered = true, Granted = [], Reasoning = "Keine besonderen Umstände ersichtlich." },
                ApprovalNotice = new ApprovalNoticeBody { Date = Today.AddMonths(-3), Basis = RevocationBasis.Section48 },
            });
        decided.Status.Should().Be(ProposalStatus.Approved);
        decided.DecidedBy.Should().Be("prod-official");

        (await official.PlaceLegalHoldAsync(personId, null, null, new LegalHoldRequest { Reason = "Klage beim SG Osnabrück anhängig" }))
            .LegalHold.Should().BeTrue();
        (await official.LiftLegalHoldAsync(personId, null, null, new LegalHoldRequest { Reason = "Verfahren abgeschlossen" }))
            .LegalHold.Should().BeFalse();

        // Four eyes: prepared by one payroll clerk, reviewed by a second, released by a third.
        var run = await preparer.PreparePayoutRunAsync(null, new PreparePayoutRunRequest { Month = lastMonth.ToString("yyyy-MM") });
        run.Status.Should().Be(PayoutRunStatus.Prepared);
        run.PreparedBy.Should().Be("prod-pay-1");
        var line = run.Lines.Should().ContainSingle().Which;
        line.PersonId.Should().Be(personId);
        line.Minutes.Should().Be(300);
        line.RateCents.Should().Be(80);
        line.AmountCents.Should().Be(400);
        run.TotalCents.Should().Be(400);
        await Refused(() => preparer.ReviewPayoutRunAsync(run.Id, null), 403, "four-eyes");
        await Refused(() => releaser.ExportPayoutRunAsync(run.Id), 409, "run-not-released");
        var reviewed = await reviewer.ReviewPayoutRunAsync(run.Id, null);
        reviewed.Status.Should().Be(PayoutRunStatus.Reviewed);
        reviewed.ReviewedBy.Should().Be("prod-pay-2");
        await Refused(() => reviewer.ReleasePayoutRunAsync(run.Id, null), 403, "four-eyes");
        var released = await releaser.ReleasePayoutRunAsync(run.Id, null);
        released.Status.Should().Be(PayoutRunStatus.Released);
        released.ReleasedBy.Should().Be("prod-pay-3");
        (await auditor.GetPayoutRunAsync(run.Id)).Status.Should().Be(PayoutRunStatus.Released);

        // The document declares the export as a string of text/csv, which the generated client parses as JSON: fetched raw.
        using var cashOffice = Http(p, Token(p.Provider, "prod-pay-1", "payroll"));
        using var export = await cashOffice.GetAsync($"/api/payout-runs/{run.Id}/export");
        export.StatusCode.Should().Be(HttpStatusCode.OK);
        export.Content.Headers.ContentType!.MediaType.Should().Be("text/csv");
        var bytes = await export.Content.ReadAsByteArrayAsync();
        bytes.Take(3).Should().Equal(Encoding.UTF8.GetPreamble(), "UTF-8 with BOM for the cash office's spreadsheet");
        Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Should().Equal(
            "fileReference;familyName;givenName;month;minutes;amountCents;amountEuro",
            $"{fileReference};Yusuf;Amina;{lastMonth:yyyy-MM};300;400;4,00");

        var history = await auditor.GetPersonHistoryAsync(personId, null, null, null);
        history.Entries!.Select(e => e.Type).Should().ContainInOrder("PersonRegistered", "PersonAssigned", "HoursLogged", "HoursLogged",
            "RefusalRecorded", "RefusalAssessed", "HearingHeld", "SanctionProposed", "SanctionDecided");

        // Nothing was compiled at runtime: no in-memory handler was generated, and Roslyn was never loaded.
        p.Api.HasExited.Should().BeFalse();
        p.Api.RecentOutput.Should().NotContain("Generated code for").And.NotContain("compiled code in memory");
        if (OperatingSystem.IsLinux())
            (await File.ReadAllTextAsync($"/proc/{p.Api.Pid}/maps")).Should().NotContain("Microsoft.CodeAnalysis",
                "in Development the first command maps Microsoft.CodeAnalysis.CSharp.dll to compile its handler");
    }

    /// <summary>Tokens that must not get in against the provider's JWKS: each is 401 problem+json; the provider's own is 200.</summary>
    [SkippableFact]
    public async Task In_Production_expired_foreign_unsigned_and_algorithm_confused_tokens_are_401_and_only_the_providers_own_token_is_200()
    {
        var p = await service.Start();
        var provider = p.Provider;
        var rsa = ((RsaSecurityKey)provider.Signing.Key).Rsa;
        string Valid() => Token(provider, "prod-tokens", "auditor");
        string With(Action<SecurityTokenDescriptor> change) => Token(provider, "prod-tokens", "auditor", change: change);
        SigningCredentials Hmac(byte[] secret) =>
            new(new SymmetricSecurityKey(secret) { KeyId = StubIdentityProvider.KeyId }, SecurityAlgorithms.HmacSha256);

        var refused = new (string Why, string Token)[]
        {
            ("expired a minute ago", With(d => { d.NotBefore = DateTime.UtcNow.AddHours(-2); d.IssuedAt = d.NotBefore; d.Expires = DateTime.UtcNow.AddMinutes(-1); })),
            ("for another audience", With(d => d.Audience = "another-api")),
            ("from another issuer", With(d => d.Issuer = "http://127.0.0.1:1/realms/evil")),
            ("alg none (unsigned)", With(d => d.SigningCredentials = null)),
            ("alg none carrying the signature of a valid token", AlgNone(Valid())),
            ("HS256 keyed with the provider's public key (PEM)", With(d => d.SigningCredentials = Hmac(Encoding.ASCII.GetBytes(rsa.ExportSubjectPublicKeyInfoPem())))),
            ("HS256 keyed with the provider's public key (DER)", With(d => d.SigningCredentials = Hmac(rsa.ExportSubjectPublicKeyInfo()))),
            ("HS256 keyed with the provider's modulus", With(d => d.SigningCredentials = Hmac(rsa.ExportParameters(false).Modulus!))),
            ("HS256 keyed with the development key that was once in the source",
                With(d => d.SigningCredentials = Hmac(Encoding.UTF8.GetBytes("agh-development-signing-key-change-me-0123456789abcdef")))),
            // The provider's own key and a valid signature, but an algorithm name outside Auth:Algorithms (without the
            // pin the token handler accepts this XML-DSig spelling of RS256).
            ("the provider's key under an unpinned algorithm name",
                With(d => d.SigningCredentials = new SigningCredentials(provider.Signing.Key, SecurityAlgorithms.RsaSha256Signature))),
        };

        using var anonymous = Http(p, null);
        foreach (var (why, token) in refused)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/municipalities");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var response = await anonymous.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            response.StatusCode.Should().Be(HttpStatusCode.Unauthorized, $"{why}: {body}");
            response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json", why);
            response.Headers.WwwAuthenticate.Should().ContainSingle(h => h.Scheme == "Bearer", why);
            JsonNode.Parse(body)!["code"]!.GetValue<string>().Should().Be("unauthorized", why);
        }

        using var valid = Http(p, Valid());
        using var ok = await valid.GetAsync("/api/municipalities");
        ok.StatusCode.Should().Be(HttpStatusCode.OK, await ok.Content.ReadAsStringAsync());
        JsonNode.Parse(await ok.Content.ReadAsStringAsync())!.AsArray().Should().HaveCount(21);
        using var pss = Http(p, With(d => d.SigningCredentials = new SigningCredentials(provider.Signing.Key, SecurityAlgorithms.RsaSsaPssSha256)));
        (await pss.GetAsync("/api/municipalities")).StatusCode.Should().Be(HttpStatusCode.OK, "PS256 is one of the default asymmetric algorithms");
        provider.JwksRequests.Should().BeGreaterThan(0, "the keys came from the provider's JWKS");
    }

    [Fact]
    public void Auth_Algorithms_pins_asymmetric_algorithms_only_and_defaults_to_the_RSA_PSS_and_ECDSA_families()
    {
        new AuthSettings().ProviderAlgorithms().Should().BeEquivalentTo(
            "RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512");
        new AuthSettings { Algorithms = "RS256, ES256" }.ProviderAlgorithms().Should().Equal("RS256", "ES256");
        foreach (var symmetric in new[] { "HS256", "RS256,HS512", "none" })
            FluentActions.Invoking(() => new AuthSettings { Algorithms = symmetric }.ProviderAlgorithms())
                .Should().Throw<InvalidOperationException>(symmetric).WithMessage("*Auth:Algorithms*");
    }

    /// <summary>The header of a valid token rewritten to <c>alg: none</c>, its signature kept.</summary>
    private static string AlgNone(string token)
    {
        var parts = token.Split('.');
        var header = JsonNode.Parse(Base64UrlEncoder.Decode(parts[0]))!.AsObject();
        header["alg"] = "none";
        return Base64UrlEncoder.Encode(header.ToJsonString()) + "." + parts[1] + "." + parts[2];
    }
}
