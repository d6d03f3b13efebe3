using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;

namespace AGH.Web.Infrastructure;

/// <summary>
/// Notices (PDF) and the cash office's CSV, passed through from the API with the staff member's token, so the browser
/// never holds it. Byte for byte and streamed: the generated client would buffer the file and read the CSV as a string
/// (dropping its BOM).
/// </summary>
public static class ApiFiles
{
    public static Task<IActionResult> Relay(StaffPage page, string apiPath, string contentType, string fileName, bool inline) =>
        Relay(page, apiPath, contentType, _ => fileName, inline);

    /// <summary>The file name from the API's answer, e.g. the copy's number a recorded export names only once it is made.</summary>
    public static async Task<IActionResult> Relay(StaffPage page, string apiPath, string contentType, Func<HttpResponseMessage, string> fileName, bool inline,
        string? accept = null)
    {
        var http = page.HttpContext;
        var client = await http.RequestServices.GetRequiredService<ApiClients>().Raw();
        HttpResponseMessage response;
        try
        {
            // A route answering several formats (the district report) picks one by Accept.
            using var request = new HttpRequestMessage(HttpMethod.Get, apiPath);
            if (accept is not null) request.Headers.Accept.ParseAdd(accept);
            response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, http.RequestAborted);
        }
        catch (HttpRequestException)
        {
            return new LocalRedirectResult(StaffApp.Base + "/problem?status=503");
        }
        http.Response.RegisterForDispose(response);
        if (response.StatusCode == HttpStatusCode.Unauthorized)
        {
            return new LocalRedirectResult(await StaffAuth.SignInAgain(http));
        }
        if (!response.IsSuccessStatusCode) return new LocalRedirectResult($"{StaffApp.Base}/problem?status={(int)response.StatusCode}");

        http.Response.Headers.ContentDisposition = new ContentDispositionHeaderValue(inline ? "inline" : "attachment") { FileNameStar = fileName(response) }.ToString();
        http.Response.Headers.CacheControl = "private, no-store";
        return new FileStreamResult(await response.Content.ReadAsStreamAsync(http.RequestAborted), contentType);
    }
}
