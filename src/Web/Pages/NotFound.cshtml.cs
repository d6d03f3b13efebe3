using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AGH.Web.Pages;

/// <summary>An unknown address under /app: a German page with 404, not the API's problem document.</summary>
public sealed class NotFoundModel : PageModel
{
    public void OnGet() => Response.StatusCode = 404;
}
