namespace AGH.Web.Infrastructure;

/// <summary>One line of the summary a binding action shows before it is sent: what, and what was entered.</summary>
public sealed record ConfirmRow(string Label, string? Value, bool InNotice = false);

/// <summary>
/// The check before a binding action (issue 20: nothing binding by accident): "Bitte prüfen: …" with the summary, a
/// button "Jetzt verbindlich …" that posts the same input again confirmed, and "Zurück" back to the filled form. No
/// JavaScript: the posted fields travel as hidden inputs.
/// </summary>
public sealed record ConfirmStep(string Title, string Action, string Handler, IReadOnlyList<ConfirmRow> Rows,
    IReadOnlyList<KeyValuePair<string, string>> Fields, string? Warning = null);
