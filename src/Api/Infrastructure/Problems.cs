namespace AGH.Api.Infrastructure;

/// <summary>
/// RFC 9457 problem responses; 409 and 422 carry a stable <c>code</c> the front-ends switch on. Built once as
/// <see cref="ProblemDetails"/>: Wolverine steps return them, queries and middleware answer them with <see cref="Answer"/>.
/// </summary>
public static class Problems
{
    public const string TypePrefix = "urn:agh:problem:";

    public static ProblemDetails Details(int status, string code, string title, string detail)
    {
        var problem = new ProblemDetails { Type = TypePrefix + code, Title = title, Status = status, Detail = detail };
        problem.Extensions["code"] = code;
        return problem;
    }

    public static ProblemDetails Details(Rejection r)
    {
        var problem = r.Kind switch
        {
            RejectionKind.NotFound => Details(404, r.Code, "Not found", r.Detail),
            RejectionKind.Forbidden => Details(403, r.Code, "Forbidden", r.Detail),
            RejectionKind.Conflict => Details(409, r.Code, "Conflict", r.Detail),
            RejectionKind.Unprocessable => Details(422, r.Code, "Rule violated", r.Detail),
            _ => throw new ArgumentOutOfRangeException(nameof(r), r.Kind, null),
        };
        foreach (var (name, value) in r.Data ?? new Dictionary<string, object>()) problem.Extensions[name] = value;
        return problem;
    }

    public static ProblemDetails NotFound(string what) => Details(404, "not-found", "Not found", $"No {what} with this id is visible to you.");

    public static ProblemDetails Forbidden(string detail) => Details(403, "forbidden", "Forbidden", detail);

    /// <summary>The problem as the answer of a query or a middleware.</summary>
    public static IResult Answer(this ProblemDetails problem) => TypedResults.Problem(problem);

    public static IResult Create(int status, string code, string title, string detail) => Details(status, code, title, detail).Answer();
}

/// <summary>
/// The problem answers a query documents beyond those every /api operation gets (OpenApiContract): 400 as a validation
/// problem with <c>errors</c>, the others as problem+json. Wolverine's own guesses for a GET (400, 404) are left out of
/// the document where the query does not name them.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class AnswersProblemsAttribute(params int[] statuses) : ModifyHttpChainAttribute
{
    public IReadOnlyList<int> Statuses => statuses;

    public override void Modify(HttpChain chain, JasperFx.CodeGeneration.GenerationRules rules)
    {
        foreach (var status in statuses)
        {
            if (status == 400) chain.Metadata.ProducesValidationProblem(400, "application/problem+json");
            else chain.Metadata.ProducesProblem(status, "application/problem+json");
        }
    }
}
