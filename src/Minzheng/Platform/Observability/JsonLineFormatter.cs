using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;

namespace Minzheng.Platform.Observability;

/// <summary>
/// One JSON object per line, for journald, a log shipper or <c>jq</c>: <c>time</c> (UTC), <c>level</c>,
/// <c>category</c>, <c>message</c>, <c>exception</c>, the request's <c>correlationId</c>, <c>traceId</c> and
/// <c>spanId</c> at the top level (the built-in JSON formatter buries them in a list of scopes), then the message's
/// fields and the other scope values. Chinese text is written as characters; line breaks inside a message or a stack
/// trace are escaped, so a record never spans two lines. Runs of 15–19 digits (ID numbers, bank accounts — e.g. in the
/// path of <c>/api/v1/id-numbers/{value}/check</c>) are redacted from messages, fields and scope values: logs leave
/// the server for a log store, personal data must not (PIPL).
/// </summary>
public sealed partial class JsonLineFormatter(TimeProvider clock) : ConsoleFormatter(Name)
{
    public new const string Name = "minzheng-json";

    private const string OriginalFormat = "{OriginalFormat}";

    private static readonly JsonWriterOptions WriterOptions = new()
    {
        // Not for HTML: log readers want 张三, not \u5F20\u4E09. Control characters are still escaped.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
    };

    public override void Write<TState>(in LogEntry<TState> logEntry, IExternalScopeProvider? scopeProvider, TextWriter textWriter)
    {
        var message = logEntry.Formatter(logEntry.State, logEntry.Exception);
        if (string.IsNullOrEmpty(message) && logEntry.Exception is null)
        {
            return;
        }

        var scopes = new Scopes();
        scopeProvider?.ForEachScope(static (scope, all) => all.Add(scope), scopes);

        var buffer = new ArrayBufferWriter<byte>(512);
        using (var json = new Utf8JsonWriter(buffer, WriterOptions))
        {
            json.WriteStartObject();
            json.WriteString("time", clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture));
            json.WriteString("level", logEntry.LogLevel.ToString());
            json.WriteString("category", logEntry.Category);
            if (logEntry.EventId.Id != 0)
            {
                json.WriteNumber("eventId", logEntry.EventId.Id);
            }

            json.WriteString("message", Redact(message));
            if (logEntry.Exception is { } exception)
            {
                json.WriteString("exception", Redact(exception.ToString()));
            }

            // Lines written before the correlation middleware runs (request start and end) still carry the trace id.
            if ((scopes.CorrelationId ?? scopes.TraceId) is { } correlationId)
            {
                json.WriteString("correlationId", correlationId);
            }

            WriteIfPresent(json, "traceId", scopes.TraceId);
            WriteIfPresent(json, "spanId", scopes.SpanId);
            if (logEntry.State is IReadOnlyList<KeyValuePair<string, object?>> fields && fields.Any(f => f.Key != OriginalFormat))
            {
                json.WriteStartObject("fields");
                foreach (var (key, value) in fields.Where(f => f.Key != OriginalFormat))
                {
                    WriteValue(json, key, value);
                }

                json.WriteEndObject();
            }

            if (scopes.Other.Count > 0)
            {
                json.WriteStartObject("scope");
                foreach (var (key, value) in scopes.Other)
                {
                    WriteValue(json, key, value);
                }

                json.WriteEndObject();
            }

            json.WriteEndObject();
        }

        textWriter.Write(Encoding.UTF8.GetString(buffer.WrittenSpan));
        textWriter.Write('\n');
    }

    private static void WriteIfPresent(Utf8JsonWriter json, string name, string? value)
    {
        if (value is not null)
        {
            json.WriteString(name, value);
        }
    }

    /// <summary>Replaces every run of 15–19 digits (the last may be X, as in an ID number) with <c>[redacted]</c>.</summary>
    public static string Redact(string text) => LongNumber().Replace(text, "[redacted]");

    [System.Text.RegularExpressions.GeneratedRegex("(?<![0-9])[0-9]{14,18}[0-9Xx](?![0-9A-Za-z])")]
    private static partial System.Text.RegularExpressions.Regex LongNumber();

    private static void WriteValue(Utf8JsonWriter json, string key, object? value)
    {
        switch (value)
        {
            case null:
                json.WriteNull(key);
                break;
            case bool b:
                json.WriteBoolean(key, b);
                break;
            case int or long or short or byte or uint or ulong or ushort or decimal:
                json.WriteNumber(key, Convert.ToDecimal(value, CultureInfo.InvariantCulture));
                break;
            case double d when double.IsFinite(d):
                json.WriteNumber(key, d);
                break;
            case IFormattable formattable:
                json.WriteString(key, Redact(formattable.ToString(null, CultureInfo.InvariantCulture)));
                break;
            default:
                json.WriteString(key, Redact(value.ToString() ?? ""));
                break;
        }
    }

    /// <summary>The scopes around a log call: the three ids by name, everything else by key (the innermost wins).</summary>
    private sealed class Scopes
    {
        public string? CorrelationId { get; private set; }

        public string? TraceId { get; private set; }

        public string? SpanId { get; private set; }

        public Dictionary<string, object?> Other { get; } = [];

        public void Add(object? scope)
        {
            if (scope is not IEnumerable<KeyValuePair<string, object?>> pairs)
            {
                if (scope?.ToString() is { Length: > 0 } text)
                {
                    Other["scope"] = Redact(text);
                }

                return;
            }

            foreach (var (key, value) in pairs)
            {
                switch (key)
                {
                    case Observability.CorrelationId.ScopeKey:
                        CorrelationId = value?.ToString();
                        break;
                    case "TraceId":
                        TraceId = value?.ToString();
                        break;
                    case "SpanId":
                        SpanId = value?.ToString();
                        break;
                    case OriginalFormat or "ParentId":
                        break;
                    default:
                        Other[key] = value;
                        break;
                }
            }
        }
    }
}
