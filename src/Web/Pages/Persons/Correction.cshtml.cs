using System.ComponentModel.DataAnnotations;
using AGH.Web.Api;
using AGH.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace AGH.Web.Pages.Persons;

/// <summary>
/// "Stammdaten berichtigen" (POST /api/persons/{id}/correction, Art. 16 DSGVO): the form shows the current values, only the
/// changed ones are sent, with the reason; the history keeps old and new. The duplicate rules of registration apply.
/// </summary>
public sealed class CorrectionModel : CommandPage
{
    public sealed class CorrectionInput
    {
        [Required(ErrorMessage = "Bitte den Vornamen angeben.")] public string? GivenName { get; set; }
        [Required(ErrorMessage = "Bitte den Familiennamen angeben.")] public string? FamilyName { get; set; }
        [Required(ErrorMessage = "Bitte das Geburtsdatum angeben.")] public DateOnly? DateOfBirth { get; set; }
        [Required(ErrorMessage = "Bitte angeben, seit wann Leistungen nach dem AsylbLG bezogen werden.")] public DateOnly? EntitledSince { get; set; }
        public string? FileReference { get; set; }
        [Required(ErrorMessage = "Bitte den Grund der Berichtigung angeben, zum Beispiel „Schreibweise laut Pass“.")]
        [StringLength(1000, ErrorMessage = "Bitte höchstens 1000 Zeichen.")] public string? Reason { get; set; }
        public bool ConfirmedNotDuplicate { get; set; }
    }

    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public CorrectionInput Input { get; set; } = new();

    public PersonDto Person { get; private set; } = null!;
    public DuplicateWarning? Duplicate { get; private set; }

    public async Task<IActionResult> OnGet()
    {
        if (await Load() is { } refused) return refused;
        Input = new CorrectionInput
        {
            GivenName = Person.GivenName, FamilyName = Person.FamilyName, DateOfBirth = Person.DateOfBirth,
            EntitledSince = Person.EntitledSince, FileReference = Person.FileReference,
        };
        return Page();
    }

    public async Task<IActionResult> OnPost()
    {
        if (await Load() is { } refused) return refused;
        var fileReference = string.IsNullOrWhiteSpace(Input.FileReference) ? null : Input.FileReference.Trim();
        // The API keeps a file reference once given: an emptied field would silently change nothing.
        if (fileReference is null && Person.FileReference is not null)
            ModelState.AddModelError("Input.FileReference", "Ein Aktenzeichen kann nur berichtigt, nicht entfernt werden.");
        if (!ModelState.IsValid) return Page();
        // Only what differs from the record is sent: an unchanged field is no correction.
        var request = new CorrectPersonRequest
        {
            GivenName = Changed(Input.GivenName!.Trim(), Person.GivenName),
            FamilyName = Changed(Input.FamilyName!.Trim(), Person.FamilyName),
            DateOfBirth = Input.DateOfBirth != Person.DateOfBirth ? Input.DateOfBirth : null,
            EntitledSince = Input.EntitledSince != Person.EntitledSince ? Input.EntitledSince : null,
            FileReference = fileReference is not null && fileReference != Person.FileReference ? fileReference : null,
            Reason = Input.Reason!.Trim(),
            ConfirmedNotDuplicate = Input.ConfirmedNotDuplicate ? true : null,
        };
        if (request is { GivenName: null, FamilyName: null, DateOfBirth: null, EntitledSince: null, FileReference: null })
        {
            ModelState.AddModelError(string.Empty, ProblemTexts.ForCode("nothing-to-correct"));
            return Page();
        }
        var ok = await Try(async c =>
        {
            try
            {
                await c.CorrectPersonAsync(Id, IdempotencyKey("correction", request.GivenName, request.FamilyName, request.DateOfBirth, request.EntitledSince,
                    request.FileReference, request.Reason, Input.ConfirmedNotDuplicate), ETag, request);
            }
            catch (AghApiException e) when (DuplicateWarning.Is(e))
            {
                Duplicate = await DuplicateWarning.For(c, e) with { ConfirmLabel = "Keine Doppelerfassung – trotzdem berichtigen" };
            }
        }, codeFields: new Dictionary<string, string>
        {
            ["file-reference-taken"] = "FileReference",
            ["date-in-future"] = "DateOfBirth",
            ["entitlement-before-birth"] = "EntitledSince",
            ["entitlement-after-placement"] = "EntitledSince",
        });
        if (!ok || Duplicate is not null)
        {
            Input.ConfirmedNotDuplicate = false;
            ModelState.Remove("Input.ConfirmedNotDuplicate");
            return Page();
        }
        return BackTo("/Persons/Show", new { id = Id }, "Die Stammdaten sind berichtigt. Der Verlauf zeigt die alten und die neuen Angaben.");
    }

    private static string? Changed(string value, string current) => value == current ? null : value;

    /// <summary>Caseworkers of the person's municipality only, and not on a closed record: anyone else gets the refusal page.</summary>
    private async Task<IActionResult?> Load()
    {
        Person = Shown(await (await Api()).Tagged(c => c.GetPersonAsync(Id, null)));
        if (User.Role() != Roles.Caseworker || User.Municipality() != Person.Municipality) return Redirect(StaffApp.Base + "/problem?status=403");
        if (Person.Status == PersonStatus.Duplicate || Person.ErasedOn is not null) return Redirect(StaffApp.Base + "/problem?status=409");
        return null;
    }
}
