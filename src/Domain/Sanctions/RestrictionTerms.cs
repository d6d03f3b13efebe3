using System.Text.Json.Serialization;
using AGH.Domain.Common;

namespace AGH.Domain.Sanctions;

// What an Einschränkungs- or Fortsetzungsbescheid must decide besides the period (contract v3b): the amounts, the
// hardship decision under § 1a Abs. 1 S. 3 AsylbLG and the Bewilligungsbescheid it changes with its basis.

/// <summary>The monthly benefits before and under the restriction, in cents.</summary>
public sealed record RestrictionAmounts(long MonthlyBeforeCents, long MonthlyAfterCents);

/// <summary>§ 1a Abs. 1 S. 3 AsylbLG: special circumstances were considered; what was granted beyond the restricted benefits and why.</summary>
public sealed record SpecialCircumstances(bool Considered, IReadOnlyList<string> Granted, string Reasoning);

/// <summary>The revocation basis of the changed Bewilligungsbescheid (through § 9 Abs. 4 AsylbLG).</summary>
public enum RevocationBasis
{
    /// <summary>§ 48 SGB X: a lawful approval whose circumstances changed.</summary>
    [JsonStringEnumMemberName("section-48")]
    Section48,

    /// <summary>§ 45 SGB X: an approval unlawful from the start; needs discretion.</summary>
    [JsonStringEnumMemberName("section-45")]
    Section45,
}

/// <summary>The Bewilligungsbescheid the restriction changes: its date and basis, with the discretion reasons for § 45 SGB X.</summary>
public sealed record ApprovalNoticeRef(DateOnly Date, RevocationBasis Basis, string? DiscretionReasoning);

/// <summary>The three together, as an approval and a continuation take them.</summary>
public sealed record RestrictionTerms(RestrictionAmounts Amounts, SpecialCircumstances SpecialCircumstances, ApprovalNoticeRef ApprovalNotice)
{
    /// <summary>The terms as an event records them (flat, so erasure masks each text); null where it recorded none.</summary>
    public static RestrictionTerms? From(RestrictionAmounts? amounts, IReadOnlyList<string>? granted, string? reasoning, DateOnly? date,
        RevocationBasis? basis, string? discretion) =>
        amounts is { } a && reasoning is { } r && date is { } d && basis is { } b
            ? new(a, new SpecialCircumstances(true, granted ?? [], r), new ApprovalNoticeRef(d, b, discretion))
            : null;

    /// <summary>422 amount-not-reduced: the restriction must lower the monthly benefits.</summary>
    public static Rejection? NotReduced(RestrictionTerms? terms) =>
        terms is { Amounts: var a } && a.MonthlyAfterCents >= a.MonthlyBeforeCents
            ? Rejection.Unprocessable("amount-not-reduced",
                $"monthlyAfterCents ({a.MonthlyAfterCents}) is not below monthlyBeforeCents ({a.MonthlyBeforeCents}); a restriction lowers the benefits.")
            : null;
}
