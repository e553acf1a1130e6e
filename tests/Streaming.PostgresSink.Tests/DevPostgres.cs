using System.Diagnostics;
using Streaming.TestSupport;

namespace Streaming.PostgresSink.Tests;

/// <summary>
/// Controls the dev Postgres cluster with pg_ctl, as the postgres user when the tests run as root. The cluster lives in
/// .dev/pg, or where .dev/pg.home says when the postgres user cannot reach the checkout (scripts/dev.sh).
/// </summary>
internal static class DevPostgres
{
    /// <summary>
    /// <c>pg_ctl restart -m fast</c>: disconnects every client, stops and starts the server with its previous options
    /// (postmaster.opts), then refreshes .dev/pg.pid so <c>scripts/dev.sh status</c> still finds the server.
    /// </summary>
    public static async Task RestartAsync(TimeSpan timeout)
    {
        var homeFile = RepoPaths.Combine(".dev", "pg.home");
        var home = File.Exists(homeFile) ? File.ReadAllText(homeFile).Trim() : RepoPaths.Combine(".dev");
        var dataDir = Path.Combine(home, "pg");
        var pgCtl = Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin", "pg_ctl")).FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException("pg_ctl not found under /usr/lib/postgresql/*/bin.");
        var log = Path.Combine(home, "pg-run", "postgres.log");
        string[] command = [pgCtl, "-D", dataDir, "-l", log, "-m", "fast", "-w", "-t", "60", "restart"];
        var psi = Environment.UserName == "root" ? new ProcessStartInfo("runuser") : new ProcessStartInfo(command[0]);
        if (Environment.UserName == "root")
        {
            foreach (var arg in new[] { "-u", "postgres", "--" }.Concat(command))
            {
                psi.ArgumentList.Add(arg);
            }
        }
        else
        {
            foreach (var arg in command.Skip(1))
            {
                psi.ArgumentList.Add(arg);
            }
        }
        // From /: the postgres user may not be able to enter the checkout.
        psi.WorkingDirectory = "/";
        psi.RedirectStandardOutput = true;
        psi.RedirectStandardError = true;
        using var process = Process.Start(psi) ?? throw new InvalidOperationException("pg_ctl could not be started.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(timeout);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"pg_ctl restart failed (exit {process.ExitCode}): {await stdout} {await stderr}");
        }
        var pid = File.ReadLines(Path.Combine(dataDir, "postmaster.pid")).First();
        await File.WriteAllTextAsync(RepoPaths.Combine(".dev", "pg.pid"), pid + "\n");
        // This test process's own pooled connections died with the old server.
        Npgsql.NpgsqlConnection.ClearAllPools();
    }
}
