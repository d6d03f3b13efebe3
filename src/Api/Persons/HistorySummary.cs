namespace AGH.Api.Persons;

/// <summary>One German line per event, for a Rechnungsprüfer reading a person's record: the wording of its <see cref="EventCatalog"/> entry.</summary>
public static class HistorySummary
{
    public static DateOnly? OccurredOn(object e) => EventCatalog.OccurredOn(e);

    public static string Of(object e) => EventCatalog.SummaryOf(e);
}
