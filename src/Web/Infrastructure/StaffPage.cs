using AGH.Web.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.DependencyInjection;

namespace AGH.Web.Infrastructure;

/// <summary>A page of the staff app: the API client, today in Berlin, and the API's answers as German messages.</summary>
public abstract class StaffPage : PageModel
{
    public override async Task OnPageHandlerExecutionAsync(Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutingContext context,
        Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutionDelegate next)
    {
        // Providers may not read the reference data: their pages name no municipality.
        if (!Municipalities.Known && User.Identity?.IsAuthenticated == true && User.Role() != Roles.Provider) await Municipalities.EnsureLoaded(await Api());
        var executed = await next();
        // Back after sign-in from a form posted when the session had ended: the form filled in again, not sent.
        if (HttpMethods.IsGet(Request.Method) && executed.Exception is null && executed.Result is null or PageResult) await KeptForm.Restore(this);
    }

    protected Task<AghClient> Api() => HttpContext.RequestServices.GetRequiredService<ApiClients>().For();

    protected TimeProvider Time => HttpContext.RequestServices.GetRequiredService<TimeProvider>();

    public DateOnly Today => Format.Today(Time);

    /// <summary>
    /// Runs a change through the API. A refusal becomes German messages: field errors next to their fields (the API's
    /// names, under <paramref name="prefix"/>), a coded refusal next to the field named in <paramref name="codeFields"/>,
    /// else at the action. The form keeps what was typed because the page renders again from the bound input.
    /// </summary>
    protected async Task<bool> Try(Func<AghClient, Task> call, string prefix = "Input", IReadOnlyDictionary<string, string>? codeFields = null)
    {
        try
        {
            await call(await Api());
            return true;
        }
        catch (AghApiException e) when (e.StatusCode != 401)
        {
            AddProblem(ApiProblem.From(e), prefix, codeFields);
            return false;
        }
        catch (HttpRequestException)
        {
            ModelState.AddModelError(string.Empty, "Der Dienst ist gerade nicht erreichbar. Ihre Eingaben sind erhalten; bitte erneut senden.");
            return false;
        }
    }

    protected void AddProblem(ApiProblem problem, string prefix = "Input", IReadOnlyDictionary<string, string>? codeFields = null)
    {
        foreach (var (field, messages) in problem.Errors)
            ModelState.AddModelError(Key(prefix, field), ProblemTexts.Field(messages));
        if (problem.Errors.Count > 0 && problem.Code is null) return;
        var target = problem.Code is { } code && codeFields is not null && codeFields.TryGetValue(code, out var f) ? Key(prefix, f) : string.Empty;
        ModelState.AddModelError(target, problem.Message);
    }

    private static string Key(string prefix, string apiField)
    {
        if (apiField is "$" or "") return string.Empty;
        var name = char.ToUpperInvariant(apiField[0]) + apiField[1..];
        return prefix == "" ? name : prefix + "." + name;
    }

    /// <summary>After a change: to the page that shows it (a redirect, so a reload does not post again), with a message.</summary>
    protected IActionResult BackTo(string page, object? routeValues, string message)
    {
        TempData["Flash"] = message;
        return RedirectToPage(page, routeValues);
    }
}
