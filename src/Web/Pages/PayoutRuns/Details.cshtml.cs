using AGH.Web.Api;
using AGH.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace AGH.Web.Pages.PayoutRuns;

/// <summary>One payout run: its lines and total; review, release by a second clerk, reject; the CSV once released.</summary>
public sealed class DetailsModel : CommandPage
{
    public sealed class RejectInput
    {
        public string? Reason { get; set; }
    }

    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public RejectInput Reject { get; set; } = new();

    public PayoutRunDto Run { get; private set; } = null!;

    /// <summary>Names of the persons paid, where the user may read persons (auditors); payroll sees the ids.</summary>
    public IReadOnlyDictionary<Guid, PersonDto> Persons { get; private set; } = new Dictionary<Guid, PersonDto>();

    public string? Posted { get; private set; }

    public bool MayAct => User.Is(Roles.Payroll) && Run.Status is PayoutRunStatus.Prepared or PayoutRunStatus.Reviewed;

    /// <summary>
    /// Why this user cannot release the run (four eyes), said next to the disabled button. The API remains the guard:
    /// it answers 403 four-eyes should the screen be out of date.
    /// </summary>
    /// <summary>Why this user cannot review the run: nobody checks their own run (four eyes; the API remains the guard).</summary>
    public string? ReviewBlocked => User.UserId() is { } me && me == Run.PreparedBy
        ? "Sie haben diesen Lauf vorbereitet. Prüfen muss ihn eine andere Person (Vier-Augen-Prinzip)."
        : null;

    public string? ReleaseBlocked
    {
        get
        {
            var me = User.UserId();
            if (me is not null && me == Run.PreparedBy)
                return "Sie haben diesen Lauf vorbereitet. Die Freigabe muss eine andere Person erteilen (Vier-Augen-Prinzip).";
            if (me is not null && me == Run.ReviewedBy)
                return "Sie haben diesen Lauf geprüft. Die Freigabe muss eine andere Person erteilen (Vier-Augen-Prinzip).";
            if (Run.PreparedBy == PayoutTexts.Schedule && Run.ReviewedBy is null)
                return "Dieser Lauf wurde automatisch vorbereitet. Vor der Freigabe muss ihn eine Person prüfen; freigeben darf dann eine andere (Vier-Augen-Prinzip).";
            return null;
        }
    }

    public async Task OnGet()
    {
        await Load();
    }

    public Task<IActionResult> OnPostReview() =>
        Act("review", c => c.ReviewPayoutRunAsync(Id, IdempotencyKey("review")), "Der Lauf ist als geprüft vermerkt.");

    /// <summary>The release makes the cash-office file: the clerk confirms the run's month, lines and total first.</summary>
    public async Task<IActionResult> OnPostRelease()
    {
        if (Step == "confirm") return await ReleaseNow();
        await Load();
        Posted = "release";
        Confirmed($"Auszahlungslauf {Format.Month(Run.Month)} freigeben", "Jetzt verbindlich freigeben", "Release",
        [
            new("Monat", Format.Month(Run.Month)),
            new("Zeilen", Run.Lines.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("Summe", Format.Money(Run.TotalCents)),
            new("Vorbereitet von", PayoutTexts.Who(Run.PreparedBy, Run.PreparedByName)),
            new("Geprüft von", PayoutTexts.Who(Run.ReviewedBy, Run.ReviewedByName)),
        ], "Mit der Freigabe entsteht die Datei für die Kreiskasse; die Beträge werden ausgezahlt.");
        return Page();
    }

    private Task<IActionResult> ReleaseNow() =>
        Act("release", c => c.ReleasePayoutRunAsync(Id, IdempotencyKey("release")), "Der Lauf ist freigegeben. Die Datei für die Kreiskasse steht bereit.");

    public Task<IActionResult> OnPostReject() =>
        Act("reject", c => c.RejectPayoutRunAsync(Id, IdempotencyKey("reject", Reject.Reason?.Trim() ?? ""), new RejectPayoutRunRequest { Reason = Reject.Reason?.Trim() ?? "" }),
            "Der Lauf ist zurückgewiesen. Seine Stunden gelten wieder als unbezahlt; der Monat kann neu vorbereitet werden.");

    private async Task<IActionResult> Act(string form, Func<AghClient, Task> call, string done)
    {
        Posted = form;
        if (await Try(call, prefix: nameof(Reject))) return BackTo("/PayoutRuns/Details", new { id = Id }, done);
        await Load();
        return Page();
    }

    private async Task Load()
    {
        var api = await Api();
        Run = await api.GetPayoutRunAsync(Id);
        Persons = await PersonNames.Load(api, Run.Lines.Select(l => l.PersonId));
    }
}
