using AGH.Domain.Common;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace AGH.Api.Infrastructure;

/// <summary>
/// The steps every command endpoint shares, as Wolverine continuations: a <see cref="ProblemDetails"/> stops the
/// request with that problem, <see cref="WolverineContinue.NoProblems"/> lets it go on to the next step.
/// </summary>
public static class Steps
{
    public static ProblemDetails Continue => WolverineContinue.NoProblems;

    /// <summary>The caller's role may run the command; the session records them as the actor of every event it stores.</summary>
    public static ProblemDetails Require(HttpContext http, IDocumentSession session, params string[] roles)
    {
        var actor = Caller.ActorOf(http.User);
        if (Caller.Refusal(actor, roles) is { } why) return Problems.Details(403, "forbidden", "Forbidden", why);
        CommandActor.Set(session, actor!);
        return Continue;
    }

    /// <summary>A JSON <c>null</c> (or nothing) where the command's object belongs.</summary>
    public static ProblemDetails Body(object? body) => body is null ? new Checks().Add("$", "A JSON object is required.").Details() : Continue;


    public static Actor Actor(HttpContext http) => Caller.ActorOf(http.User)!;

    /// <summary>The pure decision's rejection as the problem answered, or go on.</summary>
    public static ProblemDetails Check(Decision decision) => decision.Rejection is { } r ? Problems.Details(r) : Continue;

    /// <summary>If-Match against the stream revision the decision reads.</summary>
    public static ProblemDetails IfMatch(HttpContext http, long revision) =>
        Preconditions.Check(http, revision) is { } ? Problems.Details(412, "precondition-failed", "Precondition failed",
            $"The resource has changed (current ETag {Preconditions.ETagFor(revision)}); reload it and decide again.") : Continue;
}
