using System.Text.Json;
using System.Text.Json.Nodes;

namespace AGH.Tests.Http.OpenApi;

/// <summary>
/// The served OpenAPI document must be the checked-in openapi/agh-v1.json, from which the test project generates its
/// client at build time: an endpoint change not reflected there would otherwise reach front-ends unseen.
/// </summary>
[Collection(HttpCollection.Name)]
public sealed class OpenApiDocumentTests(AghFactory factory) : HttpTest(factory)
{
    [Fact]
    public async Task The_served_document_is_the_checked_in_one()
    {
        var served = CheckedInOpenApi.Normalize(await Factory.CreateClient().GetStringAsync("/swagger/v1/swagger.json"));

        if (CheckedInOpenApi.Refreshing)
        {
            await File.WriteAllTextAsync(CheckedInOpenApi.Path, served);
            return;
        }

        File.Exists(CheckedInOpenApi.Path).Should().BeTrue($"{CheckedInOpenApi.Path} is checked in; {CheckedInOpenApi.Refresh}");
        var checkedIn = await File.ReadAllTextAsync(CheckedInOpenApi.Path);
        if (served != checkedIn)
            throw new Xunit.Sdk.XunitException(
                $"The served /swagger/v1/swagger.json differs from {CheckedInOpenApi.RelativePath}. {CheckedInOpenApi.Refresh}\n" +
                CheckedInOpenApi.FirstDifference(checkedIn, served));
    }
}

/// <summary>Where the checked-in document lives and how it is written, so a refresh and the check agree byte for byte.</summary>
public static class CheckedInOpenApi
{
    public const string RelativePath = "openapi/agh-v1.json";

    public const string Refresh =
        "If the change is intended, run `make openapi` (rewrites the file and regenerates the test project's client), " +
        "review the diff and commit it.";

    /// <summary>Set by `make openapi` (scripts/openapi.sh): the test writes the served document instead of comparing.</summary>
    public static bool Refreshing => Environment.GetEnvironmentVariable("AGH_OPENAPI_REFRESH") == "1";

    public static string Path { get; } = System.IO.Path.Combine(RepositoryRoot(), RelativePath);

    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        // Keeps German summaries and "§" readable in reviews of the checked-in file.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>One stable text form (indentation, escaping, LF, final newline), so the diff shows only real changes.</summary>
    public static string Normalize(string json) =>
        JsonNode.Parse(json)!.ToJsonString(Indented).Replace("\r\n", "\n") + "\n";

    public static string FirstDifference(string expected, string actual)
    {
        var e = expected.Split('\n');
        var a = actual.Split('\n');
        for (var i = 0; i < Math.Max(e.Length, a.Length); i++)
        {
            var left = i < e.Length ? e[i] : "<end of file>";
            var right = i < a.Length ? a[i] : "<end of file>";
            if (left != right) return $"First difference at line {i + 1}:\n  checked in: {left.Trim()}\n  served:     {right.Trim()}";
        }
        return "The texts differ only in line endings.";
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "AGH.sln"))) return dir.FullName;
        throw new InvalidOperationException("AGH.sln not found above " + AppContext.BaseDirectory);
    }
}
