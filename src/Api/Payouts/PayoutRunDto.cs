namespace AGH.Api.Payouts;

/// <summary>amountCents is what is paid: the larger of the hourly allowance and expensesCents (the month's approved expenses).</summary>
public sealed record PayoutLineDto(Guid PersonId, int Minutes, int RateCents, long AmountCents, bool Arrears, long ExpensesCents,
    [property: System.ComponentModel.Description("The person's names and file reference as the cash-office file holds them (contract v3d); only on GET /api/payout-runs/{id}, else null.")]
    string? FamilyName = null,
    [property: System.ComponentModel.Description("See familyName.")] string? GivenName = null,
    [property: System.ComponentModel.Description("See familyName.")] string? FileReference = null);

/// <summary>One recorded export: which copy, by whom, when, and the SHA-256 of the bytes sent.</summary>
public sealed record PayoutExportDto(int Sequence, string ExportedBy, DateTimeOffset At, string Sha256);

public sealed record PayoutRunDto(
    Guid Id,
    string Month,
    PayoutRunStatus Status,
    string PreparedBy,
    string? ReleasedBy,
    IReadOnlyList<PayoutLineDto> Lines,
    long TotalCents,
    string? ReviewedBy,
    string? RejectedBy,
    string? RejectionReason,
    IReadOnlyList<PayoutExportDto> Exports)
{
    /// <summary>The run with each line's names and file reference (payroll reviews a run by names, contract v3d).</summary>
    public PayoutRunDto WithNames(IReadOnlyDictionary<Guid, (string FamilyName, string GivenName, string? FileReference)> persons) => this with
    {
        Lines = Lines.Select(l => persons.TryGetValue(l.PersonId, out var p) ? l with { FamilyName = p.FamilyName, GivenName = p.GivenName, FileReference = p.FileReference } : l).ToList(),
    };

    public static PayoutRunDto From(PayoutRun run) => new(run.Id, run.Month, run.Status, run.PreparedBy, run.ReleasedBy,
        run.Lines.Select(l => new PayoutLineDto(l.PersonId, l.Minutes, l.RateCents, l.AmountCents, l.Arrears, l.ExpensesCents)).ToList(), run.TotalCents,
        run.ReviewedBy, run.RejectedBy, run.RejectionReason,
        run.Exports.Select(x => new PayoutExportDto(x.Sequence, x.ExportedBy, x.At, x.Sha256)).ToList());
}

/// <summary>Configuration "Payouts:Rates": the dated rate table; defaults to the statutory rates.</summary>
public sealed class PayoutSettings
{
    public List<RatePeriod> Rates { get; set; } = [];

    public RateTable RateTable => Rates.Count == 0 ? RateTable.Default : new RateTable(Rates);

    /// <summary>
    /// <c>Payouts:RequireConfirmation</c> (contract v3c, default false): an offer's hours of a month are paid only once its
    /// provider confirmed that month; until then they wait, and a later run pays them as arrears. Offers without a provider
    /// are never held back.
    /// </summary>
    public bool RequireConfirmation { get; set; }
}
