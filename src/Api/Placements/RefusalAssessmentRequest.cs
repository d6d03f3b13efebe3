using System.ComponentModel;

namespace AGH.Api.Placements;

/// <summary>Assessing a refusal and reassessing it after the hearing take the same body: good cause or not, and why.</summary>
public sealed record RefusalAssessmentRequest([property: Required] bool? GoodCause, ExemptionReason? Reason, [property: Required, Description("Appears in the notice (Einschränkungsbescheid) when goodCause is false.")] string? Reasoning)
{
    public static (T?, ProblemDetails) Parse<T>(RefusalAssessmentRequest? body, Func<bool, ExemptionReason?, string, T> command) where T : class =>
        Infrastructure.Parse.Body(body, (b, v) =>
        {
            var goodCause = v.Required(b.GoodCause, "goodCause");
            if (goodCause && b.Reason is null) v.Add("reason", "is required when goodCause is true.");
            return command(goodCause, b.Reason, v.Text(b.Reasoning, "reasoning", 4000));
        });
}
