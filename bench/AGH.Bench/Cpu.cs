namespace AGH.Bench;

/// <summary>CPU time from /proc: machine busy time, the service process, the cluster's postgres processes, this process, everything else.</summary>
public readonly record struct Cpu(double MachineBusy, double MachineTotal, double ProcessSeconds, double PostgresSeconds, double SelfSeconds)
{
    private static readonly double Tick = 100.0; // USER_HZ

    public double BusyPercent => MachineTotal <= 0 ? 0 : 100 * MachineBusy / MachineTotal;

    /// <summary>Share of all cores' time used by processes other than the service, PostgreSQL and the load driver.</summary>
    public double OtherPercent => MachineTotal <= 0 ? 0
        : 100 * Math.Max(0, MachineBusy - ProcessSeconds - PostgresSeconds - SelfSeconds) / MachineTotal;

    public static Cpu operator -(Cpu a, Cpu b) => new(a.MachineBusy - b.MachineBusy, a.MachineTotal - b.MachineTotal,
        a.ProcessSeconds - b.ProcessSeconds, a.PostgresSeconds - b.PostgresSeconds, a.SelfSeconds - b.SelfSeconds);

    public static Cpu Snapshot(int pid, int postmaster)
    {
        double busy = 0, total = 0;
        try
        {
            var f = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(double.Parse).ToArray();
            total = f.Take(8).Sum() / Tick;
            busy = total - (f[3] + f[4]) / Tick; // minus idle and iowait
        }
        catch (IOException) { }
        double postgres = 0;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var p)) continue;
            try
            {
                // Backends that ended meanwhile (a rebuild closes its connections) count through the postmaster's reaped children.
                if (p == postmaster) postgres += Seconds(p) + Seconds(p, reapedChildren: true);
                else if (Parent(p) == postmaster) postgres += Seconds(p);
            }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        }
        return new Cpu(busy, total, Seconds(pid), postgres, Seconds(Environment.ProcessId));
    }

    private static int Parent(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        return int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1]);
    }

    /// <summary>The postmaster of the cluster behind a connection: the parent of its backend.</summary>
    public static async Task<int> Postmaster(string connection)
    {
        await using var data = Npgsql.NpgsqlDataSource.Create(connection);
        await using var cmd = data.CreateCommand("SELECT pg_backend_pid()");
        var backend = (int)(await cmd.ExecuteScalarAsync())!;
        try { return Parent(backend); } catch (IOException) { return -1; }
    }

    private static double Seconds(int pid, bool reapedChildren = false)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            var at = reapedChildren ? 13 : 11; // utime, stime; or cutime, cstime
            return (double.Parse(fields[at]) + double.Parse(fields[at + 1])) / Tick;
        }
        catch (IOException) { return 0; }
    }
}
