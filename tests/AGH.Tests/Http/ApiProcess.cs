using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;

namespace AGH.Tests.Http;

/// <summary>
/// The service as a separate process (<c>dotnet AGH.Api.dll</c> from the test output directory), so a test can kill it
/// with SIGKILL mid-write and start it again on the same database. Its output is drained asynchronously and the last
/// lines are kept for failure messages; Dispose always kills it.
/// </summary>
public sealed class ApiProcess : IAsyncDisposable
{
    private const int KeptLines = 300;
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _lines = new();

    private ApiProcess(Process process, int port)
    {
        _process = process;
        Port = port;
        BaseAddress = new Uri($"http://127.0.0.1:{port}");
    }

    public int Port { get; }
    public Uri BaseAddress { get; }
    public int Pid => _process.Id;
    public bool HasExited => _process.HasExited;
    public int ExitCode => _process.ExitCode;

    public string RecentOutput => string.Join('\n', _lines);

    /// <summary>The key ring key of every process of this test run (base64 of 32 random bytes).</summary>
    public static readonly string EncryptionKey = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

    /// <summary>The dotnet host that runs this test, so the service runs on the same runtime.</summary>
    private static string DotnetHost()
    {
        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host)) return host;
        if (Environment.ProcessPath is { } self && Path.GetFileNameWithoutExtension(self) == "dotnet") return self;
        return "dotnet";
    }

    /// <param name="dotnetRun">
    /// Started as the README starts it, <c>dotnet run --project src/Api</c> from the repository root (without building:
    /// the test build built it), so whatever <c>dotnet run</c> reads besides the environment (launch profiles) counts.
    /// </param>
    public static ApiProcess Start(string connectionString, IReadOnlyDictionary<string, string>? settings = null, bool dotnetRun = false)
    {
        var binDir = AppContext.BaseDirectory;
        var dll = Path.Combine(binDir, "AGH.Api.dll");
        if (!File.Exists(dll)) throw new FileNotFoundException("the API is not in the test output directory", dll);
        var port = PgCluster.FreePort();
        var info = new ProcessStartInfo(DotnetHost())
        {
            WorkingDirectory = binDir,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = false,
        };
        if (dotnetRun)
        {
            info.WorkingDirectory = PgCluster.RepoRoot() ?? throw new InvalidOperationException("repository root not found above " + binDir);
            var configuration = binDir.Contains($"{Path.DirectorySeparatorChar}Debug{Path.DirectorySeparatorChar}") ? "Debug" : "Release";
            foreach (var arg in new[] { "run", "--project", "src/Api", "--no-build", "-c", configuration, "--" }) info.ArgumentList.Add(arg);
        }
        else
        {
            // `dotnet app.dll` runs the app inside the host process itself: the pid is the service, not a launcher.
            info.ArgumentList.Add(dll);
        }
        info.ArgumentList.Add("--urls");
        info.ArgumentList.Add($"http://127.0.0.1:{port}");
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        info.Environment["ConnectionStrings__Agh"] = connectionString;
        info.Environment["Payouts__Schedule__Enabled"] = "false";
        info.Environment["Demo__Seed"] = "false";
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        info.Environment["Auth__DevTokens"] = "true";
        info.Environment["RateLimits__SignIn__PermitLimit"] = AghFactory.Unlimited;
        info.Environment["RateLimits__Anonymous__PermitLimit"] = AghFactory.Unlimited;
        // Needed outside Development; a test removes it with an empty value.
        info.Environment["DataProtection__EncryptionKey"] = EncryptionKey;
        info.Environment.Remove("ASPNETCORE_URLS");
        info.Environment.Remove("DOTNET_URLS");
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) info.Environment[key] = value;
        // Outside Development the service refuses to start without its host names; the tests reach it by address.
        if (info.Environment["ASPNETCORE_ENVIRONMENT"] != "Development" && settings?.ContainsKey("AllowedHosts") != true)
            info.Environment["AllowedHosts"] = "127.0.0.1;localhost";

        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var api = new ApiProcess(process, port);
        process.OutputDataReceived += (_, e) => api.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => api.Keep(e.Data);
        if (!process.Start()) throw new InvalidOperationException("could not start " + info.FileName);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return api;
    }

    private void Keep(string? line)
    {
        if (line is null) return;
        _lines.Enqueue(line);
        while (_lines.Count > KeptLines && _lines.TryDequeue(out _)) { }
        lock (_watchers)
            foreach (var (text, done) in _watchers.Where(w => line.Contains(w.Text)).ToList())
            {
                done.TrySetResult();
                _watchers.Remove((text, done));
            }
    }

    private readonly List<(string Text, TaskCompletionSource Done)> _watchers = [];

    /// <summary>Completes when the service writes a line containing <paramref name="text"/> (or already has); fails at the deadline.</summary>
    public async Task WaitForOutput(string text, TimeSpan within)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_watchers)
        {
            if (_lines.Any(l => l.Contains(text))) return;
            _watchers.Add((text, done));
        }
        await done.Task.WaitAsync(within);
    }

    /// <summary>Polls /health/ready until it answers 200, the process dies, or the deadline passes.</summary>
    public async Task WaitReady(TimeSpan within)
    {
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        var deadline = DateTime.UtcNow + within;
        while (true)
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"the service exited with code {_process.ExitCode} before it was ready:\n{RecentOutput}");
            try
            {
                using var response = await client.GetAsync("/health/ready");
                if (response.StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"the service was not ready within {within.TotalSeconds} s:\n{RecentOutput}");
            await timer.WaitForNextTickAsync();
        }
    }

    /// <summary>Waits for the process to end by itself (all its output read); false when it still runs at the deadline.</summary>
    public async Task<bool> WaitForExit(TimeSpan within)
    {
        using var timeout = new CancellationTokenSource(within);
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
        _process.WaitForExit();
        return true;
    }

    public IReadOnlyList<string> OutputLines => _lines.ToArray();

    /// <summary>SIGKILL on Unix: no shutdown hooks, no flushing; whatever was not committed is lost.</summary>
    public async Task Kill()
    {
        if (_process.HasExited) return;
        _process.Kill(entireProcessTree: true);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await _process.WaitForExitAsync(timeout.Token);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await Kill();
        }
        catch (InvalidOperationException) { }
        finally
        {
            _process.Dispose();
        }
    }
}
