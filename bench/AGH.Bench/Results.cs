using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AGH.Bench;

/// <summary>The figures of one run: printed as a table and written as JSON. Targets are reported, never asserted.</summary>
public sealed class Results(bool quick)
{
    /// <summary>key, target text, check (null = report only), display format.</summary>
    public static readonly (string Key, string Target, Func<double, bool>? Met, string Format)[] Keys =
    [
        ("commandsPerSecond", "report", null, "0"),
        ("commandP99Ms", "≤ 25 ms", v => v <= 25, "0.0"),
        ("rawInsertPerSecond", "report", null, "0"),
        ("commandRatio", "≥ 0.5", v => v >= 0.5, "0.000"),
        ("statementsPerCommand", "report", null, "0.00"),
        ("commandGrowth", "≤ 1.5", v => v <= 1.5, "0.00"),
        ("placementReadGrowth", "≤ 1.5", v => v <= 1.5, "0.00"),
        ("appendEventsPerSecond", "report", null, "0"),
        ("copyRowsPerSecond", "report", null, "0"),
        ("appendRatio", "≥ 0.25", v => v >= 0.25, "0.000"),
        ("rebuildEventsPerSecond", "≥ 60,000", v => v >= 60_000, "0"),
        ("historyP99Ms", "report", null, "0.0"),
        ("historyPageP99Ms", "≤ 20 ms", v => v <= 20, "0.0"),
        ("searchP99Ms", "≤ 50 ms", v => v <= 50, "0.0"),
        ("payoutRunSeconds", "≤ 10 s", v => v <= 10, "0.00"),
        ("coldStartSeconds", "≤ 2 s", v => v <= 2, "0.000"),
        ("peakRssMb", "≤ 400 MB", v => v <= 400, "0"),
    ];

    public Dictionary<string, double> Values { get; } = new();
    public SortedDictionary<string, double> Details { get; } = new();

    public void Set(string key, double value) => Values[key] = value;
    public void Detail(string key, double value) => Details[key] = value;

    /// <summary>Details that are not numbers (the top statements), written after the numeric ones.</summary>
    public SortedDictionary<string, JsonNode> Texts { get; } = new();

    public void Text(string key, JsonNode value) => Texts[key] = value;

    private static JsonNode? Number(double v) => double.IsFinite(v) ? JsonValue.Create(Math.Round(v, 3)) : null;

    public async Task Write(string path, JsonObject machine)
    {
        var json = new JsonObject();
        foreach (var k in Keys) json[k.Key] = Values.TryGetValue(k.Key, out var v) ? Number(v) : null;
        json["quick"] = quick;
        json["machine"] = machine;
        json["timestamp"] = DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        var details = new JsonObject();
        foreach (var (k, v) in Details) details[k] = Number(v);
        foreach (var (k, v) in Texts) details[k] = v.DeepClone();
        json["details"] = details;
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var tmp = path + ".tmp";
        await File.WriteAllTextAsync(tmp, json.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
        File.Move(tmp, path, overwrite: true);
        BenchMain.Log($"wrote {path}");
    }

    public IEnumerable<string> Table()
    {
        yield return "| key | value | target | |";
        yield return "| --- | ---: | --- | --- |";
        foreach (var (key, target, met, format) in Keys)
        {
            var has = Values.TryGetValue(key, out var v);
            var value = has ? v.ToString(format, CultureInfo.InvariantCulture) : "n/a";
            var verdict = met is null ? "" : !has ? "missed" : met(v) ? "met" : "missed";
            yield return $"| `{key}` | {value} | {target} | {verdict} |";
        }
    }

    public void Print()
    {
        Console.WriteLine();
        Console.WriteLine(quick ? "AGH benchmark (QUICK: small sizes, figures not comparable)" : "AGH benchmark");
        foreach (var line in Table()) Console.WriteLine(line);
        Console.WriteLine();
        foreach (var (k, v) in Details) Console.WriteLine($"  {k} = {v.ToString("0.###", CultureInfo.InvariantCulture)}");
    }
}
