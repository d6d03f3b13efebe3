namespace AGH.Api.Persons;

/// <summary>One German line per event, for a Rechnungsprüfer reading a person's record: the wording of its <see cref="EventCatalog"/> entry.</summary>
public static class HistorySummary
{
    public static DateOnly? OccurredOn(object e) => EventCatalog.OccurredOn(e);

    /// <summary>The line with staff named by login id (no reader's names at hand: unit tests of the wording).</summary>
    public static string Of(object e) => EventCatalog.SummaryOf(e);

    /// <summary>
    /// The line as a reader sees it (contract v3d: names, not login ids): each staff member by the name their token last
    /// carried; unknown to the directory, the event's own actor's name when it is the same user, else the login id.
    /// </summary>
    public static string Of(object e, Actor? actor) => EventCatalog.SummaryOf(e, id => NameOf(id, actor));

    public static string NameOf(string userId, Actor? actor) =>
        StaffNames.Of(userId) ?? (actor is not null && actor.UserId == userId && !string.IsNullOrWhiteSpace(actor.Name) ? actor.Name : userId);
}
