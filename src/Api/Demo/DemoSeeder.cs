namespace AGH.Api.Demo;

/// <summary>
/// With <c>Demo:Seed=true</c> and an empty event store, loads demo data at start: offers, persons, placements with hours,
/// an exemption and a refusal. Every event comes from the pure domain decisions, so the data obeys the same rules as the
/// API, and carries the same headers (actor, legalBasis, recordedAt) as <see cref="EventStamping"/> gives every command. One transaction:
/// either everything is seeded or nothing. Dates of placements and hours are relative to today. Beyond that, a case at every
/// stage (<see cref="SeedCases"/>), so each role has something to do: a notice awaiting dispatch, a pending objection, a
/// pending proposal, a restriction due for review and a suspended one.
/// </summary>
public sealed class DemoSeeder(IDocumentStore store, Clock clock, Policy policy, AGH.Api.Payouts.PayoutSettings payouts, IConfiguration config,
    ILogger<DemoSeeder> log)
    : IHostedService
{
    private static readonly Actor Coordinator = new("demo-seed", "Demo-Daten", Roles.Coordinator, null);

    private static Actor Caseworker(string municipality) => new("demo-seed", "Demo-Daten", Roles.Caseworker, municipality);

    // Another user than the proposer: an approval obeys the Vier-Augen-Prinzip.
    private static Actor Official(string municipality) => new("demo-seed-official", "Demo-Daten (Amt)", Roles.Official, municipality);

    private readonly List<(Guid Stream, object Event, Actor Actor)> _pending = [];
    private readonly Dictionary<Guid, Offer> _offers = new();
    private readonly Dictionary<Guid, Person> _persons = new();
    private readonly Dictionary<Guid, List<object>> _hourEvents = new();
    private readonly Dictionary<Guid, AGH.Domain.Payouts.PayoutRun> _runs = new();

    public async Task StartAsync(CancellationToken ct)
    {
        if (!config.GetValue("Demo:Seed", false)) return;
        await using var session = store.LightweightSession();
        if (await session.Query<Offer>().AnyAsync(ct))
        {
            log.LogInformation("Demo seed skipped: the event store already holds offers");
            return;
        }

        var today = clock.Today;
        var offers = SeedOffers();
        var persons = SeedPersons(today);
        var (placements, hours) = SeedPlacements(offers, persons, today);
        SeedCases(offers, persons, today);

        session.LastModifiedBy = Coordinator.UserId;
        var now = clock.Now;
        foreach (var stream in _pending.GroupBy(p => p.Stream))
        {
            var items = stream.ToList();
            var action = session.Events.StartStream(stream.Key, items.Select(i => i.Event).ToArray());
            for (var i = 0; i < items.Count; i++) EventHeaders.Stamp(action.Events[i], items[i].Actor, now);
        }
        await session.SaveChangesAsync(ct);
        log.LogInformation(
            "Demo seed: {Offers} offers in {Municipalities} municipalities, {Persons} persons, {Placements} placements with {Hours} hour entries, 1 exemption, 1 refusal, 5 cases at later stages, 2 providers with an absence report and an accident ({Events} events)",
            offers.Count, offers.Select(o => o.Municipality).Distinct().Count(), persons.Count, placements, hours, _pending.Count);
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;

    /// <summary>Queues the decision's events and folds them into the in-memory state the next decisions read.</summary>
    private void Apply(Decision decision, Actor actor)
    {
        if (decision.Rejection is { } r) throw new InvalidOperationException($"Demo seed violates a rule: {r.Code}: {r.Detail}");
        foreach (var (stream, e) in decision.Events)
        {
            _pending.Add((stream, e, actor));
            if (stream == AGH.Domain.Payouts.PayoutRun.LedgerId)
            {
                var run = AGH.Domain.Payouts.PayoutRun.Evolve(e is AGH.Domain.Payouts.PayoutRunPrepared ? null : _runs.Values.Last(), e)!;
                _runs[run.Id] = run;
            }
            else if (e is OfferRegistered || _offers.ContainsKey(stream)) _offers[stream] = Offer.Evolve(_offers.GetValueOrDefault(stream), e)!;
            else _persons[stream] = Person.Evolve(_persons.GetValueOrDefault(stream), e)!;
            if (e is HoursLogged or HoursCorrected) (_hourEvents.TryGetValue(stream, out var list) ? list : _hourEvents[stream] = []).Add(e);
        }
    }

    private static readonly DateOnly Y2026 = new(2026, 1, 1);

    /// <summary>
    /// The providers (contract v3c) that log hours in the app; their ids are what the dev sign-in's organisation field takes
    /// (README, demo data). Sozialkaufhaus Melle confirmed last month's timesheet, the Bramscher Tafel has not yet.
    /// </summary>
    public static readonly (string Id, string Name, string Insurer, bool ConfirmsLastMonth)[] DemoProviders =
    [
        ("sozialkaufhaus-melle", "Sozialkaufhaus Melle e. V.", "Verwaltungs-Berufsgenossenschaft (VBG)", true),
        ("tafel-bramsche", "Bramscher Tafel e. V.", "Berufsgenossenschaft Handel und Warenlogistik (BGHW)", false),
    ];

    /// <summary>The provider's staff member who logs and confirms in the demo.</summary>
    private static Actor ProviderStaff(string providerId) => new($"{providerId}-leitung", "Einsatzleitung (Demo)", Roles.Provider, null, providerId);

    private List<Offer> SeedOffers()
    {
        const ProviderType M = ProviderType.Municipality, D = ProviderType.District, N = ProviderType.Nonprofit;
        (ProviderType Type, string Provider, string Municipality, string Title, string Activity, int Places, int Hours, int StartDay, int? EndDay, string ReportTo)[] rows =
        [
            (M, "Stadt Bad Iburg", "bad-iburg", "Grünflächenpflege im Kurpark", "Laub rechen, Beete jäten, Wege kehren im Kurpark und am Charlottensee", 4, 15, 32, null, "Bauhof Bad Iburg, Am Bauhof 2, 49186 Bad Iburg"),
            (M, "Stadt Melle", "melle", "Bauhof: Unterstützung der Stadtreinigung", "Papierkörbe leeren, Gehwege und Plätze reinigen, Winterdienst vorbereiten", 6, 20, 14, null, "Betriebshof Melle, Industriestraße 12, 49324 Melle"),
            (M, "Stadt Bramsche", "bramsche", "Friedhofspflege", "Wege harken, Hecken schneiden, Grünabfälle sammeln auf dem Stadtfriedhof", 3, 12, 60, 364, "Friedhofsverwaltung Bramsche, Friedhofstraße 1, 49565 Bramsche"),
            (M, "Gemeinde Hilter a.T.W.", "hilter", "Friedhofspflege", "Pflege der Gemeinschaftsgrabanlagen und Wege auf dem Gemeindefriedhof", 2, 8, 91, null, "Rathaus Hilter, Bürgerbüro, 49176 Hilter"),
            (M, "Gemeinde Bissendorf", "bissendorf", "Bauhof: Grün- und Spielplatzpflege", "Spielplätze kontrollieren und säubern, Rasen mähen, Sand harken", 4, 15, 45, null, "Bauhof Bissendorf, Werkstraße 5, 49143 Bissendorf"),
            (M, "Stadt Georgsmarienhütte", "georgsmarienhuette", "Grünflächenpflege in den Stadtteilen", "Grünflächen und Straßenbegleitgrün pflegen, Laub beseitigen", 5, 15, 32, null, "Baubetriebshof GMHütte, Am Hüttenwerk 3, 49124 Georgsmarienhütte"),
            (M, "Gemeinde Wallenhorst", "wallenhorst", "Pflege der Spielplätze", "Sichtkontrolle, Müll sammeln, Sandkästen harken", 2, 10, 121, null, "Bauhof Wallenhorst, Große Straße 26, 49134 Wallenhorst"),
            (M, "Gemeinde Ostercappeln", "ostercappeln", "Hilfe in der Gemeindebücherei", "Bücher einsortieren, Medien reinigen, Veranstaltungen auf- und abbauen", 1, 6, 152, null, "Gemeindebücherei, Gildehauser Weg 3, 49179 Ostercappeln"),
            (M, "Gemeinde Bohmte", "bohmte", "Schulhof- und Außenanlagenpflege", "Schulhöfe der Grundschulen kehren, Beete pflegen", 2, 10, 213, 545, "Hausmeister Grundschule Bohmte, Schulstraße 4, 49163 Bohmte"),
            (M, "Samtgemeinde Artland", "sg-artland", "Bauhof: Pflege der Radwege", "Radwege freischneiden, Beschilderung säubern", 3, 15, 74, null, "Bauhof Artland, Am Hafen 7, 49610 Quakenbrück"),
            (D, "Landkreis Osnabrück, Fachdienst Soziales", "georgsmarienhuette", "Hilfe in der Kreisverwaltung", "Post verteilen, Akten ins Archiv bringen, Besprechungsräume herrichten", 4, 12, 4, null, "Kreishaus Osnabrück, Empfang, Am Schölerberg 1, 49082 Osnabrück"),
            (D, "Landkreis Osnabrück, Gebäudemanagement", "sg-bersenbrueck", "Außenanlagen der Berufsbildenden Schulen", "Pflege der Außenanlagen und Fahrradstellplätze der BBS", 3, 15, 32, null, "Hausmeisterei BBS Bersenbrück, Schulstraße 20, 49593 Bersenbrück"),
            (D, "Landkreis Osnabrück, Unterkunftsverwaltung", "bramsche", "Hausmeisterhilfe in der Gemeinschaftsunterkunft", "Gemeinschaftsflächen reinigen, kleine Reparaturen begleiten, Außenanlagen pflegen", 4, 10, 14, null, "Gemeinschaftsunterkunft Bramsche, Verwaltungsbüro, 49565 Bramsche"),
            (D, "Landkreis Osnabrück, Untere Naturschutzbehörde", "bad-essen", "Pflege von Streuobstwiesen", "Obstbäume freischneiden, Mahdgut abräumen, Nistkästen reinigen", 5, 12, 59, 334, "Parkplatz Wittlager Straße, Treffpunkt mit dem Naturschutzwart, 49152 Bad Essen"),
            (D, "Landkreis Osnabrück, Kreisarchiv", "melle", "Hilfe im Kreisarchiv", "Akten umbetten, Kartons beschriften, Regale ordnen", 2, 8, 105, null, "Kreisarchiv, Außenstelle Melle, Markt 1, 49324 Melle"),
            (N, "Sozialkaufhaus Melle e. V.", "melle", "Sozialkaufhaus / Kleiderkammer", "Kleiderspenden annehmen, sortieren, Regale einräumen, Kundschaft unterstützen", 3, 10, 4, null, "Sozialkaufhaus Melle, Mühlenstraße 8, 49324 Melle"),
            (N, "Bramscher Tafel e. V.", "bramsche", "Tafel: Lebensmittelausgabe", "Lebensmittel abholen, sortieren und an Ausgabetagen ausgeben", 4, 8, 4, null, "Tafel Bramsche, Ausgabestelle, Kirchhofstraße 9, 49565 Bramsche"),
            (N, "SV Grün-Weiß Glandorf e. V.", "glandorf", "Fahrdienst und Platzpflege für den Sportverein", "Sportplätze abkreiden und mähen, Jugendmannschaften zu Auswärtsspielen fahren", 2, 10, 60, null, "Vereinsheim am Sportplatz, 49219 Glandorf"),
            (N, "DRK-Ortsverein Belm e. V.", "belm", "Kleiderkammer", "Spenden sortieren, Ausgabe an Bedürftige vorbereiten", 2, 6, 32, null, "DRK-Haus Belm, Kleiderkammer, 49191 Belm"),
            (N, "Ev.-luth. Kirchengemeinde Bad Laer", "bad-laer", "Friedhofs- und Kirchgartenpflege", "Pflege des Kirchgartens und der Friedhofswege", 1, 5, 91, null, "Gemeindebüro, Kirchplatz 2, 49196 Bad Laer"),
            (N, "Heimatverein Bad Rothenfelde e. V.", "bad-rothenfelde", "Pflege des Heimathauses und Museumsgartens", "Museumsgarten pflegen, Ausstellungsräume reinigen, Feste vorbereiten", 2, 8, 120, 333, "Heimathaus, Frankfurter Straße 3, 49214 Bad Rothenfelde"),
            (N, "Fahrradwerkstatt Wallenhorst e. V.", "wallenhorst", "Fahrradwerkstatt", "Gespendete Fahrräder reparieren und für Geflüchtete verkehrssicher machen", 3, 10, 152, null, "Fahrradwerkstatt, Hollager Straße 40, 49134 Wallenhorst"),
            (N, "Caritasverband, Sozialkaufhaus Fürstenau", "sg-fuerstenau", "Sozialkaufhaus: Möbellager", "Möbelspenden abholen, Lager ordnen, Auslieferung begleiten", 3, 15, 4, null, "Sozialkaufhaus Fürstenau, Lager, 49584 Fürstenau"),
            (N, "Tierschutzverein Bad Iburg e. V.", "bad-iburg", "Hilfe im Tierheim", "Gehege reinigen, Futter ausgeben, Hunde ausführen", 2, 10, 182, null, "Tierheim, Zum Freeden 5, 49186 Bad Iburg"),
        ];
        return rows.Select(r =>
        {
            var id = Guid.CreateVersion7();
            var provider = DemoProviders.Where(p => p.Name == r.Provider).Select(p => (p.Id, p.Insurer)).Cast<(string Id, string Insurer)?>().FirstOrDefault();
            Apply(OfferDecisions.Register(new RegisterOffer(id, r.Type, r.Provider, r.Municipality, r.Title, r.Activity, r.Places, r.Hours,
                Y2026.AddDays(r.StartDay), r.EndDay is { } end ? Y2026.AddDays(end) : null, r.ReportTo, provider?.Id, provider?.Insurer)), Coordinator);
            return _offers[id];
        }).ToList();
    }

    private List<Person> SeedPersons(DateOnly today)
    {
        (string Municipality, string Given, string Family, DateOnly Born, DateOnly EntitledSince)[] rows =
        [
            ("bad-iburg", "Ahmad", "Karimi", new(1994, 3, 14), new(2024, 9, 2)),
            ("bad-iburg", "Zainab", "Rahimi", new(1998, 7, 30), new(2025, 2, 17)),
            ("bad-iburg", "Omid", "Ahmadi", new(2006, 11, 5), new(2025, 6, 10)),
            ("melle", "Mariam", "Haidari", new(1987, 1, 22), new(2024, 4, 8)),
            ("melle", "Samir", "Al-Hassan", new(1979, 5, 3), new(2023, 11, 20)),
            ("melle", "Lina", "Mansour", new(2001, 9, 18), new(2025, 8, 1)),
            ("melle", "Hussein", "Jaber", new(1968, 12, 1), new(2024, 1, 15)),
            ("bramsche", "Tesfaye", "Bekele", new(1991, 4, 9), new(2024, 10, 7)),
            ("bramsche", "Abdullahi", "Warsame", new(2003, 2, 27), new(2025, 3, 3)),
            ("georgsmarienhuette", "Nour", "Haddad", new(1996, 6, 12), new(2025, 1, 13)),
            ("georgsmarienhuette", "Dawit", "Tesfamariam", new(1985, 8, 25), new(2024, 6, 24)),
            ("georgsmarienhuette", "Rezan", "Kaya", new(1976, 10, 31), new(2023, 9, 4)),
            // Bad Iburg, the sign-in's preselected municipality: a case at every step for its caseworkers and officials.
            ("bad-iburg", "Yusuf", "Nazari", new(1993, 2, 11), new(2024, 11, 4)),
            ("bad-iburg", "Fatima", "Sultani", new(1990, 8, 3), new(2025, 4, 22)),
            ("bad-iburg", "Karim", "Yousef", new(1988, 12, 19), new(2024, 7, 1)),
            ("bad-iburg", "Hamid", "Noori", new(1982, 5, 27), new(2024, 2, 12)),
        ];
        return rows.Select((r, i) =>
        {
            var id = Guid.CreateVersion7();
            Apply(PersonDecisions.Register(new RegisterPerson(id, r.Municipality, r.Given, r.Family, r.Born, r.EntitledSince,
                $"AZ-50-2026-{i + 1:0000}"), [], today), Caseworker(r.Municipality));
            return _persons[id];
        }).ToList();
    }

    private (int Placements, int Hours) SeedPlacements(List<Offer> offers, List<Person> persons, DateOnly today)
    {
        Person P(string family) => _persons[persons.Single(p => p.FamilyName == family).Id];
        Offer O(string municipality, string title) => offers.Single(o => o.Municipality == municipality && o.Title.StartsWith(title));

        // Zainab Rahimi: a good reason (childcare, § 11 Abs. 4 SGB XII) — no diagnosis, no details beyond the class.
        var zainab = P("Rahimi");
        Apply(PersonDecisions.RecordExemption(zainab, new RecordExemption(zainab.Id, Guid.CreateVersion7(), ExemptionReason.Childcare,
            today.AddDays(-60), today.AddMonths(10), "Kind unter drei Jahren, kein Betreuungsplatz")), Caseworker(zainab.Municipality));

        (string Person, Offer Offer, int DaysAgo, int Hours, DayOfWeek[] Days)[] plan =
        [
            ("Karimi", O("bad-iburg", "Grünflächenpflege"), 42, 15, [DayOfWeek.Monday, DayOfWeek.Wednesday, DayOfWeek.Friday]),
            // At the two providers' offers since before last month: a whole month of hours to log and confirm.
            ("Haidari", O("melle", "Sozialkaufhaus"), 70, 10, [DayOfWeek.Tuesday, DayOfWeek.Thursday]),
            ("Al-Hassan", O("melle", "Bauhof"), 28, 20, [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday]),
            ("Bekele", O("bramsche", "Tafel"), 65, 8, [DayOfWeek.Tuesday, DayOfWeek.Friday]),
            ("Haddad", O("georgsmarienhuette", "Hilfe in der Kreisverwaltung"), 14, 12, [DayOfWeek.Monday, DayOfWeek.Wednesday, DayOfWeek.Friday]),
        ];
        var hours = 0;
        foreach (var (family, offer, daysAgo, hoursPerWeek, days) in plan)
        {
            var person = P(family);
            var actor = Caseworker(person.Municipality);
            var startsOn = today.AddDays(-daysAgo) < offer.StartsOn ? offer.StartsOn : today.AddDays(-daysAgo);
            var placementId = Guid.CreateVersion7();
            var blockMinutes = hoursPerWeek * 60 / days.Length;
            var schedule = days.Select(d => new ScheduleBlock(DemoWeekday(d), 8 * 60, 8 * 60 + blockMinutes)).ToList();
            Apply(PlacementDecisions.Assign(_offers[offer.Id], person,
                new AssignPerson(placementId, person.Id, offer.Id, startsOn.AddDays(-10), startsOn, hoursPerWeek, null, schedule,
                    Dates.EndOfMonthsPeriod(startsOn, 6), DemoReasoning, DemoLanguage(family)), policy, today), actor);

            // Nour Haddad did not turn up a week ago, Ahmad Karimi on his last working day before the day before yesterday:
            // both refusals are recorded and await assessment.
            DateOnly? noShow = family switch
            {
                "Haddad" => today.AddDays(-7),
                "Karimi" => LastWorkingDay(days, today.AddDays(-2)),
                _ => null,
            };
            // Tesfaye Bekele missed his last working day: the Tafel reported it (an open absence report), no hours that day.
            DateOnly? reportedAbsent = family == "Bekele" ? LastWorkingDay(days, today) : null;
            var provider = offer.ProviderId is { } providerId ? ProviderStaff(providerId) : null;
            var lastMonth = today.AddMonths(-1);
            var perDay = hoursPerWeek * 60 / days.Length / 15 * 15;
            for (var d = startsOn; d < today; d = d.AddDays(1))
            {
                var current = _persons[person.Id];
                if (d == reportedAbsent)
                    Apply(AbsenceReportDecisions.Report(current, current.Placements[placementId], new ReportAbsence(placementId, Guid.CreateVersion7(), d,
                        AbsenceKind.NoShow, "Nicht erschienen, telefonisch nicht erreichbar.", provider!.Provider!, provider.UserId), today), provider);
                else if (provider is not null && days.Contains(d.DayOfWeek))
                {
                    // The provider logs its people's hours itself; the first week of last month the office typed in from its paper list.
                    var byOffice = d.Year == lastMonth.Year && d.Month == lastMonth.Month && d.Day <= 7;
                    Apply(PlacementDecisions.LogHours(current, current.Placements[placementId], HourLog.From(_hourEvents.GetValueOrDefault(person.Id) ?? []),
                        new LogHours(placementId, Guid.CreateVersion7(), d, perDay), policy, today, offer.EndsOn,
                        byOffice ? HourSource.Office : HourSource.Provider), byOffice ? actor : provider);
                    hours++;
                }
                else if (d == noShow)
                    Apply(PlacementDecisions.RecordRefusal(current, current.Placements[placementId], new RecordRefusal(placementId,
                        Guid.CreateVersion7(), d, RefusalKind.NoShow, "Keine Angabe, telefonisch nicht erreichbar"), policy, today), actor);
                else if (days.Contains(d.DayOfWeek))
                {
                    Apply(PlacementDecisions.LogHours(current, current.Placements[placementId], HourLog.From(_hourEvents.GetValueOrDefault(person.Id) ?? []),
                        new LogHours(placementId, Guid.CreateVersion7(), d, perDay - (d.Day % 3 == 0 ? 30 : 0)), policy, today, offer.EndsOn), actor);
                    hours++;
                }
            }

            if (provider is not null && DemoProviders.Single(p => p.Id == provider.Provider).ConfirmsLastMonth)
                Apply(OfferDecisions.ConfirmTimesheet(_offers[offer.Id], new ConfirmTimesheet(offer.Id, lastMonth.Year, lastMonth.Month, provider.Provider!,
                    provider.UserId, clock.Now), today), provider);
            // Mariam Haidari hurt her hand yesterday at the Sozialkaufhaus: five days unfit for work, so the provider must report
            // it to the insurer within three days of learning of it (§ 193 Abs. 1 and 4 SGB VII): open, due in three days.
            if (family == "Haidari")
            {
                var current = _persons[person.Id];
                Apply(AccidentDecisions.Record(current, current.Placements[placementId], provider!.Provider, _offers[offer.Id].AccidentInsurer,
                    new RecordAccident(placementId, Guid.CreateVersion7(), today.AddDays(-1), "Beim Tragen eines Regals die linke Hand gequetscht.", 5, false,
                        provider.UserId, provider.Provider), today), provider);
            }
        }
        return (plan.Length, hours);
    }

    /// <summary>The last day before today that falls on one of <paramref name="days"/>.</summary>
    private static DateOnly LastWorkingDay(DayOfWeek[] days, DateOnly today)
    {
        var d = today.AddDays(-1);
        while (!days.Contains(d.DayOfWeek)) d = d.AddDays(-1);
        return d;
    }

    /// <summary>
    /// A case at every later stage, each of another person (an approval is refused while another restriction of the same
    /// person runs). Each step is decided on the day it happened, so notices carry realistic issue and notification days.
    /// </summary>
    private void SeedCases(List<Offer> offers, List<Person> persons, DateOnly today)
    {
        Person P(string family) => _persons[persons.Single(p => p.FamilyName == family).Id];
        Offer O(string municipality, string title) => offers.Single(o => o.Municipality == municipality && o.Title.StartsWith(title));

        // Lina Mansour: assigned today; her Heranziehungsbescheid waits for dispatch.
        Assign(P("Mansour"), O("melle", "Bauhof"), issuedOn: today, startsOn: today.AddDays(7), dispatch: null);

        // Omid Ahmadi: the notice went by post (notified on the fourth day); his Widerspruch awaits a decision.
        var ahmadi = P("Ahmadi");
        var objected = Assign(ahmadi, O("bad-iburg", "Grünflächenpflege"), today.AddDays(-12), today.AddDays(-5), DispatchMethod.Post);
        Apply(PlacementObjectionDecisions.File(_persons[ahmadi.Id], _persons[ahmadi.Id].Placements[objected], new FilePlacementObjection(objected,
            today.AddDays(-2), "Ich halte die Heranziehung wegen meiner Rückenbeschwerden für unzumutbar.", Caseworker(ahmadi.Municipality)), today),
            Caseworker(ahmadi.Municipality));

        // Abdullahi Warsame: refused, assessed and heard; the proposal awaits an official's decision.
        var warsame = P("Warsame");
        Propose(warsame, Assign(warsame, O("bramsche", "Hausmeisterhilfe"), today.AddDays(-30), today.AddDays(-27), DispatchMethod.HandedOver),
            refusedOn: today.AddDays(-10), heardOn: today.AddDays(-5));

        // Dawit Tesfamariam: the restriction is in force; he has since declared he is willing to work, so it is due for review.
        var dawit = P("Tesfamariam");
        var dawitProposal = Propose(dawit, Assign(dawit, O("georgsmarienhuette", "Grünflächenpflege"), today.AddDays(-50), today.AddDays(-47),
            DispatchMethod.HandedOver), today.AddDays(-40), today.AddDays(-36));
        Approve(dawit, dawitProposal, today.AddDays(-30));
        Apply(WillingnessDecisions.Declare(_persons[dawit.Id], new DeclareWillingness(dawit.Id, today.AddDays(-3),
            "Erklärt im Gespräch, ab sofort arbeiten zu wollen."), today), Caseworker(dawit.Municipality));

        // Rezan Kaya: the social court ordered the suspensive effect; the restriction is suspended.
        var kaya = P("Kaya");
        var kayaProposal = Propose(kaya, Assign(kaya, O("georgsmarienhuette", "Hilfe in der Kreisverwaltung"), today.AddDays(-45), today.AddDays(-42),
            DispatchMethod.HandedOver), today.AddDays(-35), today.AddDays(-31));
        Approve(kaya, kayaProposal, today.AddDays(-25));
        Apply(RestrictionSuspensions.Suspend(_persons[kaya.Id], new SuspendRestriction(kayaProposal, SuspensionKind.CourtOrder, null,
            "Sozialgericht Osnabrück", "S 44 AY 17/26 ER", today.AddDays(-2), today.AddDays(-2),
            "Aufschiebende Wirkung der Klage angeordnet (§ 86b Abs. 1 S. 1 Nr. 2 SGG).", Official(kaya.Municipality).UserId), today),
            Official(kaya.Municipality));

        SeedBadIburg(P, O, today);
        // Demo:PayoutRuns=false leaves the months to a test that prepares and releases them itself.
        if (config.GetValue("Demo:PayoutRuns", true)) SeedPayoutRuns(today);
    }

    /// <summary>
    /// Bad Iburg (the sign-in's default) gets a refusal at each step of the procedure and an official's work: a hearing due
    /// (Yusuf Nazari), a proposal due (Fatima Sultani), a proposal to decide (Karim Yousef) and Hamid Noori's restriction,
    /// against which he objected and, having declared he is willing to work, is due for review.
    /// </summary>
    private void SeedBadIburg(Func<string, Person> P, Func<string, string, Offer> O, DateOnly today)
    {
        var park = O("bad-iburg", "Grünflächenpflege");
        var shelter = O("bad-iburg", "Hilfe im Tierheim");

        var nazari = P("Nazari");
        var nazariPlacement = Assign(nazari, park, today.AddDays(-24), today.AddDays(-17), DispatchMethod.HandedOver);
        var refusalId = Guid.CreateVersion7();
        var actor = Caseworker(nazari.Municipality);
        Apply(PlacementDecisions.RecordRefusal(_persons[nazari.Id], _persons[nazari.Id].Placements[nazariPlacement], new RecordRefusal(nazariPlacement,
            refusalId, today.AddDays(-9), RefusalKind.Explicit, "Sagt, die Arbeit im Park sei ihm zu schmutzig."), policy, today.AddDays(-9)), actor);
        Apply(PlacementDecisions.AssessRefusal(_persons[nazari.Id], _persons[nazari.Id].Placements[nazariPlacement], new AssessRefusal(nazariPlacement,
            refusalId, false, null, "Die Art der Arbeit ist zumutbar; ein wichtiger Grund ist nicht vorgetragen.")), actor);

        var sultani = P("Sultani");
        Refuse(sultani, Assign(sultani, shelter, today.AddDays(-30), today.AddDays(-23), DispatchMethod.HandedOver),
            refusedOn: today.AddDays(-12), heardOn: today.AddDays(-4));

        var yousef = P("Yousef");
        Propose(yousef, Assign(yousef, shelter, today.AddDays(-35), today.AddDays(-28), DispatchMethod.HandedOver),
            refusedOn: today.AddDays(-16), heardOn: today.AddDays(-8));

        var noori = P("Noori");
        var nooriProposal = Propose(noori, Assign(noori, park, today.AddDays(-60), today.AddDays(-53), DispatchMethod.HandedOver),
            today.AddDays(-45), today.AddDays(-40));
        Approve(noori, nooriProposal, today.AddDays(-20));
        Apply(SanctionDecisions.FileObjection(_persons[noori.Id], new FileObjection(nooriProposal, today.AddDays(-6),
            "Ich war an dem Tag krank und konnte nicht anrufen.", Caseworker(noori.Municipality).UserId), today), Caseworker(noori.Municipality));
        Apply(WillingnessDecisions.Declare(_persons[noori.Id], new DeclareWillingness(noori.Id, today.AddDays(-2),
            "Erklärt, ab der nächsten Woche wieder im Park arbeiten zu wollen."), today), Caseworker(noori.Municipality));
    }

    /// <summary>The month before last: prepared and reviewed, to be released; last month: prepared, to be reviewed.</summary>
    private void SeedPayoutRuns(DateOnly today)
    {
        var last = AGH.Domain.Payouts.Month.Of(today).Previous;
        foreach (var month in new[] { last.Previous, last })
        {
            var persons = _persons.Values.Where(p => !p.Placements.IsEmpty)
                .Select(p => (p, HourLog.From(_hourEvents.GetValueOrDefault(p.Id) ?? []))).ToList();
            Apply(AGH.Domain.Payouts.PayoutDecisions.Prepare(month, persons, _runs.Values, payouts.RateTable, PayrollPreparer.UserId, today), PayrollPreparer);
            if (month == last.Previous)
                Apply(AGH.Domain.Payouts.PayoutDecisions.Review(_runs.Values.Last(), PayrollReviewer.UserId), PayrollReviewer);
        }
    }

    private static readonly Actor PayrollPreparer = new("demo-seed-payroll", "Demo-Daten (Abrechnung)", Roles.Payroll, null);
    private static readonly Actor PayrollReviewer = new("demo-seed-payroll-2", "Demo-Daten (Abrechnung, Prüfung)", Roles.Payroll, null);

    /// <summary>Assigns with a Heranziehungsbescheid issued on <paramref name="issuedOn"/> and, unless null, dispatched that day.</summary>
    private Guid Assign(Person person, Offer offer, DateOnly issuedOn, DateOnly startsOn, DispatchMethod? dispatch)
    {
        var actor = Caseworker(person.Municipality);
        var placementId = Guid.CreateVersion7();
        Apply(PlacementDecisions.Assign(_offers[offer.Id], _persons[person.Id],
            new AssignPerson(placementId, person.Id, offer.Id, null, startsOn, offer.HoursPerWeek, actor, DemoSchedule(offer.HoursPerWeek),
                startsOn.AddMonths(4), DemoReasoning, DemoLanguage(person.FamilyName)), policy, issuedOn), actor);
        if (dispatch is { } method) Dispatch(person, _persons[person.Id].Placements[placementId].NoticeId, method, issuedOn, actor);
        return placementId;
    }

    private const string DemoReasoning = "Der Einsatzort liegt im Wohnort und ist zu Fuß oder mit dem Bus in höchstens 20 Minuten "
        + "erreichbar. Kinder unter drei Jahren oder pflegebedürftige Angehörige sind nicht zu betreuen; gesundheitliche Einschränkungen "
        + "sind nicht bekannt. Die Arbeit am Vormittag lässt den Besuch des Sprachkurses am Nachmittag zu.";

    private static readonly string[] DemoLanguages = ["ar", "fa", "uk", "tr", "ru", "en", "ti", "so"];

    private static string DemoLanguage(string familyName) => DemoLanguages[familyName.Sum(c => c) % DemoLanguages.Length];

    private static Weekday DemoWeekday(DayOfWeek day) => day == DayOfWeek.Sunday ? Weekday.Sunday : (Weekday)((int)day - 1);

    /// <summary>Mornings from Monday, at most five hours a day, adding up to the hours of the week.</summary>
    private static List<ScheduleBlock> DemoSchedule(int hoursPerWeek)
    {
        var blocks = new List<ScheduleBlock>();
        var left = hoursPerWeek * 60;
        for (var day = 0; left > 0 && day < 7; day++)
        {
            var minutes = Math.Min(left, day < 5 ? 300 : 16 * 60);
            blocks.Add(new ScheduleBlock((Weekday)day, 8 * 60, 8 * 60 + minutes));
            left -= minutes;
        }
        return blocks;
    }

    private void Dispatch(Person person, Guid noticeId, DispatchMethod method, DateOnly on, Actor actor) =>
        Apply(NoticeDecisions.Dispatch(person.Id, _persons[person.Id].Notices[noticeId], new DispatchNotice(noticeId, method, on, false, actor.UserId), on), actor);

    /// <summary>A no-show, assessed without good cause, a hearing, and the caseworker's proposal the day after it.</summary>
    private Guid Propose(Person person, Guid placementId, DateOnly refusedOn, DateOnly heardOn)
    {
        var actor = Caseworker(person.Municipality);
        var refusalId = Refuse(person, placementId, refusedOn, heardOn);
        Placement Current() => _persons[person.Id].Placements[placementId];
        var proposalId = Guid.CreateVersion7();
        Apply(SanctionDecisions.Propose(_persons[person.Id], Current(), new ProposeSanction(placementId, proposalId, refusalId,
            "Unentschuldigtes Fernbleiben trotz Belehrung über die Rechtsfolgen.", actor.UserId), policy, heardOn.AddDays(1)), actor);
        return proposalId;
    }

    /// <summary>A no-show, assessed without good cause, and a hearing in person: ready for a proposal.</summary>
    private Guid Refuse(Person person, Guid placementId, DateOnly refusedOn, DateOnly heardOn)
    {
        var actor = Caseworker(person.Municipality);
        var refusalId = Guid.CreateVersion7();
        Placement Current() => _persons[person.Id].Placements[placementId];
        Apply(PlacementDecisions.RecordRefusal(_persons[person.Id], Current(), new RecordRefusal(placementId, refusalId, refusedOn,
            RefusalKind.NoShow, "Keine Angabe"), policy, refusedOn), actor);
        Apply(PlacementDecisions.AssessRefusal(_persons[person.Id], Current(), new AssessRefusal(placementId, refusalId, false, null,
            "Kein wichtiger Grund vorgetragen oder ersichtlich.")), actor);
        Apply(PlacementDecisions.HoldHearing(_persons[person.Id], Current(), new HoldHearing(placementId, refusalId, heardOn,
            "Die Person äußert sich nicht zu den Gründen."), heardOn), actor);
        return refusalId;
    }

    /// <summary>An official approves from the day of the decision; the Einschränkungsbescheid is handed over that day.</summary>
    private void Approve(Person person, Guid proposalId, DateOnly decidedOn)
    {
        var official = Official(person.Municipality);
        Apply(SanctionDecisions.Decide(_persons[person.Id], new DecideSanction(proposalId, true,
            "Fernbleiben ohne wichtigen Grund nach Anhörung; die Rechtsfolgen waren bekannt.", decidedOn, official.UserId, official,
            // The Einschränkungsbescheid v2's terms (contract v3b): the standard rates of a single adult, no hardship found.
            new RestrictionTerms(new RestrictionAmounts(44100, 22050),
                new SpecialCircumstances(true, [], "Besondere Umstände wurden geprüft; es wurden keine vorgetragen und keine sind ersichtlich."),
                new ApprovalNoticeRef(decidedOn.AddMonths(-3), RevocationBasis.Section48, null))),
            HourLog.Empty, policy, decidedOn), official);
        Dispatch(person, _persons[person.Id].Proposals[proposalId].Decision!.NoticeId!.Value, DispatchMethod.HandedOver, decidedOn, official);
    }
}
