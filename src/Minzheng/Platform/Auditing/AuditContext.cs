using System.Security.Claims;

namespace Minzheng.Platform.Auditing;

/// <summary>Who is acting and from where, for audit entries. Outside a request the actor is the system.</summary>
public interface IAuditContext
{
    string UserName { get; }
    string? Ip { get; }
}

public sealed class HttpAuditContext(IHttpContextAccessor http) : IAuditContext
{
    public string UserName => http.HttpContext?.User.FindFirstValue(ClaimTypes.Name) is { Length: > 0 } name ? name : "system";

    public string? Ip => http.HttpContext?.Connection.RemoteIpAddress?.ToString();
}

/// <summary>Marks a property whose value never goes into the audit log or the logs (ciphertext, blind index, secrets).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class SensitiveAttribute : Attribute;

/// <summary>Entities that the audit interceptor must not record row by row (framework tables with their own events).</summary>
public interface INotAudited;

/// <summary>JSON of audit details: readable Chinese (no \uXXXX escapes), still safe to embed in HTML.</summary>
public static class AuditJson
{
    public static readonly System.Text.Json.JsonSerializerOptions Options = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
    };
}
