using AGH.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace AGH.Web.Pages;

/// <summary>Each role starts where its daily work is.</summary>
public sealed class IndexModel : StaffPage
{
    public IActionResult OnGet() => User.Role() switch
    {
        Roles.Caseworker => RedirectToPage("/Tasks/Index"),
        Roles.Official => RedirectToPage("/Tasks/Index"),
        Roles.Coordinator => RedirectToPage("/Quota/Index"),
        Roles.Payroll => RedirectToPage("/Tasks/Index"),
        Roles.Auditor => RedirectToPage("/Audit/Index"),
        Roles.Provider => RedirectToPage("/Provider/Index"),
        _ => RedirectToPage("/Problem", new { status = 403 }),
    };
}
