namespace AGH.Tests;

/// <summary>
/// What a Heranziehungsbescheid issued by the service must state since contract v3b: a schedule adding up to the hours,
/// an end within six months, a reasoning and the person's information language.
/// </summary>
public static class AssignmentFields
{
    public const string Reasoning = "Der Einsatzort ist mit dem Bus in 15 Minuten erreichbar; Betreuungspflichten bestehen nicht.";

    private static readonly string[] Days = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

    /// <summary>Blocks from 08:00 of at most eight hours a day, Monday first, adding up to <paramref name="hoursPerWeek"/>.</summary>
    public static object[] Schedule(int hoursPerWeek)
    {
        var blocks = new List<object>();
        var left = hoursPerWeek * 60;
        for (var day = 0; left > 0 && day < 7; day++)
        {
            var minutes = Math.Min(left, day < 7 && hoursPerWeek > 56 ? 16 * 60 : 8 * 60);
            var to = 8 * 60 + minutes;
            blocks.Add(new { weekday = Days[day], from = "08:00", to = $"{to / 60:D2}:{to % 60:D2}" });
            left -= minutes;
        }
        return blocks.ToArray();
    }

    /// <summary>The body of an assignment whose notice the service issues.</summary>
    public static object Body(Guid personId, Guid offerId, DateOnly startsOn, int hoursPerWeek, string language = "ar") => new
    {
        personId,
        offerId,
        startsOn = startsOn.ToString("yyyy-MM-dd"),
        hoursPerWeek,
        schedule = Schedule(hoursPerWeek),
        until = startsOn.AddMonths(3).ToString("yyyy-MM-dd"),
        reasoning = Reasoning,
        informationLanguage = language,
    };
}
