using System.ComponentModel.DataAnnotations;
using AGH.Web.Api;
using AGH.Web.Infrastructure;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Hosting;

namespace AGH.Web.Pages;

/// <summary>Development sign-in: pick a role, name and municipality; the API issues the token (POST /dev/token).</summary>
public sealed class SignInModel(ApiClients clients, IHostEnvironment environment) : PageModel
{
    public sealed class SignInInput
    {
        [Required(ErrorMessage = "Bitte eine Rolle wählen.")] public string Role { get; set; } = Roles.Caseworker;
        [Required(ErrorMessage = "Bitte einen Namen angeben.")] public string Name { get; set; } = "Anna Schulz";
        [Required(ErrorMessage = "Bitte eine Kennung angeben.")] public string UserId { get; set; } = "a.schulz";
        public string? Municipality { get; set; } = "bad-iburg";
        [RegularExpression("^[a-z0-9][a-z0-9-]{1,62}$", ErrorMessage = "Kleinbuchstaben, Ziffern und Bindestriche, z. B. tafel-osnabruecker-land.")]
        public string? Provider { get; set; }
    }

    [BindProperty] public SignInInput Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGet()
    {
        // Outside Development the identity provider signs staff in.
        if (!environment.IsDevelopment()) return Challenge(new AuthenticationProperties { RedirectUri = SafeReturn() }, StaffAuth.OidcScheme);
        await LoadMunicipalities();
        return Page();
    }

    public async Task<IActionResult> OnPost()
    {
        if (!environment.IsDevelopment()) return NotFound();
        await LoadMunicipalities();
        if (Input.Role == Roles.Provider && string.IsNullOrWhiteSpace(Input.Provider))
            ModelState.AddModelError("Input.Provider", "Für einen Träger bitte die Organisation angeben.");
        if (!ModelState.IsValid) return Page();
        try
        {
            var token = await clients.WithToken(null).IssueDevTokenAsync(new AuthTokenRequest
            {
                UserId = Input.UserId.Trim(),
                Name = Input.Name.Trim(),
                Role = Input.Role,
                Municipality = string.IsNullOrEmpty(Input.Municipality) || Input.Role == Roles.Provider ? null : Input.Municipality,
                Provider = Input.Role == Roles.Provider ? Input.Provider!.Trim() : null,
                LifetimeSeconds = 8 * 3600,
            });
            await StaffAuth.SignIn(HttpContext, token.AccessToken, token.ExpiresAt);
            return LocalRedirect(SafeReturn());
        }
        catch (AghApiException e)
        {
            var problem = ApiProblem.From(e);
            foreach (var (field, messages) in problem.Errors)
                ModelState.AddModelError("Input." + char.ToUpperInvariant(field[0]) + field[1..],
                    field == "municipality" ? "Für die Sachbearbeitung bitte eine Kommune wählen." : ProblemTexts.Field(messages));
            if (problem.Errors.Count == 0) ModelState.AddModelError(string.Empty, problem.Message);
            return Page();
        }
    }

    private string SafeReturn() => !string.IsNullOrEmpty(ReturnUrl) && Url.IsLocalUrl(ReturnUrl) && ReturnUrl.StartsWith(StaffApp.Base) ? ReturnUrl : Url.Page("/Index")!;

    private async Task LoadMunicipalities()
    {
        if (Municipalities.Known) return;
        // Every /api call needs a token, also reference data: a minute-long development token reads the list once.
        var token = await clients.WithToken(null).IssueDevTokenAsync(new AuthTokenRequest
            { UserId = "system:web-reference-data", Role = Roles.Auditor, LifetimeSeconds = 60 });
        await Municipalities.EnsureLoaded(clients.WithToken(token.AccessToken));
    }
}
