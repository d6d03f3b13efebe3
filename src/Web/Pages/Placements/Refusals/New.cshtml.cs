using AGH.Web.Api;
using AGH.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace AGH.Web.Pages.Placements.Refusals;

/// <summary>Step 1 of the refusal flow: record what happened; the flow continues on the refusal's own page.</summary>
public sealed class NewModel : CommandPage
{
    public sealed class RefusalInput
    {
        public DateOnly? Date { get; set; }
        // Nothing preselected: the kind decides what the notice says, so the user chooses it (issue 20).
        public string? Kind { get; set; }
        public string? StatedReason { get; set; }
    }

    [BindProperty] public RefusalInput Input { get; set; } = new();

    public PlacementDto Placement { get; private set; } = null!;
    public PersonDto Person { get; private set; } = null!;

    public async Task OnGet(Guid id)
    {
        await Load(id);
        Input.Date = Today;
    }

    public async Task<IActionResult> OnPost(Guid id)
    {
        await Load(id);
        if (Input.Date is null) ModelState.AddModelError("Input.Date", "Bitte das Datum der Weigerung angeben.");
        var kind = Labels.RefusalKind.Parse(Input.Kind);
        if (kind is null) ModelState.AddModelError("Input.Kind", "Bitte wählen Sie die Art der Weigerung: Es ist nichts vorausgewählt.");
        if (!ModelState.IsValid) return Page();

        RecordRefusalCreated? created = null;
        var ok = await Try(async c => created = await c.RecordRefusalAsync(id, IdempotencyKey("refusal"), ETag, new RecordRefusalRequest
        {
            Date = Input.Date!.Value,
            Kind = kind!.Value,
            StatedReason = string.IsNullOrWhiteSpace(Input.StatedReason) ? null : Input.StatedReason.Trim(),
        }), codeFields: new Dictionary<string, string>
        {
            ["refusal-before-notice"] = "Date", ["date-in-future"] = "Date", ["outside-placement"] = "Date",
        });
        if (!ok) return Page();
        return BackTo("/Placements/Refusals/Details", new { id, refusalId = created!.RefusalId },
            $"Die Weigerung vom {Format.Date(Input.Date!.Value)} ist erfasst. Als Nächstes: die Bewertung.");
    }

    private async Task Load(Guid id)
    {
        var api = await Api();
        Placement = Shown(await api.Tagged(c => c.GetPlacementAsync(id)));
        Person = await api.GetPersonAsync(Placement.PersonId, null);
    }
}
