using AGH.Domain.Common;
using Microsoft.AspNetCore.Mvc;

namespace AGH.Api.Infrastructure;

/// <summary>RFC 9457 problem responses; 409 and 422 carry a stable <c>code</c> the front-ends switch on.</summary>
public static class Problems
{
    public const string TypePrefix = "urn:agh:problem:";

    public static IResult Create(int status, string code, string title, string detail)
    {
        var problem = new ProblemDetails
        {
            Type = TypePrefix + code,
            Title = title,
            Status = status,
            Detail = detail,
        };
        problem.Extensions["code"] = code;
        return TypedResults.Problem(problem);
    }

    public static IResult From(Rejection r) => r.Kind switch
    {
        RejectionKind.NotFound => Create(404, r.Code, "Not found", r.Detail),
        RejectionKind.Forbidden => Create(403, r.Code, "Forbidden", r.Detail),
        RejectionKind.Conflict => Create(409, r.Code, "Conflict", r.Detail),
        _ => Create(422, r.Code, "Rule violated", r.Detail),
    };

    public static ProblemDetails Details(int status, string code, string title, string detail)
    {
        var problem = new ProblemDetails { Type = TypePrefix + code, Title = title, Status = status, Detail = detail };
        problem.Extensions["code"] = code;
        return problem;
    }

    public static ProblemDetails Details(Rejection r) => r.Kind switch
    {
        RejectionKind.NotFound => Details(404, r.Code, "Not found", r.Detail),
        RejectionKind.Forbidden => Details(403, r.Code, "Forbidden", r.Detail),
        RejectionKind.Conflict => Details(409, r.Code, "Conflict", r.Detail),
        _ => Details(422, r.Code, "Rule violated", r.Detail),
    };

    public static ProblemDetails NotFoundDetails(string what) => Details(404, "not-found", "Not found", $"No {what} with this id is visible to you.");

    public static IResult NotFound(string what) => Create(404, "not-found", "Not found", $"No {what} with this id is visible to you.");

    public static IResult Forbidden(string detail) => Create(403, "forbidden", "Forbidden", detail);

    public static IResult Validation(IDictionary<string, string[]> errors) =>
        TypedResults.Problem(new HttpValidationProblemDetails(errors)
        {
            Type = TypePrefix + "validation",
            Title = "The request is invalid",
            Status = 400,
            Detail = "See errors for the fields that are missing, malformed or out of range.",
            Extensions = { ["code"] = "validation" },
        });
}
