using System.ComponentModel.DataAnnotations;
using AGH.Web.Api;
using AGH.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace AGH.Web.Pages.Persons;

/// <summary>Register a person in the caseworker's own municipality (POST /api/persons).</summary>
public sealed class NewModel : CommandPage
{
    public sealed class PersonInput
    {
        [Required(ErrorMessage = "Bitte den Vornamen angeben.")] public string? GivenName { get; set; }
        [Required(ErrorMessage = "Bitte den Familiennamen angeben.")] public string? FamilyName { get; set; }
        [Required(ErrorMessage = "Bitte das Geburtsdatum angeben.")] public DateOnly? DateOfBirth { get; set; }
        [Required(ErrorMessage = "Bitte angeben, seit wann Leistungen nach dem AsylbLG bezogen werden.")] public DateOnly? EntitledSince { get; set; }
        public string? FileReference { get; set; }
        /// <summary>Ticked on the possible-duplicate warning: "Keine Doppelerfassung – trotzdem anlegen".</summary>
        public bool ConfirmedNotDuplicate { get; set; }
    }

    /// <summary>The API's 409 possible-duplicate: shown above the kept input with the confirmation.</summary>
    public DuplicateWarning? Duplicate { get; private set; }

    [BindProperty] public PersonInput Input { get; set; } = new();

    public string MunicipalityName => Municipalities.Name(User.Municipality());

    public void OnGet() { }

    public async Task<IActionResult> OnPost()
    {
        if (!ModelState.IsValid) return Page();
        CreatedId? created = null;
        var fileReference = string.IsNullOrWhiteSpace(Input.FileReference) ? null : Input.FileReference.Trim();
        var ok = await Try(async c =>
        {
            try
            {
                created = await c.RegisterPersonAsync(IdempotencyKey("register", Input.GivenName!.Trim(), Input.FamilyName!.Trim(), Input.DateOfBirth,
                    Input.EntitledSince, fileReference, Input.ConfirmedNotDuplicate), new RegisterPersonRequest
        {
            Municipality = User.Municipality() ?? "",
            GivenName = Input.GivenName!.Trim(),
            FamilyName = Input.FamilyName!.Trim(),
            DateOfBirth = Input.DateOfBirth!.Value,
            EntitledSince = Input.EntitledSince!.Value,
            FileReference = fileReference,
            ConfirmedNotDuplicate = Input.ConfirmedNotDuplicate ? true : null,
        });
            }
            catch (AghApiException e) when (DuplicateWarning.Is(e))
            {
                Duplicate = await DuplicateWarning.For(c, e);
            }
        }, codeFields: new Dictionary<string, string>
        {
            ["file-reference-taken"] = "FileReference",
            ["date-in-future"] = "DateOfBirth",
            ["entitlement-before-birth"] = "EntitledSince",
        });
        if (!ok || Duplicate is not null)
        {
            // The confirmation is asked anew for what is shown now.
            Input.ConfirmedNotDuplicate = false;
            ModelState.Remove("Input.ConfirmedNotDuplicate");
            return Page();
        }
        return BackTo("/Persons/Show", new { id = created!.Id }, $"{Input.GivenName!.Trim()} {Input.FamilyName!.Trim()} ist erfasst.");
    }
}
