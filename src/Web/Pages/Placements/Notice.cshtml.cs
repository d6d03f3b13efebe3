using System.Net;
using System.Net.Http.Headers;
using AGH.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;

namespace AGH.Web.Pages.Placements;

/// <summary>
/// The Heranziehungsbescheid as the API renders it (GET /api/placements/{id}/notice), streamed through the app so the
/// browser never holds the API's token.
/// </summary>
public sealed class NoticeModel : StaffPage
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }

    public async Task<IActionResult> OnGet()
    {
        var http = await HttpContext.RequestServices.GetRequiredService<ApiClients>().Raw();
        HttpResponseMessage response;
        try
        {
            response = await http.GetAsync($"api/placements/{Id}/notice", HttpCompletionOption.ResponseHeadersRead, HttpContext.RequestAborted);
        }
        catch (HttpRequestException)
        {
            return LocalRedirect("/app/problem?status=503");
        }
        HttpContext.Response.RegisterForDispose(response);
        if (response.StatusCode == HttpStatusCode.Unauthorized)
        {
            await StaffAuth.SignOut(HttpContext, oidc: false);
            return LocalRedirect("/app/signin?ReturnUrl=" + Uri.EscapeDataString($"/app/placements/{Id}/notice"));
        }
        if (!response.IsSuccessStatusCode) return LocalRedirect($"/app/problem?status={(int)response.StatusCode}");

        var name = response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName?.Trim('"')
            ?? $"Heranziehungsbescheid-{Id:N}.pdf";
        var disposition = new ContentDispositionHeaderValue("inline") { FileNameStar = name };
        Response.Headers.ContentDisposition = disposition.ToString();
        Response.Headers.CacheControl = "private, no-store";
        return File(await response.Content.ReadAsStreamAsync(HttpContext.RequestAborted), "application/pdf");
    }
}
