using AGH.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace AGH.Web.Pages.Persons;

/// <summary>
/// The Art. 15 DSGVO export (GET /api/persons/{id}/export) as a download, relayed so the browser never holds the API's
/// token. The API records every export in the person's access log.
/// </summary>
public sealed class ExportModel : StaffPage
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }

    public async Task<IActionResult> OnGet()
    {
        // The person's name in the file name (never in the URL): the caseworker finds the file again in Downloads.
        var person = await (await Api()).GetPersonAsync(Id, null);
        return await ApiFiles.Relay(this, $"api/persons/{Id}/export", "application/json",
            $"Auskunft-Art15-DSGVO_{person.FamilyName}_{person.GivenName}_{Today:yyyy-MM-dd}.json", inline: false);
    }
}
