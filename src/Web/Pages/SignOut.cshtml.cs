using AGH.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Hosting;

namespace AGH.Web.Pages;

public sealed class SignOutModel(IHostEnvironment environment, WebSettings settings) : PageModel
{
    public IActionResult OnGet() => RedirectToPage("/Index");

    public async Task<IActionResult> OnPost()
    {
        var oidc = !environment.IsDevelopment() || !string.IsNullOrWhiteSpace(settings.Authority);
        await StaffAuth.SignOut(HttpContext, oidc);
        return oidc ? new EmptyResult() : RedirectToPage("/SignedOut");
    }
}
