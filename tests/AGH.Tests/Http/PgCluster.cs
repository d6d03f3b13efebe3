using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace AGH.Tests.Http;

/// <summary>
/// A throwaway PostgreSQL cluster of a test's own, run by scripts/pg.sh in a fresh directory under /tmp on a free port,
/// so a test may stop and start it without touching the shared test cluster. Dispose stops it and removes the directory.
/// </summary>
public sealed class PgCluster : IAsyncDisposable
{
    private PgCluster(string script, string dir, int port)
    {
        Script = script;
        Dir = dir;
        Port = port;
    }

    public string Script { get; }
    public string Dir { get; }
    public int Port { get; }
    public string ConnectionString { get; private set; } = "";

    /// <summary>Why this machine cannot run a cluster of its own (no repository script or no PostgreSQL binaries), or null.</summary>
    public static string? Unavailable()
    {
        if (OperatingSystem.IsWindows()) return "scripts/pg.sh needs a Unix shell";
        if (ScriptPath() is null) return "scripts/pg.sh not found above " + AppContext.BaseDirectory;
        var found = Directory.Exists("/usr/lib/postgresql")
            && Directory.GetDirectories("/usr/lib/postgresql").Any(d => File.Exists(Path.Combine(d, "bin", "initdb")) && File.Exists(Path.Combine(d, "bin", "pg_ctl")));
        found = found || (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Any(d => File.Exists(Path.Combine(d, "initdb")) && File.Exists(Path.Combine(d, "pg_ctl")));
        return found ? null : "no PostgreSQL binaries (initdb, pg_ctl) for scripts/pg.sh; run scripts/pg.sh ensure-installed";
    }

    /// <summary>The repository root: the first folder above the test binaries that holds AGH.sln.</summary>
    public static string? RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "AGH.sln"))) return dir.FullName;
        return null;
    }

    private static string? ScriptPath() => RepoRoot() is { } root && File.Exists(Path.Combine(root, "scripts", "pg.sh"))
        ? Path.Combine(root, "scripts", "pg.sh") : null;

    /// <summary>A port nobody listens on right now.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    public static async Task<PgCluster> Start()
    {
        var script = ScriptPath() ?? throw new InvalidOperationException("scripts/pg.sh not found");
        // Under /tmp: when the tests run as root, the server runs as the OS user postgres, which must reach the directory.
        var cluster = new PgCluster(script, Path.Combine("/tmp", "agh-pg-" + Guid.NewGuid().ToString("N")[..10]), FreePort());
        try
        {
            await cluster.StartAgain();
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts the server (again) on the same directory and port.</summary>
    public async Task StartAgain()
    {
        var output = await Run("start", Dir, Port.ToString());
        ConnectionString = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Last();
    }

    /// <summary>Fast shutdown: the server ends every session and stops listening.</summary>
    public Task Stop() => Run("stop", Dir);

    private async Task<string> Run(params string[] args)
    {
        var info = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(Script);
        foreach (var a in args) info.ArgumentList.Add(a);
        using var process = Process.Start(info) ?? throw new InvalidOperationException("could not start bash");
        // Both pipes drained concurrently, so neither can fill up and block the script.
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"pg.sh {string.Join(' ', args)} did not finish within 90 s: {await stderr}");
        }
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"pg.sh {string.Join(' ', args)} failed ({process.ExitCode}): {await stderr}");
        return await stdout;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (Directory.Exists(Dir)) await Stop();
        }
        finally
        {
            try { if (Directory.Exists(Dir)) Directory.Delete(Dir, recursive: true); }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        }
    }
}
