using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace Streaming.Contracts.Tests.Support;

/// <summary>
/// A tiny Schema Registry on 127.0.0.1 (HttpListener) with the two endpoints the client uses. It records every
/// request, can fail the next N requests with a status, and can require basic auth.
/// </summary>
internal sealed class FakeSchemaRegistryServer : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private readonly ConcurrentDictionary<int, string> _schemas = new();
    private readonly object _lock = new();
    private int _failuresLeft;
    private HttpStatusCode _failureStatus;

    public FakeSchemaRegistryServer(string? requiredUserInfo = null)
    {
        RequiredAuthorization = requiredUserInfo is null ? null : "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(requiredUserInfo));
        Port = FreePort();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    public int Port { get; }

    public string Url => $"http://127.0.0.1:{Port}";

    public string? RequiredAuthorization { get; }

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    /// <summary>Fails the next <paramref name="count"/> requests with <paramref name="status"/>.</summary>
    public void FailNext(int count, HttpStatusCode status)
    {
        lock (_lock)
        {
            _failuresLeft = count;
            _failureStatus = status;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _loop.WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or OperationCanceledException)
        {
        }
        _listener.Close();
        _stop.Dispose();
    }

    private async Task LoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
            await HandleAsync(context);
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        var request = context.Request;
        string body;
        using (var reader = new StreamReader(request.InputStream, Encoding.UTF8))
        {
            body = await reader.ReadToEndAsync();
        }
        Requests.Enqueue(new RecordedRequest(request.HttpMethod, request.Url!.AbsolutePath, request.Headers["Authorization"], request.ContentType, request.Headers["Accept"], body));

        lock (_lock)
        {
            if (_failuresLeft > 0)
            {
                _failuresLeft--;
                Respond(context, _failureStatus, """{"error_code":50301,"message":"try again"}""");
                return;
            }
        }
        if (RequiredAuthorization is not null && request.Headers["Authorization"] != RequiredAuthorization)
        {
            Respond(context, HttpStatusCode.Unauthorized, """{"error_code":401,"message":"Unauthorized"}""");
            return;
        }

        var path = request.Url.AbsolutePath;
        if (request.HttpMethod == "POST" && path.StartsWith("/subjects/", StringComparison.Ordinal) && path.EndsWith("/versions", StringComparison.Ordinal))
        {
            var schema = JsonDocument.Parse(body).RootElement.GetProperty("schema").GetString()!;
            int id;
            lock (_lock)
            {
                id = _schemas.FirstOrDefault(p => p.Value == schema).Key;
                if (id == 0)
                {
                    id = 100 + _schemas.Count;
                    _schemas[id] = schema;
                }
            }
            Respond(context, HttpStatusCode.OK, JsonSerializer.Serialize(new { id }));
        }
        else if (request.HttpMethod == "GET" && path.StartsWith("/schemas/ids/", StringComparison.Ordinal)
            && int.TryParse(path["/schemas/ids/".Length..], out var id))
        {
            if (_schemas.TryGetValue(id, out var schema))
            {
                Respond(context, HttpStatusCode.OK, JsonSerializer.Serialize(new { schema }));
            }
            else
            {
                Respond(context, HttpStatusCode.NotFound, """{"error_code":40403,"message":"Schema not found"}""");
            }
        }
        else
        {
            Respond(context, HttpStatusCode.NotFound, """{"error_code":404,"message":"no such endpoint"}""");
        }
    }

    private static void Respond(HttpListenerContext context, HttpStatusCode status, string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        context.Response.StatusCode = (int)status;
        context.Response.ContentType = "application/vnd.schemaregistry.v1+json";
        context.Response.ContentLength64 = bytes.Length;
        context.Response.OutputStream.Write(bytes);
        context.Response.Close();
    }

    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }

    public sealed record RecordedRequest(string Method, string Path, string? Authorization, string? ContentType, string? Accept, string Body);
}
