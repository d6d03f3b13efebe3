using System.Text.RegularExpressions;

namespace AGH.Tests.Unit;

/// <summary>
/// The staff app cites hearings as the law applies to the AsylbLG (contract v3a): § 28 VwVfG i. V. m. § 1 Abs. 1 NVwVfG,
/// never § 24 SGB X (the AsylbLG is not part of the SGB). The journeys check the rendered refusal page; this checks every
/// source file of the app, so no page, text table or script can bring the citation back.
/// </summary>
public sealed partial class StaffAppCitationTests
{
    [GeneratedRegex(@"24\s+SGB\s*X\b")]
    private static partial Regex SgbXHearing();

    private static DirectoryInfo WebSource()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "AGH.sln"))) dir = dir.Parent;
        dir.Should().NotBeNull("the tests run inside the repository");
        return new DirectoryInfo(Path.Combine(dir!.FullName, "src", "Web"));
    }

    [Fact]
    public void No_source_file_of_the_staff_app_cites_section_24_SGB_X()
    {
        var web = WebSource();
        var files = web.EnumerateFiles("*", SearchOption.AllDirectories)
            .Where(f => !f.FullName.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.FullName.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && f.Extension is ".cs" or ".cshtml" or ".js" or ".css" or ".json" or ".html" or ".txt")
            .ToList();
        files.Should().Contain(f => f.Name == "Details.cshtml" && f.FullName.Contains("Refusals", StringComparison.Ordinal),
            "the refusal page, which once cited it, is among the files checked");
        files.Where(f => SgbXHearing().IsMatch(File.ReadAllText(f.FullName)))
            .Select(f => Path.GetRelativePath(web.FullName, f.FullName))
            .Should().BeEmpty("hearings cite § 28 VwVfG i. V. m. § 1 Abs. 1 NVwVfG, never § 24 SGB X");
    }
}
