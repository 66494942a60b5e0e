using System.Text.Json;
using System.Text.Json.Nodes;
using Minzheng.Platform.Privacy;

namespace Minzheng.Platform.Auditing;

/// <summary>
/// Business values in audit entries (三员分立, PIPL art. 28): the audit administrator sees what was done to which record
/// by whom, never the values. An entry's <see cref="AuditEntry.Details"/> then holds an envelope
/// <c>{…plain particulars, "fields":[names], "sealedValues":"v1:…"}</c>: the field names in plain, the values sealed
/// with <see cref="PersonalDataProtector"/> under <see cref="DataPurpose.AuditValues"/>. The hash chain covers the
/// envelope exactly as stored, so verification needs no key.
/// </summary>
public static class AuditValues
{
    public const string FieldsKey = "fields";
    public const string SealedKey = "sealedValues";

    // Reference data every role may read (region names, holiday calendars): not business data, so its values stay plain.
    private static readonly HashSet<string> ReferenceTypes =
        [nameof(Minzheng.Platform.Regions.Region), nameof(Calendar.CalendarYear), nameof(Calendar.CalendarDay)];

    // Explicit events written before values were sealed whose particulars name persons; shown by field name only.
    private static readonly HashSet<string> PersonalEvents = [AuditActions.RelativeRegistered];

    public static bool IsReferenceData(string? entityType) => entityType is not null && ReferenceTypes.Contains(entityType);

    /// <summary>The envelope: <paramref name="plain"/>'s members as they are, <paramref name="values"/> sealed, its member names listed.</summary>
    public static string Seal(PersonalDataProtector protector, object? plain, object values)
    {
        var envelope = plain is null ? [] : JsonSerializer.SerializeToNode(plain, AuditJson.Options) as JsonObject ?? [];
        var sealedNode = JsonSerializer.SerializeToNode(values, AuditJson.Options);
        var fields = sealedNode is JsonObject o ? o.Select(p => (JsonNode?)p.Key).ToArray() : [];
        envelope[FieldsKey] = new JsonArray(fields);
        envelope[SealedKey] = protector.Encrypt(sealedNode?.ToJsonString(AuditJson.Options) ?? "null", DataPurpose.AuditValues);
        return envelope.ToJsonString(AuditJson.Options);
    }

    /// <summary>The sealed ciphertext of an envelope, or null when the details carry none.</summary>
    public static string? SealedOf(string? details) =>
        Parse(details) is { } o && o.TryGetPropertyValue(SealedKey, out var s) && s is JsonValue v && v.TryGetValue<string>(out var text) ? text : null;

    /// <summary>
    /// What the audit administrator may read of an entry's details: field names and plain particulars, never business
    /// values — also for entries written before values were sealed, whose stored text stays as it is (the chain covers it).
    /// </summary>
    public static AuditSummary Summarize(string action, string? entityType, string? details)
    {
        if (details is null)
        {
            return new AuditSummary(null, [], false);
        }

        var root = Parse(details);
        if (root is not null && root.ContainsKey(SealedKey))
        {
            var fields = root[FieldsKey] is JsonArray a ? a.Select(n => n?.ToString() ?? "").ToList() : [];
            root.Remove(SealedKey);
            root.Remove(FieldsKey);
            var plain = root.Count > 0 ? root.ToJsonString(AuditJson.Options) : null;
            return new AuditSummary(Describe(action, fields, plain), fields, true) { Plain = plain };
        }

        var legacyBusinessRow = action.StartsWith("data.", StringComparison.Ordinal) && !IsReferenceData(entityType);
        if (legacyBusinessRow || PersonalEvents.Contains(action))
        {
            var fields = root?.Select(p => p.Key).ToList() ?? [];
            return new AuditSummary(Describe(action, fields, null), fields, false);
        }

        return new AuditSummary(details, [], false) { Plain = details };
    }

    private static string Describe(string action, List<string> fields, string? plain)
    {
        var names = string.Join("、", fields.Select(AuditFieldNames.Label));
        var text = action switch
        {
            "data.insert" => $"新增记录，字段：{names}",
            "data.update" => $"修改了字段：{names}",
            "data.delete" => "删除记录",
            _ => fields.Count > 0 ? $"涉及字段：{names}" : "",
        };
        return plain is null ? text : text.Length == 0 ? plain : $"{plain}；{text}";
    }

    private static JsonObject? Parse(string? details)
    {
        if (string.IsNullOrEmpty(details) || details[0] != '{')
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(details) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

/// <param name="Text">The details as the auditor sees them.</param>
/// <param name="Fields">Names of the fields whose values are sealed (or, for older entries, withheld).</param>
/// <param name="Sealed">Whether the entry holds sealed values an authorised user can reveal.</param>
public sealed record AuditSummary(string? Text, IReadOnlyList<string> Fields, bool Sealed)
{
    /// <summary>The plain particulars alone (JSON, or the stored text when it is not JSON), for a page to lay out.</summary>
    public string? Plain { get; init; }
}
