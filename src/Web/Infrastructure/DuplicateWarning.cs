using System.Text.Json;
using AGH.Web.Api;

namespace AGH.Web.Infrastructure;

/// <summary>
/// A 409 possible-duplicate (contract v3d): the other person when the API names them (duplicateOf, only when the caller may
/// see them), else null (a person with the same name and birth date in another municipality).
/// </summary>
public sealed record DuplicateWarning(PersonDto? Other)
{
    /// <summary>The checkbox that sends the same input again with confirmedNotDuplicate.</summary>
    public string ConfirmLabel { get; init; } = "Keine Doppelerfassung – trotzdem anlegen";

    public static bool Is(AghApiException e) => e.StatusCode == 409 && ApiProblem.From(e).Code == "possible-duplicate";

    /// <summary>The warning for the refusal; the other person read with the caller's own rights.</summary>
    public static async Task<DuplicateWarning> For(AghClient api, AghApiException e)
    {
        var id = DuplicateOf(e.Response);
        if (id is null) return new DuplicateWarning((PersonDto?)null);
        try
        {
            return new DuplicateWarning(await api.GetPersonAsync(id.Value, null));
        }
        catch (AghApiException read) when (read.StatusCode is 403 or 404)
        {
            return new DuplicateWarning((PersonDto?)null);
        }
    }

    private static Guid? DuplicateOf(string? response)
    {
        try
        {
            using var doc = JsonDocument.Parse(string.IsNullOrWhiteSpace(response) ? "{}" : response);
            return doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("duplicateOf", out var v)
                && v.ValueKind == JsonValueKind.String && Guid.TryParse(v.GetString(), out var id) ? id : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
