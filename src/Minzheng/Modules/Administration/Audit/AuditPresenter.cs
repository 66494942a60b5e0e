using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Minzheng.Platform.Auditing;
using Minzheng.Platform.Calendar;
using Minzheng.Platform.Documents;
using Minzheng.Platform.Security;

namespace Minzheng.Modules.Administration.Audit;

/// <summary>One particular of an entry as the page shows it; <see cref="Title"/> is the stored value, on hover.</summary>
/// <param name="Verbatim">Text a person or another system wrote (a file name): shown as it is, in whatever script.</param>
public sealed record AuditLine(string Label, string Value, string? Title = null, bool IsRegion = false, bool IsUser = false, bool Verbatim = false);

/// <summary>An audit entry for the auditor's page: names instead of codes, particulars as lines instead of JSON.</summary>
public sealed record AuditRow(AuditEntry Entry, string ActionName, string EntityName, string? EntityLabel, IReadOnlyList<AuditLine> Lines,
    string? FieldText, string? FieldTitle, bool Sealed);

/// <summary>
/// Lays an entry out for a person: the action and record type by their Chinese names (an unknown code shows its
/// group, the code on hover), the particulars as "key：value" lines, ids and hashes behind hover titles. Only what
/// <see cref="AuditValues.Summarize"/> lets the auditor read goes in, so sealed business values stay sealed.
/// </summary>
public sealed partial class AuditPresenter(IEnumerable<IAuditVocabulary> vocabularies, IEnumerable<DocumentKind> documents, UserDirectory users)
{
    private readonly Dictionary<string, string> _actions = Merge(vocabularies, v => v.Actions);
    private readonly Dictionary<string, string> _entities = Merge(vocabularies, v => v.Entities);
    private readonly Dictionary<string, string> _keys = Merge(vocabularies, v => v.Keys);
    // A document kind's code (a printed certificate, a notice) is named by the module's own title for it.
    private readonly Dictionary<string, string> _values = Merge(vocabularies, v => v.Values, documents.Select(d => KeyValuePair.Create(d.Code, d.Title)));

    private static readonly Dictionary<string, string> Groups = new()
    {
        ["auth"] = "登录认证",
        ["account"] = "账户管理",
        ["audit"] = "审计日志",
        ["data"] = "数据操作",
        ["privacy"] = "个人信息",
        ["import"] = "数据导入",
        ["document"] = "文书",
        ["attachment"] = "附件",
        ["calendar"] = "工作日历",
    };

    // Particulars that hold a login: shown as the person's name, like the 用户 column.
    private static readonly HashSet<string> UserKeys = new(StringComparer.OrdinalIgnoreCase)
    {
        "createdBy", "updatedBy", "deletedBy", "uploadedBy", "decidedBy", "handledBy", "recordedBy", "postedBy", "voidedBy", "actor", "user", "userName", "accounts",
    };

    private static readonly HashSet<string> RegionKeys = new(StringComparer.OrdinalIgnoreCase) { "code", "parentCode", "regionCode", "regionPrefix", "region" };

    /// <summary>The label of a particular no vocabulary names (its code on hover).</summary>
    public const string Unnamed = "其他";

    public IReadOnlyDictionary<string, string> ActionNames => _actions;

    public IReadOnlyDictionary<string, string> EntityNames => _entities;

    public string ActionName(string code) =>
        _actions.TryGetValue(code, out var name) ? name
        : Groups.TryGetValue(code.Split('.')[0], out var group) ? $"{group}（其他操作）" : "其他操作";

    public string EntityName(string? type) => type is null ? "" : _entities.GetValueOrDefault(type, "业务记录");

    /// <summary>
    /// A particular's key in Chinese: the vocabularies (a key written "Entity.key" first, for a field whose name means
    /// something else on another record), then the entity field names; "其他" (code on hover) when unnamed.
    /// </summary>
    public string KeyLabel(string key, string? entity = null)
    {
        if ((entity is not null && _keys.TryGetValue($"{entity}.{key}", out var label)) || _keys.TryGetValue(key, out label))
        {
            return label;
        }

        var field = key.Length == 0 ? key : AuditFieldNames.Label(char.ToUpperInvariant(key[0]) + key[1..]);
        return field.Length == 0 || IsLatin(field) ? Unnamed : field;
    }

    /// <summary>A coded value (a kind, a status) as the page shows it: its Chinese name, else the value itself.</summary>
    public string ValueText(string value) => Text(value).Item1;

    public async Task<AuditRow> PresentAsync(AuditEntry e, CancellationToken ct)
    {
        var summary = AuditValues.Summarize(e.Action, e.EntityType, e.Details);
        string? entityLabel = null;
        if (e.EntityType == "AppUser" && Guid.TryParse(e.EntityId, out var userId))
        {
            entityLabel = await users.DisplayNameByIdAsync(userId, ct);
        }

        var (fieldText, fieldTitle) = Fields(e.Action, e.EntityType, summary.Fields);
        return new AuditRow(e, ActionName(e.Action), EntityName(e.EntityType), entityLabel, Lines(summary.Plain, e.EntityType), fieldText, fieldTitle, summary.Sealed);
    }

    private (string?, string?) Fields(string action, string? entity, IReadOnlyList<string> fields)
    {
        if (fields.Count == 0)
        {
            return (action == "data.delete" ? "删除记录" : null, null);
        }

        var named = fields.Select(f => (Code: f, Label: f.Length == 0 ? Unnamed : KeyLabel(f, entity))).ToList();
        var known = named.Where(f => f.Label != Unnamed).Select(f => f.Label).Distinct().ToList();
        var others = named.Count(f => f.Label == Unnamed);
        var list = string.Join("、", known) + (others > 0 ? $"{(known.Count > 0 ? "及" : "")}其他{others}项" : "");
        var text = action switch
        {
            "data.insert" => $"新增记录，字段：{list}",
            "data.update" => $"修改了字段：{list}",
            _ => $"涉及字段：{list}",
        };
        return (text, string.Join(", ", fields));
    }

    private List<AuditLine> Lines(string? plain, string? entity)
    {
        if (string.IsNullOrWhiteSpace(plain))
        {
            return [];
        }

        try
        {
            using var doc = JsonDocument.Parse(plain);
            if (doc.RootElement.ValueKind == JsonValueKind.Object)
            {
                return doc.RootElement.EnumerateObject().Where(p => p.Value.ValueKind != JsonValueKind.Null).Select(p => Line(p, entity)).ToList();
            }
        }
        catch (JsonException)
        {
            // Older entries keep free text (the chain covers it as stored): shown as it is.
        }

        return [new AuditLine("说明", plain)];
    }

    private AuditLine Line(JsonProperty p, string? entity)
    {
        var label = KeyLabel(p.Name, entity);
        var title = label == Unnamed ? p.Name : null;
        if (p.Value.ValueKind == JsonValueKind.String && RegionKeys.Contains(p.Name) && p.Value.GetString() is { Length: > 0 } code)
        {
            return new AuditLine(label, code, code, IsRegion: true);
        }

        if (p.Value.ValueKind == JsonValueKind.String && UserKeys.Contains(p.Name) && p.Value.GetString() is { Length: > 0 } login)
        {
            return new AuditLine(label, login, login, IsUser: true);
        }

        if (p.Value.ValueKind == JsonValueKind.Array && UserKeys.Contains(p.Name))
        {
            // Several logins (the accounts a demo seeding created): shown as the identifiers they are.
            return new AuditLine(label, string.Join("、", p.Value.EnumerateArray().Select(i => i.ToString())), Verbatim: true);
        }

        if (p.Value.ValueKind == JsonValueKind.String && string.Equals(p.Name, "fileName", StringComparison.OrdinalIgnoreCase))
        {
            return new AuditLine(label, p.Value.GetString() ?? "", Verbatim: true);
        }

        var (value, valueTitle) = Value(p.Value);
        return new AuditLine(label, value, valueTitle ?? title);
    }

    private (string Text, string? Title) Value(JsonElement v) => v.ValueKind switch
    {
        JsonValueKind.True => ("是", null),
        JsonValueKind.False => ("否", null),
        JsonValueKind.Number => (v.GetRawText(), null),
        JsonValueKind.String => Text(v.GetString() ?? ""),
        JsonValueKind.Array => (string.Join("、", v.EnumerateArray().Select(i => Value(i).Text)), null),
        JsonValueKind.Object => (string.Join("，", v.EnumerateObject().Where(p => p.Value.ValueKind != JsonValueKind.Null)
            .Select(p => $"{KeyLabel(p.Name)} {Value(p.Value).Text}")), null),
        _ => ("", null),
    };

    private (string, string?) Text(string s)
    {
        if (_values.TryGetValue(s, out var name))
        {
            return (name, s);
        }

        if (Guid.TryParse(s, out _))
        {
            return ("（记录标识）", s);
        }

        if (Hex().IsMatch(s))
        {
            return ("（校验值）", s);
        }

        if (DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at) && s.Contains('T', StringComparison.Ordinal))
        {
            return (at.ToOffset(ChinaTime.Offset).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), s);
        }

        return (s, null);
    }

    private static bool IsLatin(string s) => s.Any(char.IsAsciiLetter);

    private static Dictionary<string, string> Merge(IEnumerable<IAuditVocabulary> vocabularies, Func<IAuditVocabulary, IReadOnlyDictionary<string, string>> pick,
        IEnumerable<KeyValuePair<string, string>>? more = null)
    {
        var merged = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in vocabularies.SelectMany(pick).Concat(more ?? []))
        {
            merged.TryAdd(key, value);
        }

        return merged;
    }

    [GeneratedRegex("^[0-9a-fA-F]{32,}$")]
    private static partial Regex Hex();
}
