using System.ComponentModel.DataAnnotations;
using AGH.Web.Api;
using AGH.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace AGH.Web.Pages.Persons;

/// <summary>
/// The person declares in earnest to be willing to work (POST /api/persons/{id}/willingness): a restriction in force whose
/// refusal lies before it is due for review at once.
/// </summary>
public sealed class WillingnessModel : CommandPage
{
    public sealed class WillingnessInput
    {
        [Required(ErrorMessage = "Bitte den Tag der Erklärung angeben.")] public DateOnly? On { get; set; }
        [Required(ErrorMessage = "Bitte festhalten, wie die Person ihre Bereitschaft erklärt hat.")]
        [StringLength(1000, ErrorMessage = "Bitte höchstens 1000 Zeichen.")] public string? Note { get; set; }
    }

    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public WillingnessInput Input { get; set; } = new();

    public PersonDto Person { get; private set; } = null!;

    public async Task OnGet()
    {
        Person = Shown(await (await Api()).Tagged(c => c.GetPersonAsync(Id, null)));
        Input.On = Today;
    }

    public async Task<IActionResult> OnPost()
    {
        Person = Shown(await (await Api()).Tagged(c => c.GetPersonAsync(Id, null)));
        if (!ModelState.IsValid) return Page();
        var note = Input.Note!.Trim();
        var ok = await Try(c => c.DeclareWillingnessAsync(Id, IdempotencyKey("willingness", Input.On!.Value, note), ETag,
            new DeclareWillingnessRequest { On = Input.On!.Value, Note = note }), codeFields: new Dictionary<string, string>
        {
            ["date-in-future"] = "On",
        });
        if (!ok) return Page();
        return BackTo("/Persons/Show", new { id = Id },
            $"Die Erklärung der Arbeitsbereitschaft vom {Format.Date(Input.On!.Value)} ist erfasst. Eine laufende Anspruchseinschränkung ist damit sofort zu überprüfen.");
    }
}
