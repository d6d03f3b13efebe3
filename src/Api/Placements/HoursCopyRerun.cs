namespace AGH.Api.Placements;

/// <summary>
/// Around every endpoint: a request that decided on a kept hours copy (<see cref="HoursCopies"/>) and failed, by a write
/// refused for its versions or by a refusal the copy may have caused, runs once more from the start, reading under the
/// lock. Only a run that committed nothing (Wolverine marks every command's commit, as its deduplication needs) and sent
/// nothing runs again, so the client sees only the second answer. After the request the copy is kept or forgotten.
/// </summary>
public sealed class HoursCopyRerun(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, HoursCopies copies)
    {
        var before = HttpMethods.IsPost(context.Request.Method) ? context.Items.Keys.ToHashSet() : null;
        if (await Attempt(context, copies, rerunnable: before is not null)) return;
        // What the first run noted for itself (the endpoint's steps, the deduplication's) would mislead the second.
        foreach (var key in context.Items.Keys.Where(k => !before!.Contains(k)).ToList()) context.Items.Remove(key);
        HoursCopies.Lock(context);
        context.Request.Body.Position = 0;
        context.Response.StatusCode = StatusCodes.Status200OK;
        await Attempt(context, copies, rerunnable: false);
    }

    /// <returns>False when the request decided on a copy and failed before it answered: it runs again.</returns>
    private async Task<bool> Attempt(HttpContext context, HoursCopies copies, bool rerunnable)
    {
        try
        {
            await next(context);
        }
        catch (Exception) when (rerunnable && HoursCopies.DecidedOnCopy(context) && !Wolverine.Http.HttpHandler.IsDeduplicatedResponseCommitted(context)
                                && !context.Response.HasStarted && context.Request.Body.CanSeek && !context.RequestAborted.IsCancellationRequested)
        {
            copies.Settle(context, CopyOutcome.DecidedAgain);
            return false;
        }
        catch
        {
            copies.Settle(context, CopyOutcome.Failed);
            throw;
        }
        copies.Settle(context, CopyOutcome.Answered);
        return true;
    }
}

/// <summary>Thrown where a request that decided on a kept copy would refuse: the refusal is decided again under the lock.</summary>
public sealed class RefusedOnCopyException() : Exception("Refused on a kept hours copy; decided again under the lock.");
