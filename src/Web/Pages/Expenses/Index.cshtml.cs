using System.ComponentModel.DataAnnotations;
using AGH.Web.Api;
using AGH.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace AGH.Web.Pages.Expenses;

/// <summary>
/// Expenses awaiting the second pair of eyes (payroll, officials), and what was decided. The API refuses the recorder
/// (four-eyes); the page says so before the click, as the user id of the recorder is known.
/// </summary>
public sealed class IndexModel : CommandPage
{
    private const int PageSize = 50;

    public sealed class DecisionInput
    {
        [Required(ErrorMessage = "Bitte anerkennen oder ablehnen wählen.")] public bool? Approved { get; set; }
        [Required(ErrorMessage = "Bitte die Entscheidung begründen.")]
        [StringLength(1000, ErrorMessage = "Bitte höchstens 1000 Zeichen.")] public string? Reasoning { get; set; }
    }

    [BindProperty(SupportsGet = true)] public string? Status { get; set; } = "pending";
    [BindProperty(SupportsGet = true)] public int P { get; set; } = 1;
    [BindProperty] public DecisionInput Input { get; set; } = new();

    /// <summary>The expense whose form failed: its row shows the errors and keeps what was typed.</summary>
    public Guid? Failed { get; private set; }

    public IReadOnlyList<ExpenseDto> Expenses { get; private set; } = [];
    public IReadOnlyDictionary<Guid, PersonDto> Persons { get; private set; } = new Dictionary<Guid, PersonDto>();
    public int Total { get; private set; }
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
    public bool MayDecide => User.Is(Roles.Payroll, Roles.Official);

    public ListSort<ExpenseDto> Sort { get; private set; } = null!;

    public bool MayDecideThis(ExpenseDto e) => MayDecide && e.Status == ExpenseStatus.Pending && e.RecordedBy != User.UserId();

    public async Task OnGet() => await Load();

    public async Task<IActionResult> OnPostDecide(Guid expenseId)
    {
        if (ModelState.IsValid)
        {
            var body = new DecideExpenseRequest { Approved = Input.Approved!.Value, Reasoning = Input.Reasoning!.Trim() };
            ExpenseDto? decided = null;
            if (await Try(async c => decided = await c.DecideExpenseAsync(expenseId, IdempotencyKey("decide", expenseId, body.Approved, body.Reasoning), body)) && decided is not null)
                return BackTo("/Expenses/Index", new { status = Status, p = P },
                    $"Mehraufwendungen von {Format.Money(decided.AmountCents)} für {Format.Month(decided.Month)}: {Labels.ExpenseStatus.Text(decided.Status)}.");
        }
        Failed = expenseId;
        await Load();
        return Page();
    }

    private async Task Load()
    {
        if (P < 1) P = 1;
        // "" is "alle"; anything unknown falls back to the default, the ones to decide.
        if (!string.IsNullOrEmpty(Status) && Labels.ExpenseStatus.Parse(Status) is null) Status = "pending";
        var api = await Api();
        var status = Status is "pending" or "approved" or "rejected" ? Status : null;
        // The status filter is the API's; the order is the page's (the API has none): all are read, sorted, then paged here.
        var all = new List<ExpenseDto>();
        for (var page = 1; ; page++)
        {
            var batch = (await api.ListExpensesAsync(status, null, null, page, 500)).ToList();
            all.AddRange(batch);
            if (batch.Count < 500 || all.Count >= (api.LastTotalCount ?? all.Count)) break;
        }
        Persons = await PersonNames.Load(api, all.Select(e => e.PersonId));
        Sort = new ListSort<ExpenseDto>(Request, "month", true,
            ("person", e => PersonLabel(e)), ("month", e => e.Month), ("amount", e => e.AmountCents), ("status", e => Labels.ExpenseStatus.Text(e.Status)));
        var shown = Sort.Apply(all);
        Total = shown.Count;
        Expenses = shown.Skip((P - 1) * PageSize).Take(PageSize).ToList();
    }

    public string PersonLabel(ExpenseDto e) =>
        PersonNames.WithReference(Persons, e.PersonId);

    public string PageLink(int page) => $"?status={Uri.EscapeDataString(Status ?? "")}&sort={Sort.Key}&dir={(Sort.Descending ? "desc" : "asc")}&p={page}";
}
