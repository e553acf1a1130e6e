using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace Streaming.Contracts.SchemaRegistry;

/// <summary>
/// A Confluent Schema Registry REST client: <c>POST /subjects/{subject}/versions</c> and <c>GET /schemas/ids/{id}</c>,
/// cached both ways. Transient failures (5xx, 429, timeouts, connection errors) are retried with jittered exponential
/// backoff.
/// </summary>
/// <remarks>Thread-safe. Credentials are sent as HTTP basic auth and never logged.</remarks>
public sealed class SchemaRegistryRestClient : ISchemaRegistry, IDisposable
{
    /// <summary>The Schema Registry media type, used for requests and accepted in responses.</summary>
    public const string MediaType = "application/vnd.schemaregistry.v1+json";

    private readonly HttpClient _http;
    private readonly bool _ownsHttpClient;
    private readonly Uri _baseUri;
    private readonly AuthenticationHeaderValue? _authorization;
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<(string Subject, string Schema), int> _idBySubjectAndSchema = new();
    private readonly ConcurrentDictionary<int, string> _schemaById = new();

    /// <summary>Creates a client.</summary>
    /// <param name="baseUrl">The registry URL, <c>http(s)://host:port[/path]</c>.</param>
    /// <param name="basicAuthUserInfo"><c>user:password</c>, or null for no authentication.</param>
    /// <param name="options">Retry and timeout options; defaults when null.</param>
    /// <param name="httpClient">An HttpClient to use (not disposed by this client); a new one when null.</param>
    /// <param name="logger">Logger for retries (Warning) and requests (Debug).</param>
    public SchemaRegistryRestClient(
        string baseUrl,
        string? basicAuthUserInfo = null,
        SchemaRegistryRetryOptions? options = null,
        HttpClient? httpClient = null,
        ILogger<SchemaRegistryRestClient>? logger = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(baseUrl);
        _baseUri = new Uri(baseUrl.EndsWith('/') ? baseUrl : baseUrl + "/", UriKind.Absolute);
        _ownsHttpClient = httpClient is null;
        _http = httpClient ?? new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        if (!string.IsNullOrEmpty(basicAuthUserInfo))
        {
            _authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(basicAuthUserInfo)));
        }
        _pipeline = BuildPipeline(options ?? new SchemaRegistryRetryOptions());
    }

    /// <inheritdoc />
    public async Task<int> RegisterAsync(string subject, string schemaJson, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(subject);
        ArgumentNullException.ThrowIfNull(schemaJson);
        if (_idBySubjectAndSchema.TryGetValue((subject, schemaJson), out var cached))
        {
            return cached;
        }
        var body = JsonSerializer.Serialize(new Dictionary<string, string> { ["schema"] = schemaJson });
        var path = "subjects/" + Uri.EscapeDataString(subject) + "/versions";
        using var document = await SendAsync(HttpMethod.Post, path, body, $"registering a schema under subject '{subject}'", null, cancellationToken).ConfigureAwait(false);
        if (!document.RootElement.TryGetProperty("id", out var idElement) || !idElement.TryGetInt32(out var id))
        {
            throw new SchemaRegistryException($"Schema Registry answered the registration under '{subject}' without an integer 'id'.");
        }
        _idBySubjectAndSchema[(subject, schemaJson)] = id;
        _schemaById.TryAdd(id, schemaJson);
        return id;
    }

    /// <inheritdoc />
    public async Task<string> GetSchemaAsync(int id, CancellationToken cancellationToken = default)
    {
        if (_schemaById.TryGetValue(id, out var cached))
        {
            return cached;
        }
        using var document = await SendAsync(HttpMethod.Get, "schemas/ids/" + id.ToString(System.Globalization.CultureInfo.InvariantCulture), null, $"fetching schema id {id}", id, cancellationToken).ConfigureAwait(false);
        if (!document.RootElement.TryGetProperty("schema", out var schemaElement) || schemaElement.ValueKind != JsonValueKind.String)
        {
            throw new SchemaRegistryException($"Schema Registry answered schema id {id} without a 'schema' string.");
        }
        var schema = schemaElement.GetString()!;
        _schemaById.TryAdd(id, schema);
        return schema;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_ownsHttpClient)
        {
            _http.Dispose();
        }
    }

    private async Task<JsonDocument> SendAsync(HttpMethod method, string path, string? body, string what, int? schemaId, CancellationToken cancellationToken)
    {
        var uri = new Uri(_baseUri, path);
        HttpResponseMessage response;
        try
        {
            response = await _pipeline.ExecuteAsync(
                async token =>
                {
                    using var request = new HttpRequestMessage(method, uri);
                    request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(MediaType));
                    request.Headers.Authorization = _authorization;
                    if (body is not null)
                    {
                        request.Content = new StringContent(body, Encoding.UTF8);
                        request.Content.Headers.ContentType = new MediaTypeHeaderValue(MediaType);
                    }
                    if (_logger.IsEnabled(LogLevel.Debug))
                    {
                        _logger.LogDebug("Schema Registry {Method} {Uri}", method, uri);
                    }
                    return await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, token).ConfigureAwait(false);
                },
                cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutRejectedException
            || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new SchemaRegistryException($"Schema Registry at {_baseUri} failed while {what}: {ex.Message}", ex);
        }

        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            if (response.StatusCode == HttpStatusCode.NotFound && schemaId is { } id)
            {
                throw new SchemaNotRegisteredException(id);
            }
            if (!response.IsSuccessStatusCode)
            {
                var hint = response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden
                    ? " Check SchemaRegistry:BasicAuthUserInfo (STREAMING__SCHEMAREGISTRY__BASICAUTHUSERINFO)."
                    : string.Empty;
                throw new SchemaRegistryException(
                    $"Schema Registry at {_baseUri} answered {(int)response.StatusCode} {response.ReasonPhrase} while {what}: {Truncate(text)}.{hint}")
                {
                    StatusCode = (int)response.StatusCode,
                };
            }
            try
            {
                return JsonDocument.Parse(text);
            }
            catch (JsonException ex)
            {
                throw new SchemaRegistryException($"Schema Registry at {_baseUri} answered non-JSON while {what}: {Truncate(text)}", ex);
            }
        }
    }

    private ResiliencePipeline<HttpResponseMessage> BuildPipeline(SchemaRegistryRetryOptions options) =>
        new ResiliencePipelineBuilder<HttpResponseMessage>()
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = options.MaxRetryAttempts,
                Delay = options.BaseDelay,
                MaxDelay = options.MaxDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldHandle = args => ValueTask.FromResult(IsTransient(args.Outcome, args.Context.CancellationToken)),
                OnRetry = args =>
                {
                    var cause = args.Outcome.Exception?.Message ?? $"HTTP {(int?)args.Outcome.Result?.StatusCode}";
                    _logger.LogWarning("Schema Registry request failed ({Cause}); retry {Attempt} in {Delay} ms", cause, args.AttemptNumber + 1, (long)args.RetryDelay.TotalMilliseconds);
                    return ValueTask.CompletedTask;
                },
            })
            .AddTimeout(options.AttemptTimeout)
            .Build();

    private static bool IsTransient(Outcome<HttpResponseMessage> outcome, CancellationToken token) =>
        outcome.Exception switch
        {
            HttpRequestException or TimeoutRejectedException => true,
            OperationCanceledException => !token.IsCancellationRequested,
            null => outcome.Result is { } response && ((int)response.StatusCode >= 500 || response.StatusCode == HttpStatusCode.TooManyRequests),
            _ => false,
        };

    private static string Truncate(string text) => text.Length > 300 ? text[..300] + "…" : text;
}
