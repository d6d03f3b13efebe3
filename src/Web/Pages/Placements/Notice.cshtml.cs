using AGH.Web.Api;
using AGH.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace AGH.Web.Pages.Placements;

/// <summary>
/// The Heranziehungsbescheid as the API renders it (GET /api/placements/{id}/notice), streamed through the app so the
/// browser never holds the API's token. A notice served outside the service has no PDF: its notice page says so.
/// </summary>
public sealed class NoticeModel : StaffPage
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }

    public async Task<IActionResult> OnGet()
    {
        var api = await Api();
        var placement = await api.GetPlacementAsync(Id);
        if ((await api.GetNoticeAsync(placement.NoticeId)).Origin == NoticeOrigin.External)
            return RedirectToPage("/Notices/Show", new { id = placement.NoticeId });
        return await ApiFiles.Relay(this, $"api/placements/{Id}/notice", "application/pdf", $"Heranziehungsbescheid-{Id:N}.pdf", inline: true);
    }
}
