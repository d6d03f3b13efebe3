using System.ComponentModel.DataAnnotations;
using AGH.Web.Api;
using AGH.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace AGH.Web.Pages.Offers;

/// <summary>Register an offer (§ 5 Abs. 1 AsylbLG): the coordinator anywhere, a caseworker in their own municipality.</summary>
public sealed class NewModel : CommandPage
{
    public sealed class OfferInput
    {
        public string ProviderType { get; set; } = "municipality";
        public string? ProviderName { get; set; }
        public string? Municipality { get; set; }
        public string? Title { get; set; }
        public string? Activity { get; set; }
        public int? Places { get; set; }
        public int? HoursPerWeek { get; set; }
        [Required(ErrorMessage = "Bitte den Beginn angeben.")] public DateOnly? StartsOn { get; set; }
        public DateOnly? EndsOn { get; set; }
        public string? ReportTo { get; set; }
        public bool ServesPublicBenefit { get; set; }
    }

    [BindProperty] public OfferInput Input { get; set; } = new();

    /// <summary>A caseworker registers offers for their own municipality only: the field is fixed for them.</summary>
    public string? FixedMunicipality => User.Is(Roles.Caseworker) ? User.Municipality() : null;

    public IActionResult OnGet()
    {
        if (!User.Is(Roles.Coordinator, Roles.Caseworker)) return RedirectToPage("/Problem", new { status = 403 });
        Input.Municipality = FixedMunicipality;
        Input.StartsOn = Today;
        return Page();
    }

    public async Task<IActionResult> OnPost()
    {
        if (FixedMunicipality is { } own) Input.Municipality = own;
        if (!ModelState.IsValid) return Page();
        var id = Guid.Empty;
        var ok = await Try(async c => id = (await c.RegisterOfferAsync(IdempotencyKey("register"), new RegisterOfferRequest
        {
            ProviderType = Labels.ProviderType.Parse(Input.ProviderType) ?? ProviderType.Municipality,
            ProviderName = Input.ProviderName?.Trim() ?? "",
            Municipality = Input.Municipality ?? "",
            Title = Input.Title?.Trim() ?? "",
            Activity = Input.Activity?.Trim() ?? "",
            Places = Input.Places ?? 0,
            HoursPerWeek = Input.HoursPerWeek ?? 0,
            StartsOn = Input.StartsOn!.Value,
            EndsOn = Input.EndsOn,
            ReportTo = Input.ReportTo?.Trim() ?? "",
            ServesPublicBenefit = Input.ServesPublicBenefit,
        })).Id, codeFields: new Dictionary<string, string> { ["offer-period-invalid"] = "EndsOn" });
        if (!ok)
        {
            Explain();
            return Page();
        }
        return BackTo("/Offers/Details", new { id }, "Das Angebot wurde erfasst.");
    }

    /// <summary>The API names the checkbox's legal reason in English: say it in the coordinator's words.</summary>
    private void Explain()
    {
        const string key = "Input.ServesPublicBenefit";
        if (ModelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0)
        {
            entry.Errors.Clear();
            ModelState.AddModelError(key, "Eine Arbeitsgelegenheit muss dem Gemeinwohl dienen (zusätzlich und gemeinnützig, § 5 Abs. 1 AsylbLG). Bitte bestätigen.");
        }
    }
}
