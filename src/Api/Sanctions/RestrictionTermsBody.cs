using System.ComponentModel;

namespace AGH.Api.Sanctions;

/// <summary>The monthly benefits before and under the restriction, in cents (integers ≥ 0).</summary>
public sealed record AmountsBody(
    [property: Required, Description("Monthly benefits before the restriction, in cents. Appears in the notice.")] long? MonthlyBeforeCents,
    [property: Required, Description("Monthly benefits under the restriction, in cents; below monthlyBeforeCents (else 422 amount-not-reduced). Appears in the notice.")] long? MonthlyAfterCents);

/// <summary>§ 1a Abs. 1 S. 3 AsylbLG: the hardship decision the notice prints.</summary>
public sealed record SpecialCircumstancesBody(
    [property: Required, Description("Must be true: special circumstances were considered (else 400).")] bool? Considered,
    [property: Description("What is granted beyond the restricted benefits, one item each (empty: none). Appears in the notice.")] List<string>? Granted,
    [property: Required, Description("Why (or why nothing) was granted. Appears in the notice.")] string? Reasoning);

/// <summary>The Bewilligungsbescheid the restriction changes, and the basis of its revocation.</summary>
public sealed record ApprovalNoticeBody(
    [property: Required, Description("The date of the Bewilligungsbescheid. Appears in the notice.")] DateOnly? Date,
    [property: Required, Description("section-48 (§ 48 SGB X) or section-45 (§ 45 SGB X, needs discretionReasoning).")] RevocationBasis? Basis,
    [property: Description("Required with section-45: the discretion exercised (§ 45 SGB X). Appears in the notice.")] string? DiscretionReasoning);

/// <summary>Parses the terms an approval and a continuation take (contract v3b); every missing or invalid field is a 400.</summary>
public static class RestrictionTermsBody
{
    private const long MaxCents = 100_000_000;

    public static RestrictionTerms? Parse(Checks v, AmountsBody? amounts, SpecialCircumstancesBody? special, ApprovalNoticeBody? notice)
    {
        if (amounts is null) v.Add("amounts", "is required.");
        if (special is null) v.Add("specialCircumstances", "is required.");
        if (notice is null) v.Add("approvalNotice", "is required.");
        if (amounts is null || special is null || notice is null) return null;

        var before = Cents(v, amounts.MonthlyBeforeCents, "amounts.monthlyBeforeCents");
        var after = Cents(v, amounts.MonthlyAfterCents, "amounts.monthlyAfterCents");
        if (special.Considered is not true) v.Add("specialCircumstances.considered", "must be true: special circumstances must be considered (§ 1a Abs. 1 S. 3 AsylbLG).");
        var granted = new List<string>();
        var items = special.Granted ?? [];
        if (items.Count > 20) v.Add("specialCircumstances.granted", "must hold at most 20 items.");
        for (var i = 0; i < items.Count && i < 20; i++) granted.Add(v.Text(items[i], $"specialCircumstances.granted[{i}]", 500));
        var reasoning = v.Text(special.Reasoning, "specialCircumstances.reasoning", 8000);
        var date = v.Date(notice.Date, "approvalNotice.date");
        var basis = v.Required(notice.Basis, "approvalNotice.basis");
        var discretion = v.OptionalText(notice.DiscretionReasoning, "approvalNotice.discretionReasoning", 8000);
        if (notice.Basis == RevocationBasis.Section45 && discretion is null)
            v.Add("approvalNotice.discretionReasoning", "is required with basis section-45 (§ 45 SGB X needs discretion).");
        return new RestrictionTerms(new RestrictionAmounts(before, after), new SpecialCircumstances(true, granted, reasoning),
            new ApprovalNoticeRef(date, basis, discretion));
    }

    private static long Cents(Checks v, long? value, string field)
    {
        if (value is null) { v.Add(field, "is required."); return 0; }
        if (value < 0 || value > MaxCents) v.Add(field, $"must be an integer between 0 and {MaxCents}.");
        return value.Value;
    }
}
