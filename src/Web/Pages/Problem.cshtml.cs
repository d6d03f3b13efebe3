using AGH.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AGH.Web.Pages;

public sealed class ProblemModel : PageModel
{
    [BindProperty(SupportsGet = true)] public int Status { get; set; }

    public string Message => ProblemTexts.For(new ApiProblem(Status, null, null, null, new Dictionary<string, string[]>()));
}
