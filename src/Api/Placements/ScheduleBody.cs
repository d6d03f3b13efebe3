namespace AGH.Api.Placements;

/// <summary>The weekly schedule of an assignment's body: blocks of HH:MM on quarter hours, each checked by its index.</summary>
public static class ScheduleBody
{
    public static IReadOnlyList<ScheduleBlock>? Parse(IReadOnlyList<AssignPersonEndpoint.ScheduleBlockRequest>? blocks, Checks v, bool required)
    {
        if (blocks is null) { if (required) v.Add("schedule", "is required."); return null; }
        if (blocks.Count is 0 or > 50) { v.Add("schedule", "must hold 1 to 50 blocks."); return null; }
        var parsed = new List<ScheduleBlock>();
        for (var i = 0; i < blocks.Count; i++)
        {
            var b = blocks[i];
            if (b is null) { v.Add($"schedule[{i}]", "is required."); continue; }
            if (b.Weekday is null) v.Add($"schedule[{i}].weekday", "is required.");
            var from = Schedule.Minutes(b.From);
            var to = Schedule.Minutes(b.To);
            if (from is null) v.Add($"schedule[{i}].from", "must be HH:MM on a quarter hour.");
            if (to is null) v.Add($"schedule[{i}].to", "must be HH:MM on a quarter hour.");
            if (from is not null && to is not null && from >= to) v.Add($"schedule[{i}].to", "must lie after from.");
            if (b.Weekday is { } day && from is not null && to is not null) parsed.Add(new ScheduleBlock(day, from.Value, to.Value));
        }
        return parsed;
    }
}
