using System.Diagnostics;

namespace Streaming.TestSupport;

/// <summary>
/// Runs the solution's built executables (<c>dotnet some.dll args…</c>) as child processes, with an environment and a
/// time bound. The caller decides which environment variables the child gets; this class adds none.
/// </summary>
public static class ChildProcess
{
    /// <summary>
    /// The built <paramref name="assemblyFile"/> (e.g. <c>processor.dll</c>) of the project in <paramref name="projectFolder"/>
    /// (relative to the repository root). The configuration follows this test assembly's (Debug/Release), falling back to the other.
    /// </summary>
    /// <exception cref="FileNotFoundException">Neither build exists; the message says how to build it.</exception>
    public static string BuiltDll(string projectFolder, string assemblyFile)
    {
        var own = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        var other = own == "Debug" ? "Release" : "Debug";
        foreach (var configuration in new[] { own, other })
        {
            var path = RepoPaths.Combine(projectFolder, "bin", configuration, "net10.0", assemblyFile);
            if (File.Exists(path))
            {
                return path;
            }
        }
        throw new FileNotFoundException(
            $"{assemblyFile} is not built: neither {projectFolder}/bin/{own}/net10.0/{assemblyFile} nor the {other} build exists. Build the solution first ('dotnet build Streaming.sln' or scripts/test.sh).");
    }

    /// <summary>
    /// <c>dotnet <paramref name="dll"/> <paramref name="args"/></c> with stdout and stderr redirected, the given variables set
    /// on top of this process's environment, in <paramref name="workingDirectory"/> (the repository root by default).
    /// </summary>
    public static ProcessStartInfo DotnetStartInfo(
        string dll, IEnumerable<string> args, IReadOnlyDictionary<string, string> environment, string? workingDirectory = null)
    {
        var psi = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? RepoPaths.Root,
        };
        psi.ArgumentList.Add(dll);
        foreach (var arg in args)
        {
            psi.ArgumentList.Add(arg);
        }
        foreach (var (name, value) in environment)
        {
            psi.Environment[name] = value;
        }
        return psi;
    }

    /// <summary>Runs <c>dotnet <paramref name="dll"/> <paramref name="args"/></c> to completion; see <see cref="RunAsync"/>.</summary>
    public static Task<ChildProcessResult> RunDllAsync(
        string dll, IEnumerable<string> args, IReadOnlyDictionary<string, string> environment, TimeSpan timeout) =>
        RunAsync(DotnetStartInfo(dll, args, environment), timeout);

    /// <summary>
    /// Runs the process to completion and returns its exit code and output. A non-zero exit code is returned, not thrown.
    /// </summary>
    /// <exception cref="TimeoutException">It did not exit within <paramref name="timeout"/>; the process tree is killed first.</exception>
    public static async Task<ChildProcessResult> RunAsync(ProcessStartInfo startInfo, TimeSpan timeout)
    {
        var command = Describe(startInfo);
        using var process = Process.Start(startInfo) ?? throw new InvalidOperationException($"could not start '{command}'.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"'{command}' did not finish within {timeout.TotalSeconds:F0} s. stderr so far:\n{await stderr.ConfigureAwait(false)}");
        }
        return new ChildProcessResult(command, process.ExitCode, await stdout.ConfigureAwait(false), await stderr.ConfigureAwait(false));
    }

    /// <summary>The dll's name and the arguments after it (<c>processor run --until-end …</c>), for messages.</summary>
    internal static string Describe(ProcessStartInfo startInfo) =>
        startInfo.FileName == "dotnet" && startInfo.ArgumentList.Count > 0
            ? $"{Path.GetFileNameWithoutExtension(startInfo.ArgumentList[0])} {string.Join(' ', startInfo.ArgumentList.Skip(1))}"
            : $"{startInfo.FileName} {string.Join(' ', startInfo.ArgumentList)}";
}
