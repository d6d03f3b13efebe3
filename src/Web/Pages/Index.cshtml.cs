using AGH.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace AGH.Web.Pages;

/// <summary>Each role starts where its daily work is.</summary>
public sealed class IndexModel : StaffPage
{
    public IActionResult OnGet() => LocalRedirect(User.Role() switch
    {
        Roles.Caseworker => "/app/persons",
        Roles.Official => "/app/inbox",
        Roles.Coordinator => "/app/quota",
        Roles.Payroll => "/app/payout-runs",
        Roles.Auditor => "/app/audit",
        _ => "/app/problem?status=403",
    });
}
