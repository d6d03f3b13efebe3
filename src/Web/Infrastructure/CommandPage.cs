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
