namespace AGH.Tests.Unit;

/// <summary>
/// Issue 16's promises about the shape of the project, held so they cannot erode unnoticed: a newcomer's first screen,
/// an architecture note short enough to read, and endpoint files that stay declarations.
/// </summary>
public sealed class ProjectShapeTests
{
    private static readonly string Root = FindRoot();

    [Fact]
    public void The_READMEs_first_screen_shows_the_two_commands_and_the_design()
    {
        var firstScreen = File.ReadLines(Path.Combine(Root, "README.md")).Take(25).ToList();
        firstScreen.Should().Contain(l => l.StartsWith("make run")).And.Contain(l => l.StartsWith("make test")).And.Contain("## Design");
    }

    [Fact]
    public void The_architecture_note_has_the_map_the_pipeline_and_both_checklists_in_at_most_80_lines()
    {
        var lines = File.ReadAllLines(Path.Combine(Root, "docs", "architecture.md"));
        lines.Length.Should().BeLessThanOrEqualTo(80);
        lines.Should().Contain(["## The map", "## The command pipeline", "## Add a command", "## Add an event"]);
    }

    [Fact]
    public void Endpoint_files_are_declarations_of_at_most_25_lines_in_the_median()
    {
        var files = EndpointFiles();
        files.Should().HaveCountGreaterThan(80, "every route of the contract is an endpoint file");
        var lengths = files.Select(f => File.ReadAllLines(f).Length).Order().ToList();
        var median = lengths.Count % 2 == 1 ? lengths[lengths.Count / 2] : (lengths[lengths.Count / 2 - 1] + lengths[lengths.Count / 2]) / 2.0;
        median.Should().BeLessThanOrEqualTo(25, "a use case is one small file; shaping and shared steps live in files named after them");
    }

    /// <summary>The hand-written files that declare a Wolverine route; the pipeline, the demo seed and generated code are not use cases.</summary>
    private static List<string> EndpointFiles()
    {
        var api = Path.Combine(Root, "src", "Api");
        var skip = new[] { "Internal", "Infrastructure", "Demo", "bin", "obj" }.Select(d => Path.DirectorySeparatorChar + d + Path.DirectorySeparatorChar).ToList();
        return Directory.EnumerateFiles(api, "*.cs", SearchOption.AllDirectories)
            .Where(f => !skip.Any(s => f[api.Length..].Contains(s)))
            .Where(f => File.ReadAllText(f).Contains("[Wolverine"))
            .ToList();
    }

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "AGH.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("AGH.sln not found above " + AppContext.BaseDirectory);
    }
}
