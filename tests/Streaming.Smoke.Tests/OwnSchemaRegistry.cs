using System.Net;
using System.Net.Sockets;
using Streaming.TestSupport;

namespace Streaming.Smoke.Tests;

/// <summary>
/// A dev Schema Registry of a test's own, on a free port with its data in a temporary folder, so a test can stop and
/// restart it without touching the shared dev stack's registry.
/// </summary>
public sealed class OwnSchemaRegistry : IDisposable
{
    private readonly int _port = FreePort();
    private StartedChildProcess? _process;

    public string DataDirectory { get; } = Directory.CreateTempSubdirectory("devschemaregistry-").FullName;

    public string Url => $"http://127.0.0.1:{_port}";

    /// <summary>Starts the built registry and waits until it answers.</summary>
    public async Task StartAsync()
    {
        var dll = ChildProcess.BuiltDll(Path.Combine("dev", "Streaming.DevSchemaRegistry"), "devschemaregistry.dll");
        _process = StartedChildProcess.Start(ChildProcess.DotnetStartInfo(
            dll, ["--port", _port.ToString(), "--data-dir", DataDirectory], new Dictionary<string, string>()));
        using var http = new HttpClient();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            try
            {
                using var response = await http.GetAsync(Url + "/subjects");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline && !_process.HasExited)
            {
            }
            if (DateTime.UtcNow >= deadline || _process.HasExited)
            {
                throw new InvalidOperationException($"the dev registry did not start on {Url}: {_process.Output}");
            }
            await Task.Delay(100);
        }
    }

    /// <summary>Kills the registry, as a crash would: only what it wrote before answering survives.</summary>
    public void Kill()
    {
        _process?.Dispose();
        _process = null;
    }

    public void Dispose()
    {
        Kill();
        Directory.Delete(DataDirectory, recursive: true);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
