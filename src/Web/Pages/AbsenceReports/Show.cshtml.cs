using AGH.Web.Api;
using AGH.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace AGH.Web.Pages.AbsenceReports;

/// <summary>
/// A provider's absence report and the caseworker's next step: record it as a refusal (the refusal names the report and
/// continues in the refusal procedure) or dismiss it with a reason. Both are binding, so the choice is shown once more
/// for confirmation. A sick report is no refusal (legal corrections): it offers the illness exemption instead.
/// </summary>
public sealed class ShowModel : CommandPage
{
    public const string Refusal = "refusal";
    public const string Dismissal = "dismissal";

    public sealed class StepInput
    {
        /// <summary>"refusal" or "dismissal": the radio buttons' values; none is preselected.</summary>
        public string? Step { get; set; }
        public string? Reason { get; set; }
    }

    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public StepInput Input { get; set; } = new();

    public AbsenceReportDto Report { get; private set; } = null!;
    public PersonDto? Person { get; private set; }
    public OfferDto? Offer { get; private set; }

    /// <summary>The choice is made and valid: the page shows it for confirmation instead of the form.</summary>
    public bool Confirming { get; private set; }

    public bool MayDecide => Report.Status == AbsenceReportStatus.Open && User.Is(Roles.Caseworker);
    public bool IsSickReport => Report.Kind == AbsenceKind.ReportedSick;

    /// <summary>The illness route for a sick report: the exemption form of the person, where the caseworker may record one.</summary>
    public bool OffersIllnessExemption => IsSickReport && User.Is(Roles.Caseworker) && Person is not null;

    public string PersonName => Person is { } p ? $"{p.FamilyName}, {p.GivenName}{(p.FileReference is { } f ? $" ({f})" : "")}" : "(Person nicht lesbar)";

    public async Task OnGet() => await Load();

    /// <summary>The choice, checked here; the API is called only after the confirmation.</summary>
    public async Task<IActionResult> OnPostChoose()
    {
        await Load();
        if (!MayDecide) return Page();
        Confirming = Checked();
        return Page();
    }

    /// <summary>Back from the confirmation to the form, with the choice and reason kept.</summary>
    public async Task<IActionResult> OnPostChange()
    {
        await Load();
        ModelState.Clear();
        return Page();
    }

    public async Task<IActionResult> OnPostConfirm()
    {
        await Load();
        if (!MayDecide || !Checked()) return Page();
        if (Input.Step == Refusal)
        {
            RecordAbsenceRefusalCreated? created = null;
            if (await Try(async c => created = await c.RecordAbsenceRefusalAsync(Id, IdempotencyKey(Refusal))))
            {
                TempData["Flash"] = "Die Abwesenheitsmeldung ist als Weigerung erfasst; die Weigerung nennt die Meldung. Als Nächstes: bewerten, ob ein wichtiger Grund vorliegt.";
                return RedirectToPage("/Placements/Refusals/Details", new { id = Report.PlacementId, refusalId = created!.RefusalId });
            }
        }
        else
        {
            var reason = Input.Reason!.Trim();
            if (await Try(c => c.DismissAbsenceReportAsync(Id, IdempotencyKey(Dismissal, reason), new DismissAbsenceReportRequest { Reason = reason })))
                return BackTo("/AbsenceReports/Show", new { id = Id }, "Die Abwesenheitsmeldung ist verworfen; eine Weigerung wurde nicht erfasst.");
        }
        return Page();
    }

    private bool Checked()
    {
        ModelState.Clear();
        if (Input.Step is not (Refusal or Dismissal))
            ModelState.AddModelError("Input.Step", "Bitte wählen: als Weigerung erfassen oder verwerfen.");
        else if (Input.Step == Refusal && IsSickReport)
            ModelState.AddModelError("Input.Step", new ApiProblem(422, "not-a-refusal", null, null, new Dictionary<string, string[]>()).Message);
        if (Input.Step == Dismissal && string.IsNullOrWhiteSpace(Input.Reason))
            ModelState.AddModelError("Input.Reason", "Bitte den Grund angeben, aus dem die Meldung verworfen wird (etwa: rechtzeitig entschuldigt).");
        else if (Input.Step == Dismissal && Input.Reason!.Trim().Length > 2000)
            ModelState.AddModelError("Input.Reason", "Bitte höchstens 2000 Zeichen.");
        return ModelState.IsValid;
    }

    private async Task Load()
    {
        var api = await Api();
        Report = await api.GetAbsenceReportAsync(Id);
        Person = (await PersonNames.Load(api, [Report.PersonId])).GetValueOrDefault(Report.PersonId);
        Offer = (await AGH.Web.Pages.Accidents.OfficeCases.LoadOffers(api, [Report.OfferId])).GetValueOrDefault(Report.OfferId);
    }
}
