using AGH.Web.Api;
using AGH.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace AGH.Web.Pages.Accidents;

/// <summary>
/// An accident at the work (§ 2 Abs. 1 Nr. 1 SGB VII) and what the office records about it: the day the report went to the
/// insurer (the provider's duty, § 193 SGB VII) and the days of incapacity learned later. Coordinators and auditors read.
/// </summary>
public sealed class ShowModel : CommandPage
{
    public sealed class ReportInput
    {
        public DateOnly? ReportedOn { get; set; }
    }

    public sealed class IncapacityInput
    {
        public int? IncapacityDays { get; set; }
    }

    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public ReportInput Report { get; set; } = new();
    [BindProperty] public IncapacityInput Incapacity { get; set; } = new();

    public AccidentDto Accident { get; private set; } = null!;
    public PersonDto? Person { get; private set; }
    public OfferDto? Offer { get; private set; }

    /// <summary>Which form was sent: only its errors are shown.</summary>
    public string? Active { get; private set; }

    // The provider has the duty to report (§ 193 SGB VII); the office records it for providers without the app.
    public bool MayRecord => User.Is(Roles.Caseworker, Roles.Provider);
    public bool MayReport => MayRecord && Accident.ReportedOn is null;
    public bool MayReadPlacement => User.Is(Roles.Caseworker, Roles.Official, Roles.Auditor);
    public string? Overdue => OfficeCases.Overdue(Accident, Today);

    /// <summary>A provider's own placement names the person (no file reference).</summary>
    public string? ProviderPerson { get; private set; }

    public string PersonName => Person is { } p ? $"{p.FamilyName}, {p.GivenName}{(p.FileReference is { } f ? $" ({f})" : "")}"
        : ProviderPerson ?? "(Person für Ihre Rolle nicht lesbar)";

    public async Task OnGet() => await Load();

    public async Task<IActionResult> OnPostReport()
    {
        Active = "report";
        ModelState.Clear();
        await Load();
        if (!MayReport) return Page();
        if (Report.ReportedOn is not { } on)
        {
            ModelState.AddModelError("Report.ReportedOn", "Bitte den Tag angeben, an dem die Unfallanzeige an den Unfallversicherungsträger ging.");
            return Page();
        }
        if (await Try(c => c.ReportAccidentAsync(Id, IdempotencyKey("report", on), new ReportAccidentRequest { ReportedOn = on }), nameof(Report),
                new Dictionary<string, string> { ["date-in-future"] = "ReportedOn", ["report-before-accident"] = "ReportedOn" }))
            return BackTo("/Accidents/Show", new { id = Id }, $"Die Meldung an den Unfallversicherungsträger am {Format.Date(on)} ist erfasst.");
        return Page();
    }

    public async Task<IActionResult> OnPostIncapacity()
    {
        Active = "incapacity";
        ModelState.Clear();
        await Load();
        if (!MayRecord) return Page();
        if (Incapacity.IncapacityDays is not { } days || days is < 0 or > 3650)
        {
            ModelState.AddModelError("Incapacity.IncapacityDays", "Bitte die Zahl der Tage angeben (0 bis 3650).");
            return Page();
        }
        if (await Try(c => c.RecordAccidentIncapacityAsync(Id, IdempotencyKey("incapacity", days), new RecordAccidentIncapacityRequest { IncapacityDays = days }),
                nameof(Incapacity)))
            return BackTo("/Accidents/Show", new { id = Id }, days > 3
                ? $"{days} Tage Arbeitsunfähigkeit sind erfasst: der Unfall ist anzeigepflichtig (§ 193 Abs. 1 SGB VII)."
                : $"{days} Tage Arbeitsunfähigkeit sind erfasst.");
        return Page();
    }

    private async Task Load()
    {
        var api = await Api();
        Accident = await api.GetAccidentAsync(Id);
        if (User.Is(Roles.Provider))
            ProviderPerson = await Provider.ProviderReads.Placement(HttpContext, Accident.PlacementId) is { } p ? $"{p.Person.FamilyName}, {p.Person.GivenName}" : null;
        else
            Person = (await PersonNames.Load(api, [Accident.PersonId])).GetValueOrDefault(Accident.PersonId);
        Offer = (await OfficeCases.LoadOffers(api, [Accident.OfferId])).GetValueOrDefault(Accident.OfferId);
    }
}
