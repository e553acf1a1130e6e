using System.Reflection;
using System.Runtime.InteropServices;

namespace Streaming.Contracts.Kafka;

/// <summary>
/// Loads librdkafka from the librdkafka.redist package that ships with Confluent.Kafka, and makes every
/// <c>DllImport</c> of Confluent.Kafka bind to it. Call <see cref="EnsureLoaded"/> before the first Kafka call of a
/// process (the executables do it in <c>CommandLineApp</c>, test hosts in a module initializer).
/// </summary>
/// <remarks>
/// Confluent.Kafka's own loading fails here: the package's glibc <c>librdkafka.so</c> needs <c>libsasl2.so.3</c>,
/// which Debian 12 lacks, and <c>Library.Load(path)</c> dlopens <c>libdl</c>, which is absent. A resolver with an
/// absolute path also wins over a system librdkafka (Debian's 2.0.2) that the default search would find first.
/// </remarks>
public static class LibrdkafkaLoader
{
    // Most capable first: the glibc build has GSSAPI; the CentOS 8 build links only what every glibc system has.
    private static readonly string[] LinuxCandidates = ["librdkafka.so", "centos8-librdkafka.so"];
    private static readonly string[] MuslCandidates = ["alpine-librdkafka.so"];

    private static readonly Lock Gate = new();
    private static Loaded? s_loaded;

    /// <summary>The file that was loaded; null before <see cref="EnsureLoaded"/> or off Linux.</summary>
    public static string? LoadedPath => s_loaded?.Path;

    /// <summary>
    /// Loads the package's librdkafka once per process and installs the resolver on Confluent.Kafka's assembly.
    /// Off Linux it does nothing and Confluent.Kafka loads its own native library.
    /// </summary>
    /// <exception cref="LibrdkafkaLoadException">No candidate file loaded; the message names each and what it lacked.</exception>
    public static void EnsureLoaded()
    {
        lock (Gate)
        {
            if (s_loaded is not null || !OperatingSystem.IsLinux())
            {
                return;
            }
            var loaded = LoadFirst(NativeDirectories(), File.Exists("/etc/alpine-release") ? MuslCandidates : LinuxCandidates);
            NativeLibrary.SetDllImportResolver(typeof(Confluent.Kafka.Library).Assembly, loaded.Resolve);
            s_loaded = loaded;
        }
    }

    /// <summary>
    /// <see cref="EnsureLoaded"/> for programs outside <c>CommandLineApp</c> (benchmarks, the dev broker, test apps):
    /// when nothing loads, prints the reason as one line on standard error and exits 2.
    /// </summary>
    public static void EnsureLoadedOrExit(string programName)
    {
        try
        {
            EnsureLoaded();
        }
        catch (LibrdkafkaLoadException ex)
        {
            Console.Error.WriteLine($"{programName}: {ex.Message}");
            Environment.Exit(2);
        }
    }

    /// <summary>
    /// Binds <paramref name="assembly"/>'s own <c>DllImport("librdkafka")</c> declarations to the same loaded library,
    /// for code that calls librdkafka beside Confluent.Kafka (the dev broker host's mock-cluster API).
    /// </summary>
    public static void BindImportsOf(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        EnsureLoaded();
        var loaded = s_loaded ?? throw new PlatformNotSupportedException("librdkafka is bound by path only on Linux.");
        NativeLibrary.SetDllImportResolver(assembly, loaded.Resolve);
    }

    /// <summary>Where the package's native assets land: per-RID folders of a normal build, or flat in a RID publish.</summary>
    private static IEnumerable<string> NativeDirectories()
    {
        var baseDir = AppContext.BaseDirectory;
        yield return Path.Combine(baseDir, "runtimes", "linux-" + Architecture(), "native");
        yield return baseDir;
    }

    private static string Architecture() => RuntimeInformation.ProcessArchitecture switch
    {
        System.Runtime.InteropServices.Architecture.X64 => "x64",
        System.Runtime.InteropServices.Architecture.Arm64 => "arm64",
        var other => other.ToString().ToLowerInvariant(),
    };

    private static Loaded LoadFirst(IEnumerable<string> directories, string[] names)
    {
        var failures = new List<string>();
        foreach (var name in names)
        {
            foreach (var dir in directories)
            {
                var path = Path.Combine(dir, name);
                if (!File.Exists(path))
                {
                    continue;
                }
                try
                {
                    return new Loaded(path, NativeLibrary.Load(path));
                }
                catch (DllNotFoundException ex)
                {
                    failures.Add($"{path} ({WhatItLacked(ex.Message, path)})");
                }
                break;
            }
        }
        if (failures.Count == 0)
        {
            failures.Add($"none of {string.Join(", ", names)} exists under {string.Join(" or ", directories)}; restore the librdkafka.redist package");
        }
        throw new LibrdkafkaLoadException($"librdkafka could not be loaded: {string.Join("; ", failures)}.");
    }

    /// <summary>The dynamic loader's reason, the last line of .NET's message, e.g. "libsasl2.so.3 is missing".</summary>
    private static string WhatItLacked(string message, string path)
    {
        var reason = message.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? message;
        if (reason.StartsWith(path + ": ", StringComparison.Ordinal))
        {
            reason = reason[(path.Length + 2)..];
        }
        const string missing = ": cannot open shared object file";
        var cut = reason.IndexOf(missing, StringComparison.Ordinal);
        if (cut > 0)
        {
            var lib = reason[..cut];
            return Path.GetFileName(lib) + " is missing";
        }
        return reason.TrimEnd('.');
    }

    private sealed record Loaded(string Path, IntPtr Handle)
    {
        // Confluent.Kafka imports "librdkafka", "centos8-librdkafka" and "alpine-librdkafka": all mean this file.
        public IntPtr Resolve(string libraryName, Assembly assembly, DllImportSearchPath? searchPath) =>
            libraryName.Contains("librdkafka", StringComparison.Ordinal) ? Handle : IntPtr.Zero;
    }
}
