using AGH.Api.Placements;

namespace AGH.Api.Sanctions;

public sealed record DueReviewDto(Guid ProposalId, Guid PersonId, string Municipality, DateOnly StartsOn, DateOnly EndsOn, bool DutyLapsed,
    [property: System.ComponentModel.Description("The first reason that applies, in this order: exempt-on-refusal-day, entitlement-ended, excluded, "
        + "retirement-age, placement-ended, exempt, duty-fulfilled, willing, period-ending.")] ReviewReason Reason,
    [property: System.ComponentModel.Description("Every reason that applies, in the same order.")] IReadOnlyList<ReviewReason> Reasons);

/// <summary>The Wiedervorlage's rows: due at once (or duty lapsed) first, then by the end of the period; null where the caller sees no person.</summary>
public static class DueReviews
{
    public static async Task<List<DueReviewDto>?> Read(IQuerySession session, Actor actor, DateOnly today, int days, CancellationToken ct)
    {
        // Only restrictions that may still run, of persons the caller sees, are candidates (the database narrows both);
        // the domain decides which are due.
        var visible = SanctionAccess.VisibleMunicipality(actor);
        if (visible == "") return null;
        var sql = $"select distinct p.id from {MartenSetup.Schema}.mt_doc_proposalindex x join {MartenSetup.Schema}.mt_doc_person p "
            + "on p.id = (x.data ->> 'personId')::uuid where (x.data ->> 'restrictionEndsOn')::date >= ?"
            + (visible is null ? "" : " and p.data ->> 'municipality' = ?");
        var personIds = await session.AdvancedSql.QueryAsync<Guid>(sql, ct,
            visible is null ? [today] : [today, visible]);
        var persons = (await session.LoadManyAsync<Person>(ct, personIds)).Where(p => actor.MaySee(p.Municipality)).ToList();
        // duty-fulfilled reads the hours after each refusal: one query for all candidates' weeks from the earliest refusal on.
        var hours = await HourReads.AfterRefusals(session, persons, ct);
        return persons
            .SelectMany(p => SanctionDecisions.DueForReview(p, today, days, hours.GetValueOrDefault(p.Id)))
            .OrderBy(d => d.Reasons.DueAtOnce || d.DutyLapsed ? 0 : 1).ThenBy(d => d.EndsOn).ThenBy(d => d.ProposalId)
            .Select(d => new DueReviewDto(d.ProposalId, d.PersonId, d.Municipality, d.StartsOn, d.EndsOn, d.DutyLapsed, d.Reason, d.AllReasons))
            .ToList();
    }
}
