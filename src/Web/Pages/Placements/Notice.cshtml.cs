using AGH.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace AGH.Web.Pages.Placements;

/// <summary>
/// The Heranziehungsbescheid as the API renders it (GET /api/placements/{id}/notice), streamed through the app so the
/// browser never holds the API's token.
/// </summary>
public sealed class NoticeModel : StaffPage
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }

    public Task<IActionResult> OnGet() =>
        ApiFiles.Relay(this, $"api/placements/{Id}/notice", "application/pdf", $"Heranziehungsbescheid-{Id:N}.pdf", inline: true);
}
