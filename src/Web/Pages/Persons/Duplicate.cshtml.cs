using System.ComponentModel.DataAnnotations;
using AGH.Web.Api;
using AGH.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace AGH.Web.Pages.Persons;

/// <summary>
/// "Doppelt erfasst" (POST /api/persons/{id}/duplicate-of): this record was entered twice and is closed, pointing to the
/// record that is kept (the führende Akte), found by its file reference. Binding and final, so a summary is confirmed first.
/// </summary>
public sealed class DuplicateModel : CommandPage
{
    public sealed class DuplicateInput
    {
        [Required(ErrorMessage = "Bitte das Aktenzeichen der führenden Akte angeben.")]
        [StringLength(100, ErrorMessage = "Bitte höchstens 100 Zeichen.")] public string? KeptFileReference { get; set; }
        [Required(ErrorMessage = "Bitte den Grund angeben, zum Beispiel „versehentlich zweimal erfasst“.")]
        [StringLength(1000, ErrorMessage = "Bitte höchstens 1000 Zeichen.")] public string? Reason { get; set; }
    }

    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public DuplicateInput Input { get; set; } = new();

    public PersonDto Person { get; private set; } = null!;

    /// <summary>Persons of the municipality with the same name and birth date: the likely führende Akte, offered to pick.</summary>
    public IReadOnlyList<PersonDto> Candidates { get; private set; } = [];

    public async Task<IActionResult> OnGet() => await Load() ?? Page();

    public async Task<IActionResult> OnPostMark()
    {
        if (await Load() is { } refused) return refused;
        if (!ModelState.IsValid) return Page();
        var reference = Input.KeptFileReference!.Trim();
        var kept = await Find(reference);
        if (kept is null)
        {
            ModelState.AddModelError("Input.KeptFileReference", "Keine Person Ihrer Kommune hat dieses Aktenzeichen.");
            return Page();
        }
        if (kept.Id == Id)
        {
            ModelState.AddModelError("Input.KeptFileReference", ProblemTexts.ForCode("same-person"));
            return Page();
        }
        var reason = Input.Reason!.Trim();
        if (!Confirmed("diese Akte als doppelt erfasst schließen", "Jetzt verbindlich als doppelt erfasst schließen", "Mark",
            [
                new("Diese Akte (wird geschlossen)", $"{Person.FamilyName}, {Person.GivenName}, geboren am {Format.Date(Person.DateOfBirth)}, Aktenzeichen {Person.FileReference ?? "–"}"),
                new("Führende Akte (bleibt)", $"{kept.FamilyName}, {kept.GivenName}, geboren am {Format.Date(kept.DateOfBirth)}, Aktenzeichen {kept.FileReference ?? "–"}"),
                new("Grund", reason),
            ], "Die geschlossene Akte zählt danach nirgends mehr (Quote, Berichte, Zuweisung) und lässt sich nicht wieder öffnen."))
            return Page();
        var ok = await Try(c => c.MarkPersonDuplicateAsync(Id, IdempotencyKey("duplicate-of", kept.Id, reason), ETag,
            new MarkDuplicateRequest { PersonId = kept.Id, Reason = reason }), codeFields: new Dictionary<string, string>
        {
            ["same-person"] = "KeptFileReference",
            ["duplicate-of-duplicate"] = "KeptFileReference",
        });
        if (!ok) return Page();
        return BackTo("/Persons/Show", new { id = Id }, $"Die Akte ist als doppelt erfasst geschlossen. Führende Akte: {kept.FamilyName}, {kept.GivenName}.");
    }

    /// <summary>The person of the own municipality holding exactly this file reference (the search also matches names and parts).</summary>
    private async Task<PersonDto?> Find(string fileReference)
    {
        var found = await (await Api()).ListPersonsAsync(User.Municipality(), fileReference, null, null, 1, 50);
        return found.FirstOrDefault(p => string.Equals(p.FileReference, fileReference, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Caseworkers of the person's municipality only, on a record still open: anyone else gets the refusal page.</summary>
    private async Task<IActionResult?> Load()
    {
        var api = await Api();
        Person = Shown(await api.Tagged(c => c.GetPersonAsync(Id, null)));
        if (User.Role() != Roles.Caseworker || User.Municipality() != Person.Municipality) return Redirect(StaffApp.Base + "/problem?status=403");
        if (Person.Status == PersonStatus.Duplicate || Person.ErasedOn is not null) return Redirect(StaffApp.Base + "/problem?status=409");
        Candidates = (await api.ListPersonsAsync(User.Municipality(), Person.FamilyName, null, null, 1, 100))
            .Where(p => p.Id != Id && p.DateOfBirth == Person.DateOfBirth && p.Status != PersonStatus.Duplicate && p.FileReference is not null
                && string.Equals(p.GivenName, Person.GivenName, StringComparison.CurrentCultureIgnoreCase)
                && string.Equals(p.FamilyName, Person.FamilyName, StringComparison.CurrentCultureIgnoreCase))
            .ToList();
        return null;
    }
}
