using Deque.AxeCore.Playwright;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using AGH.Tests.Http;

namespace AGH.Tests.Web;

/// <summary>The service on a real Kestrel port with the demo data, and Debian's Chromium driven by Playwright.</summary>
public sealed class StaffAppFixture : IAsyncLifetime
{
    private sealed class KestrelFactory : AghFactory
    {
        public KestrelFactory() => UseKestrel(0);

        protected override IEnumerable<KeyValuePair<string, string>> Settings => [new("Demo:Seed", "true")];
    }

    private readonly KestrelFactory _factory = new();
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public AghFactory Service => _factory;

    public Uri BaseAddress { get; private set; } = null!;

    public DateOnly Today => _factory.Today;

    public static string ChromiumPath =>
        Environment.GetEnvironmentVariable("AGH_CHROMIUM") is { Length: > 0 } configured ? configured : "/usr/bin/chromium";

    public async Task InitializeAsync()
    {
        await ((IAsyncLifetime)_factory).InitializeAsync();
        _factory.StartServer();
        var address = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address.Replace("[::]", "127.0.0.1").Replace("0.0.0.0", "127.0.0.1"));
        if (!File.Exists(ChromiumPath))
            throw new InvalidOperationException($"Chromium not found at {ChromiumPath}: install it with `apt-get install chromium` (scripts/test.sh does) or set AGH_CHROMIUM.");
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-dev-shm-usage", "--lang=de-DE"],
            // On Linux Chromium takes its locale (the layout of date fields) from the environment, not from --lang.
            Env = new Dictionary<string, string> { ["LANGUAGE"] = "de", ["LC_ALL"] = "de_DE.UTF-8", ["LANG"] = "de_DE.UTF-8" },
        });
    }

    /// <summary>A fresh browser context at 1366x768, German, Berlin time, signed in through the development sign-in page.</summary>
    public async Task<IPage> SignIn(string role, string name, string userId, string? municipality)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString().TrimEnd('/'),
            ViewportSize = new ViewportSize { Width = 1366, Height = 768 },
            Locale = "de-DE",
            TimezoneId = "Europe/Berlin",
            AcceptDownloads = true,
        });
        context.SetDefaultTimeout(20_000);
        var page = await context.NewPageAsync();
        WatchPolicy(page);
        await page.GotoAsync("/app");
        await page.WaitForURLAsync("**/app/signin**");
        await page.GetByLabel("Rolle").SelectOptionAsync(role);
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync(name);
        await page.GetByLabel("Kennung").FillAsync(userId);
        await page.GetByLabel("Kommune").SelectOptionAsync(municipality ?? "");
        await page.GetByRole(AriaRole.Button, new() { Name = "Anmelden" }).ClickAsync();
        await page.GetByTestId("signed-in-as").WaitForAsync();
        return page;
    }

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<IPage, List<string>> PolicyViolations = new();

    /// <summary>Records what the Content-Security-Policy blocked: the app must work without inline script or style.</summary>
    public static void WatchPolicy(IPage page)
    {
        var seen = PolicyViolations.GetOrCreateValue(page);
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase)) lock (seen) seen.Add(message.Text);
        };
    }

    /// <summary>
    /// axe-core on the page as it stands: nothing serious or critical; nothing blocked by the Content-Security-Policy;
    /// then its screenshot for the README.
    /// </summary>
    public static async Task Check(IPage page, string screenshot)
    {
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        var result = await page.RunAxe();
        var severe = result.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Impact} {v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Take(3).Select(n => n.Html))})").ToList();
        severe.Should().BeEmpty($"axe-core reports no serious or critical violation on {page.Url}");
        if (PolicyViolations.TryGetValue(page, out var blocked))
            lock (blocked) blocked.Should().BeEmpty($"the Content-Security-Policy blocks nothing the page needs on {page.Url}");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDirectory, screenshot + ".png") });
    }

    public static string ScreenshotDirectory
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "AGH.sln"))) dir = dir.Parent;
            var path = Path.Combine(dir?.FullName ?? AppContext.BaseDirectory, "docs", "screenshots");
            Directory.CreateDirectory(path);
            return path;
        }
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        await ((IAsyncLifetime)_factory).DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class StaffAppCollection : ICollectionFixture<StaffAppFixture>
{
    public const string Name = "staff-app";
}
