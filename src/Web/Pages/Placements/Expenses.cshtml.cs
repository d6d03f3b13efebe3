using System.ComponentModel.DataAnnotations;
using System.Globalization;
using AGH.Web.Api;
using AGH.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace AGH.Web.Pages.Placements;

/// <summary>
/// Higher necessary expenses of a placement (§ 5 Abs. 2 AsylbLG): what was recorded, its decision, and recording a new one.
/// A recorded expense is paid only once payroll or an official other than the recorder approves it.
/// </summary>
public sealed class ExpensesModel : CommandPage
{
    public sealed class RecordInput
    {
        [Required(ErrorMessage = "Bitte den Monat wählen.")] public string? Month { get; set; }
        [Required(ErrorMessage = "Bitte den Betrag angeben.")] public string? Amount { get; set; }
        [Required(ErrorMessage = "Bitte beschreiben, wofür die Aufwendungen entstanden sind.")]
        [StringLength(1000, ErrorMessage = "Bitte höchstens 1000 Zeichen.")] public string? Description { get; set; }
        [Required(ErrorMessage = "Bitte den Nachweis angeben (z. B. die vorgelegten Belege).")]
        [StringLength(1000, ErrorMessage = "Bitte höchstens 1000 Zeichen.")] public string? Evidence { get; set; }
    }

    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public RecordInput Input { get; set; } = new();

    public PlacementDto Placement { get; private set; } = null!;
    public PersonDto Person { get; private set; } = null!;
    public OfferDto Offer { get; private set; } = null!;
    public IReadOnlyList<ExpenseDto> Expenses { get; private set; } = [];
    public bool MayRecord => User.Is(Roles.Caseworker, Roles.Official);
    public string PersonName => $"{Person.GivenName} {Person.FamilyName}";

    /// <summary>The months an expense may be recorded for: from the placement's start month to this month, newest first.</summary>
    public IReadOnlyList<string> Months
    {
        get
        {
            var first = new DateOnly(Placement.StartsOn.Year, Placement.StartsOn.Month, 1);
            var months = new List<string>();
            for (var m = new DateOnly(Today.Year, Today.Month, 1); m >= first; m = m.AddMonths(-1))
                months.Add(m.ToString("yyyy-MM", CultureInfo.InvariantCulture));
            return months;
        }
    }

    public async Task OnGet()
    {
        await Load();
        Input.Month = Months.Count > 1 ? Months[1] : Months.FirstOrDefault();
    }

    public async Task<IActionResult> OnPost()
    {
        await Load();
        var cents = Money.ParseCents(Input.Amount);
        if (Input.Amount is not null && (cents is null or < 1))
            ModelState.AddModelError("Input.Amount", "Bitte einen Betrag in Euro angeben, z. B. 12,50.");
        if (!ModelState.IsValid) return Page();
        if (cents > int.MaxValue)
        {
            ModelState.AddModelError("Input.Amount", "Der Betrag ist zu hoch.");
            return Page();
        }
        var request = new RecordExpenseRequest
        {
            Month = Input.Month!.Trim(),
            AmountCents = (int)cents!.Value,
            Description = Input.Description!.Trim(),
            Evidence = Input.Evidence!.Trim(),
        };
        var ok = await Try(c => c.RecordExpenseAsync(Id, IdempotencyKey("expense", request.Month, request.AmountCents, request.Description, request.Evidence), null, request),
            codeFields: new Dictionary<string, string> { ["outside-placement"] = "Month" });
        if (!ModelState.IsValid || !ok)
        {
            if (ModelState.TryGetValue("Input.AmountCents", out var entry) && entry.Errors.Count > 0)
                ModelState.AddModelError("Input.Amount", "Bitte einen Betrag zwischen 0,01 und 1.000,00 EUR angeben.");
            return Page();
        }
        return BackTo("/Placements/Expenses", new { id = Id },
            $"Mehraufwendungen von {Format.Money(request.AmountCents)} für {Format.Month(request.Month)} sind erfasst. Sie werden gezahlt, sobald eine zweite Person sie anerkennt.");
    }

    private async Task Load()
    {
        var api = await Api();
        Placement = await api.GetPlacementAsync(Id);
        Person = await api.GetPersonAsync(Placement.PersonId, null);
        Offer = await api.GetOfferAsync(Placement.OfferId);
        Expenses = (await api.ListExpensesAsync(null, Placement.PersonId, null, 1, 500)).Where(e => e.PlacementId == Id).ToList();
    }
}
