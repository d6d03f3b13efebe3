using System.Text.RegularExpressions;

namespace AGH.Tests.Unit;

/// <summary>
/// One German term per concept (docs/glossary.md): the forbidden synonyms are read from the glossary itself, so the
/// list and the check cannot drift, and every user-facing text is scanned for them.
/// </summary>
public sealed partial class VocabularyTests
{
    private static readonly string Root = FindRoot();

    [Fact]
    public void The_glossary_lists_forbidden_synonyms_and_the_README_links_it()
    {
        var forbidden = ForbiddenSynonyms();
        forbidden.Should().Contain(["Leistungseinschränkung", "Leistungskürzung", "Sanktion", "Zahlungslauf", "Einsatzstelle"]);
        forbidden.Should().OnlyHaveUniqueItems();
        File.ReadAllText(Path.Combine(Root, "README.md")).Should().Contain("(docs/glossary.md)");
    }

    [Fact]
    public void No_user_facing_text_uses_a_forbidden_synonym()
    {
        var forbidden = ForbiddenSynonyms();
        var patterns = forbidden.Select(w => (Word: w, Regex: new Regex(@"(?<!\p{L})" + Regex.Escape(w)))).ToList();
        var hits = new List<string>();
        var files = UserFacingFiles().ToList();
        files.Should().Contain(f => f.EndsWith(".cshtml")).And.Contain(f => f.EndsWith("ProblemTexts.cs"))
            .And.Contain(f => f.EndsWith("OpenApiContract.cs")).And.Contain(f => f.EndsWith("EventCatalog.cs")).And.Contain(f => f.EndsWith("manuals.md"));
        foreach (var file in files)
        {
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                var text = file.EndsWith(".cs") ? string.Join(" ", StringLiteral().Matches(lines[i]).Select(m => m.Value)) : lines[i];
                foreach (var (word, regex) in patterns)
                    if (regex.IsMatch(text))
                        hits.Add($"{Path.GetRelativePath(Root, file)}:{i + 1}: „{word}“ (siehe docs/glossary.md)");
            }
        }
        hits.Should().BeEmpty("user-facing text uses the glossary's term, never a forbidden synonym");
    }

    /// <summary>The backticked words of the third column of the glossary table.</summary>
    private static List<string> ForbiddenSynonyms()
    {
        var words = new List<string>();
        foreach (var line in File.ReadAllLines(Path.Combine(Root, "docs", "glossary.md")))
        {
            var cells = line.Split('|');
            if (cells.Length < 5 || cells[1].Trim() is "Begriff" or "---") continue;
            words.AddRange(Backticked().Matches(cells[3]).Select(m => m.Groups[1].Value));
        }
        return words;
    }

    private static IEnumerable<string> UserFacingFiles()
    {
        string P(params string[] parts) => Path.Combine([Root, .. parts]);
        static bool Built(string f) => f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}")
            || f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}");
        IEnumerable<string> Files(string dir, string pattern) =>
            Directory.EnumerateFiles(dir, pattern, SearchOption.AllDirectories).Where(f => !Built(f)).Order();

        foreach (var f in Files(P("src", "Web"), "*.cshtml")) yield return f;
        // Every string literal of the service can reach a user: problem texts, notices, history, OpenAPI descriptions,
        // the privacy information and the demo data; Wolverine's generated handlers hold none of its own.
        foreach (var f in Files(P("src"), "*.cs").Where(f => !f.Contains($"{Path.DirectorySeparatorChar}Generated{Path.DirectorySeparatorChar}")))
            yield return f;
        yield return P("README.md");
        // docs/ is German for users (manuals); the glossary names the forbidden words, the architecture notes are English.
        foreach (var f in Files(P("docs"), "*.md").Where(f => Path.GetFileName(f) is not ("glossary.md" or "architecture.md")))
            yield return f;
    }

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "AGH.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("AGH.sln not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex Backticked();

    /// <summary>A string literal on one line (plain, verbatim or interpolated); comments and identifiers are not user-facing.</summary>
    [GeneratedRegex("\"(?:[^\"\\\\]|\\\\.)*\"")]
    private static partial Regex StringLiteral();
}
