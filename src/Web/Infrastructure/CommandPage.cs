using System.Security.Cryptography;
using System.Text;
using AGH.Web.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace AGH.Web.Infrastructure;

/// <summary>
/// A page whose forms send commands: the request key made when the form is shown (the base of every Idempotency-Key)
/// and the ETag of what the form was shown with (sent as If-Match).
/// </summary>
public abstract class CommandPage : StaffPage
{
    [BindProperty] public Guid RequestKey { get; set; }

    [BindProperty] public string? ETag { get; set; }

    /// <summary>"confirm" when the user confirmed the summary of a binding action, "back" when she went back to the form.</summary>
    [BindProperty] public string? Step { get; set; }

    /// <summary>The summary to confirm, when a binding action's input was valid and not yet confirmed.</summary>
    public ConfirmStep? Confirmation { get; private set; }

    public override Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        // A form shown is a new request; a post without a key (an old tab, a hand-made post) gets one of its own.
        if (HttpMethods.IsGet(Request.Method) || RequestKey == Guid.Empty) RequestKey = Guid.NewGuid();
        return base.OnPageHandlerExecutionAsync(context, next);
    }

    /// <summary>
    /// The one Idempotency-Key rule: the form's request key with what this call sends. A double-click repeats the same
    /// key (the API answers once), while a changed value after a refusal is a new request with a new key.
    /// </summary>
    protected string IdempotencyKey(params object?[] sent)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(RequestKey + "|" + string.Join("|", sent)));
        return new Guid(hash.AsSpan(0, 16)).ToString();
    }

    /// <summary>
    /// True when the user confirmed this action's summary. Otherwise (the first post, or back from the summary) false, and
    /// on the first post the page shows the summary with the posted fields (files excepted) to send again.
    /// </summary>
    protected bool Confirmed(string title, string action, string handler, IEnumerable<ConfirmRow> rows, string? warning = null)
    {
        if (Step == "confirm") return true;
        if (Step != "back")
        {
            var fields = Request.Form
                .Where(f => f.Key is not ("__RequestVerificationToken" or nameof(Step)))
                .SelectMany(f => f.Value.Select(v => new KeyValuePair<string, string>(f.Key, v ?? "")))
                .ToList();
            Confirmation = new ConfirmStep(title, action, handler, rows.ToList(), fields, warning);
        }
        Step = null;
        ModelState.Remove(nameof(Step));
        return false;
    }

    /// <summary>The value the form is about; its ETag becomes the If-Match unless a post already carries the one the form was shown with.</summary>
    protected T Shown<T>(Tagged<T> read)
    {
        if (string.IsNullOrEmpty(ETag)) ETag = read.ETag;
        return read.Value;
    }

    /// <summary>The value as it is now, after a change this page made: the next change is based on it.</summary>
    protected T Current<T>(Tagged<T> read)
    {
        ETag = read.ETag;
        ModelState.Remove(nameof(ETag));
        return read.Value;
    }
}
