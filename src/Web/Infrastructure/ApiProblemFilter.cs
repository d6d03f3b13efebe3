using AGH.Web.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace AGH.Web.Infrastructure;

/// <summary>
/// An API answer a page did not handle: an expired sign-in goes back to the sign-in; anything else to a page saying it in
/// German (never a stack trace).
/// </summary>
public sealed class ApiProblemFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var executed = await next();
        if (executed.Exception is null || executed.ExceptionHandled) return;
        if (executed.Exception is AghApiException { StatusCode: 401 })
        {
            executed.Result = new LocalRedirectResult(await StaffAuth.SignInAgain(context.HttpContext));
            executed.ExceptionHandled = true;
        }
        else if (executed.Exception is AghApiException e)
        {
            executed.Result = new RedirectResult(StaffApp.Base + "/problem?status=" + e.StatusCode);
            executed.ExceptionHandled = true;
        }
        else if (executed.Exception is HttpRequestException)
        {
            executed.Result = new RedirectResult(StaffApp.Base + "/problem?status=503");
            executed.ExceptionHandled = true;
        }
    }
}
