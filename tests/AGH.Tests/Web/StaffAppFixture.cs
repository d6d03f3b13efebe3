using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using AGH.Tests.Http;

namespace AGH.Tests.Web;

/// <summary>The service on a real Kestrel port with the demo data, and Debian's Chromium driven by Playwright.</summary>
public sealed partial class StaffAppFixture : IAsyncLifetime
{
    private sealed class KestrelFactory : AghFactory
    {
        public KestrelFactory() => UseKestrel(0);

        protected override IEnumerable<KeyValuePair<string, string>> Settings => [new("Demo:Seed", "true"), new("Demo:PayoutRuns", "false")];
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

    /// <summary>A fresh browser context at 1366x768, German, Berlin time, signed in with the development sign-in form.</summary>
    public async Task<IPage> SignIn(string role, string name, string userId, string? municipality)
    {
        var page = await SignedIn(new() { ["Input.Role"] = role, ["Input.Name"] = name, ["Input.UserId"] = userId, ["Input.Municipality"] = municipality ?? "" });
        await page.GetByTestId("signed-in-as").WaitForAsync();
        return page;
    }

    /// <summary>A provider (Träger) signed in with its organisation, as <see cref="SignIn"/> otherwise.</summary>
    public async Task<IPage> SignInProvider(string name, string userId, string providerId)
    {
        var page = await SignedIn(new()
            { ["Input.Role"] = "provider", ["Input.Name"] = name, ["Input.UserId"] = userId, ["Input.Municipality"] = "", ["Input.Provider"] = providerId });
        await page.WaitForURLAsync("**/app/provider");
        return page;
    }

    // SignInTests drive the sign-in form itself; a journey posts it with the context's own cookies, which spares it a page
    // render and four fields (about a second each time), then opens the app as the signed-in user.
    private async Task<IPage> SignedIn(Dictionary<string, string> fields)
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
        var opening = context.NewPageAsync();
        var form = await context.APIRequest.GetAsync("/app/signin");
        var token = AntiforgeryField().Match(await form.TextAsync());
        token.Success.Should().BeTrue("the sign-in page carries its antiforgery token");
        var data = context.APIRequest.CreateFormData();
        foreach (var (field, value) in fields) data.Set(field, value);
        data.Set("__RequestVerificationToken", token.Groups[1].Value);
        var answer = await context.APIRequest.PostAsync("/app/signin", new() { Form = data, MaxRedirects = 0 });
        if (answer.Status != 302)
            answer.Status.Should().Be(302, $"the sign-in of {fields["Input.UserId"]} is accepted, not refused with: "
                + string.Join("; ", FieldError().Matches(await answer.TextAsync()).Select(m => m.Groups[1].Value)));
        var page = await opening;
        WatchPolicy(page);
        await page.GotoAsync("/app");
        return page;
    }

    [System.Text.RegularExpressions.GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial System.Text.RegularExpressions.Regex AntiforgeryField();

    [System.Text.RegularExpressions.GeneratedRegex("field-validation-error[^>]*>([^<]*)<")]
    private static partial System.Text.RegularExpressions.Regex FieldError();

    private sealed class Watch
    {
        public readonly List<string> Blocked = [];
        public readonly List<(string Url, string What)> Problems = [];
        public readonly List<string> Expected = [];
        public bool Ended;
    }

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<IPage, Watch> Watches = new();

    // The pages of the running journey; two collections run journeys side by side, so it flows with the test, not the class.
    private static readonly AsyncLocal<List<IPage>?> CurrentPages = new();

    private static List<IPage> Pages =>
        CurrentPages.Value ?? throw new InvalidOperationException("A page was opened outside a journey: derive the test class from Journey.");

    /// <summary>
    /// Records what went wrong in the browser: what the Content-Security-Policy blocked (the app must work without inline
    /// script or style), console errors, uncaught script errors, failed requests and sub-resources answered with
    /// 4xx/5xx. <see cref="Check"/> and the end of each journey fail on any of them a test did not <see cref="Expect"/>.
    /// </summary>
    public static void WatchPolicy(IPage page)
    {
        var watch = Watches.GetOrCreateValue(page);
        var pages = Pages;
        lock (pages) pages.Add(page);
        void Problem(string url, string what)
        {
            lock (watch) watch.Problems.Add((url, what));
        }
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase)) lock (watch) watch.Blocked.Add(message.Text);
            if (message.Type == "error") Problem(message.Location ?? "", "console error: " + message.Text);
        };
        page.PageError += (_, error) => Problem(page.Url, "page error: " + error);
        page.RequestFailed += (_, request) =>
        {
            // Cancelled by the browser itself (a navigation away from a pending request, a link that became a download).
            if (request.Failure == "net::ERR_ABORTED") return;
            Problem(request.Url, $"request failed: {request.Method} {request.Url}: {request.Failure}");
        };
        page.Response += (_, response) =>
        {
            // A page answered 403/404 is a test's deliberate visit and asserted there; a script, style, icon or htmx call is not.
            if (response.Status >= 400 && response.Request.ResourceType != "document")
                Problem(response.Url, $"HTTP {response.Status} for the {response.Request.ResourceType} {response.Request.Method} {response.Url}");
        };
    }

    /// <summary>A failure this test provokes on purpose (a visit of a page that does not exist): problems naming <paramref name="path"/>.</summary>
    public static void Expect(IPage page, string path)
    {
        var watch = Watches.GetOrCreateValue(page);
        lock (watch) watch.Expected.Add(path);
    }

    private static void ShouldBeClean(IPage page)
    {
        if (!Watches.TryGetValue(page, out var watch)) return;
        lock (watch)
        {
            watch.Blocked.Should().BeEmpty($"the Content-Security-Policy blocks nothing the page needs on {page.Url}");
            watch.Problems.Where(p => !watch.Expected.Any(e => p.Url.Contains(e, StringComparison.Ordinal) || p.What.Contains(e, StringComparison.Ordinal)))
                .Select(p => p.What).Should().BeEmpty($"no console error, script error or failed request up to {page.Url}");
        }
    }

    /// <summary>The start of a journey: pages opened from here on are checked at its end.</summary>
    public static void BeginJourney()
    {
        CurrentPages.Value = [];
    }

    /// <summary>A page's journey ends: its end state is checked (<see cref="Check"/>), then its browser context closes.</summary>
    public static async Task End(IPage page)
    {
        await Check(page);
        var watch = Watches.GetOrCreateValue(page);
        lock (watch) watch.Ended = true;
        await page.Context.CloseAsync();
    }

    /// <summary>
    /// After each journey: a page still open is checked now; a page closed without <see cref="End"/> fails the journey,
    /// so no end state goes unchecked.
    /// </summary>
    public static async Task EndJourney()
    {
        IPage[] pages;
        lock (Pages) pages = Pages.ToArray();
        foreach (var page in pages)
        {
            if (!page.IsClosed)
            {
                await End(page);
                continue;
            }
            Watches.TryGetValue(page, out var watch);
            watch!.Ended.Should().BeTrue("a journey ends a page with StaffAppFixture.End, which checks its end state");
        }
    }

    private static async Task Axe(IPage page)
    {
        // Legacy mode: axe.run once inside the page. The default mode runs axe in parts and merges them in a new blank page,
        // which matters for cross-origin iframes (the app has none) and cost 2–4 s per check instead of 0.4–0.7 s.
#pragma warning disable CS0618
        var result = await page.RunAxeLegacy(options: new AxeRunOptions { ResultTypes = [ResultType.Violations], Iframes = false });
#pragma warning restore CS0618
        var severe = result.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Impact} {v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Take(3).Select(n => n.Html))})").ToList();
        // Joined, so a failure names every violation, not only the first.
        string.Join("; ", severe).Should().BeEmpty($"axe-core reports no serious or critical violation on {page.Url}");
    }

    /// <summary>The page has loaded and htmx has nothing in flight.</summary>
    public static async Task Settled(IPage page)
    {
        // The pages are rendered on the server; only htmx fetches after load, and it marks what it waits for with htmx-request.
        // Playwright's NetworkIdle waited a fixed 500 ms of silence every time instead.
        await page.WaitForLoadStateAsync(LoadState.Load);
        await page.WaitForFunctionAsync("() => !document.querySelector('.htmx-request')");
    }

    /// <summary>
    /// axe-core on the page as it stands: nothing serious or critical; nothing blocked by the Content-Security-Policy, no
    /// console error, script error or failed request so far; then its screenshot for the README.
    /// </summary>
    public static async Task Check(IPage page, string? screenshot = null)
    {
        await Settled(page);
        await Axe(page);
        ShouldBeClean(page);
        if (screenshot is null) return;
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

/// <summary>
/// A browser journey: whatever pages it leaves open are checked at its end (problems recorded, axe-core), so no journey
/// can end on a state nobody looked at.
/// </summary>
public abstract class Journey : IAsyncLifetime
{
    public Task InitializeAsync()
    {
        StaffAppFixture.BeginJourney();
        return Task.CompletedTask;
    }

    public Task DisposeAsync() => StaffAppFixture.EndJourney();
}

// Two hosts with their own demo data and browser, so the journeys run in two lines side by side (make test stays short).
[CollectionDefinition(Name)]
public sealed class StaffAppCollection : ICollectionFixture<StaffAppFixture>
{
    public const string Name = "staff-app";
    public const string Second = "staff-app-2";
}

[CollectionDefinition(StaffAppCollection.Second)]
public sealed class SecondStaffAppCollection : ICollectionFixture<StaffAppFixture>;
