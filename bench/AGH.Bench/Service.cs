using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace AGH.Bench;

/// <summary>The service under test, started as its own process (`dotnet AGH.Api.dll`) on a loopback port.</summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private static readonly HashSet<ServiceProcess> Running = [];

    private readonly Process _process;
    private readonly StreamWriter _log;
    private int _disposed;

    public string BaseUrl { get; }
    public int Pid => _process.Id;
    public double ColdStartSeconds { get; private set; }
    public HttpClient Http { get; }

    private ServiceProcess(Process process, StreamWriter log, string baseUrl)
    {
        _process = process;
        _log = log;
        BaseUrl = baseUrl;
        Http = NewClient(baseUrl);
    }

    public static HttpClient NewClient(string baseUrl) => new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = 256,
        PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        UseCookies = false,
        UseProxy = false,
        AutomaticDecompression = DecompressionMethods.None,
    })
    {
        BaseAddress = new Uri(baseUrl),
        Timeout = TimeSpan.FromMinutes(30),
    };

    public static Dictionary<string, string> Environment(string connection, string logLevel = "Warning") => new(ImageRuntimeEnvironment())
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Development",
        ["ConnectionStrings__Agh"] = connection,
        ["Payouts__Schedule__Enabled"] = "false",
        ["Retention__ScheduleEnabled"] = "false",
        ["Demo__Seed"] = "false",
        ["Auth__DevTokens"] = "true",
        // Authenticated calls are never limited; the tokens and probes are, and must not be here.
        ["RateLimits__SignIn__PermitLimit"] = "1000000",
        ["RateLimits__Anonymous__PermitLimit"] = "1000000",
        // The checked-in handlers, as Release runs them, not Roslyn at start.
        ["Wolverine__PreGeneratedCode"] = "true",
        ["Logging__LogLevel__Default"] = logLevel,
        ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
        ["DOTNET_NOLOGO"] = "1",
    };

    /// <summary>
    /// The runtime's own settings the service image sets (<c>ENV DOTNET_…</c> in the Dockerfile, e.g. the GC's gen0 budget),
    /// so the bench measures the service as it is deployed. Read from the Dockerfile in the working directory (bench.sh
    /// runs from the repository's root).
    /// </summary>
    public static IEnumerable<KeyValuePair<string, string>> ImageRuntimeEnvironment()
    {
        var dockerfile = Path.GetFullPath("Dockerfile");
        if (!File.Exists(dockerfile)) throw new FileNotFoundException("The bench runs from the repository's root, beside the Dockerfile.", dockerfile);
        foreach (var line in File.ReadLines(dockerfile))
        {
            var parts = line.Trim().Split(' ', 2, StringSplitOptions.TrimEntries);
            if (parts is ["ENV", var setting] && setting.Split('=', 2) is [var name, var value] && name.StartsWith("DOTNET_", StringComparison.Ordinal))
                yield return new(name, value);
        }
    }

    public static ProcessStartInfo StartInfo(string apiDll, IEnumerable<string> args, Dictionary<string, string> env)
    {
        var psi = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(Path.GetFullPath(apiDll))!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add(Path.GetFullPath(apiDll));
        foreach (var a in args) psi.ArgumentList.Add(a);
        foreach (var (k, v) in env) psi.Environment[k] = v;
        return psi;
    }

    /// <summary>Starts the service and waits for the first 200 of /health/ready (polled every 10 ms).</summary>
    public static async Task<ServiceProcess> Start(string apiDll, string connection, string logPath, TimeSpan timeout)
    {
        var port = FreePort(5700);
        var url = $"http://127.0.0.1:{port}";
        var psi = StartInfo(apiDll, ["--urls", url], Environment(connection));
        var log = new StreamWriter(logPath, append: true) { AutoFlush = true };
        await log.WriteLineAsync($"==== start {DateTimeOffset.Now:O} {url}");

        using var probe = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = Timeout.InfiniteTimeSpan })
        {
            BaseAddress = new Uri(url),
            Timeout = TimeSpan.FromSeconds(5),
        };
        var clock = Stopwatch.StartNew();
        var process = Process.Start(psi) ?? throw new InvalidOperationException("could not start the service");
        var service = new ServiceProcess(process, log, url);
        lock (Running) Running.Add(service);
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        while (true)
        {
            try
            {
                using var r = await probe.GetAsync("/health/ready");
                if (r.StatusCode == HttpStatusCode.OK) break;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            if (process.HasExited)
                throw new InvalidOperationException($"the service exited with code {process.ExitCode} during start; see {logPath}");
            if (clock.Elapsed > timeout)
            {
                await service.DisposeAsync();
                throw new TimeoutException($"the service was not ready within {timeout}; see {logPath}");
            }
            await Task.Delay(10);
        }
        service.ColdStartSeconds = clock.Elapsed.TotalSeconds;
        return service;
    }

    public async Task<string> Token(string userId, string role, string? municipality)
    {
        using var r = await Http.PostAsJsonAsync("/dev/token", new { userId, name = userId, role, municipality, lifetimeSeconds = 86400 });
        r.EnsureSuccessStatusCode();
        using var doc = JsonDocument.Parse(await r.Content.ReadAsStringAsync());
        return doc.RootElement.GetProperty("accessToken").GetString()!;
    }

    /// <summary>Resident memory of the service process: (VmRSS, VmHWM = peak) in MB, from /proc.</summary>
    public (double Rss, double Peak) Memory()
    {
        double rss = 0, hwm = 0;
        try
        {
            foreach (var line in File.ReadLines($"/proc/{Pid}/status"))
            {
                if (line.StartsWith("VmRSS:")) rss = Kb(line) / 1024.0;
                else if (line.StartsWith("VmHWM:")) hwm = Kb(line) / 1024.0;
            }
        }
        catch (IOException) { }
        return (rss, hwm);

        static double Kb(string line) => double.Parse(line.Split(':')[1].Trim().Split(' ')[0]);
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int sig);

    /// <summary>SIGTERM (graceful ASP.NET Core shutdown releases the daemon's advisory lock), SIGKILL after 15 s.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        lock (Running) Running.Remove(this);
        Http.Dispose();
        try
        {
            if (!_process.HasExited)
            {
                kill(_process.Id, 15);
                using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(15));
                try { await _process.WaitForExitAsync(cts.Token); }
                catch (OperationCanceledException) { _process.Kill(entireProcessTree: true); await _process.WaitForExitAsync(); }
            }
        }
        catch (InvalidOperationException) { }
        _process.Dispose();
        lock (_log) _log.Dispose();
    }

    /// <summary>Stops every service still running (a phase that failed before it stopped its own).</summary>
    public static async Task StopAll()
    {
        ServiceProcess[] running;
        lock (Running) running = [.. Running];
        foreach (var service in running) await service.DisposeAsync();
    }

    public static int FreePort(int from)
    {
        for (var port = from; port < from + 1000; port++)
        {
            try
            {
                var l = new TcpListener(IPAddress.Loopback, port);
                l.Start();
                l.Stop();
                return port;
            }
            catch (SocketException) { }
        }
        throw new InvalidOperationException($"no free port from {from}");
    }
}
