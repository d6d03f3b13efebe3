namespace AGH.Api.Recoveries;

/// <summary>
/// The recoveries the cash office may collect: only final ones (decided, the Erstattungsbescheid's remedy deadline passed,
/// no objection recorded). Same format as the payout file: ';', UTF-8 with BOM, decimal comma, no formulas.
/// </summary>
[Payroll]
public static class ExportRecoveriesEndpoint
{
    /// <summary>
    /// Columns: Aktenzeichen, family and given name, the recovery, the amount owed (cents, and EUR with a decimal comma), the
    /// Erstattungsbescheid (id, issued on, notified on; dates YYYY-MM-DD) and the day it became final (the day after its remedy deadline).
    /// </summary>
    public const string CsvHeader = "fileReference;familyName;givenName;recoveryId;amountCents;amountEuro;noticeId;noticeIssuedOn;notifiedOn;finalOn";

    /// <summary>CSV of the final recoveries for the cash office (Kreiskasse): ;-separated, UTF-8 with BOM, decimal comma</summary>
    // The description names the header constant, which a doc comment cannot.
    [WolverineGet("/api/recoveries/export", OperationId = "exportRecoveries"), Tags("Recoveries")]
    [EndpointDescription("Payroll. Columns: " + CsvHeader + " (dates YYYY-MM-DD). Only recoveries whose Erstattungsbescheid can no longer be contested (remedy deadline passed, no objection "
        + "recorded; evaluated against the service's today). X-Line-Count and X-Control-Total-Cents as for payout runs.")]
    [ProducesResponseType<string>(200, "text/csv"), AnswersProblems(403)]
    public static async Task<IResult> Get(HttpContext http, IQuerySession session, Policy policy, Clock clock) =>
        (await RecoveryCsv.Final(session, policy, clock.Today, http.RequestAborted)).Answer(http, $"erstattungen-{clock.Today:yyyy-MM-dd}.csv");
}
