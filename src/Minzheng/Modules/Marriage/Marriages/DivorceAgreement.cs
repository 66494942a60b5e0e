using System.Globalization;
using System.Text.Json;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.Marriage.Marriages;

/// <summary>One child in the request: the custodian and the support payer are named as one of the two parties.</summary>
public sealed record DivorceChildRequest(string? Name, string? Custodian, decimal? MonthlySupport, string? SupportPayer, string? Visitation);

/// <summary>离婚协议 as entered at 受理 (婚姻登记条例: the written agreement both sign): children, property, debts.</summary>
public sealed record DivorceAgreementRequest(List<DivorceChildRequest>? Children, List<string>? PropertyDivision, string? Debts);

/// <summary>A child's arrangement as stored and shown: 抚养方, 抚养费 (yuan a month, 0 when none), who pays, 探望.</summary>
public sealed record DivorceChild(string Name, string Custodian, decimal MonthlySupport, string? SupportPayer, string? Visitation);

/// <summary>The agreement as stored with the application (JSON) and answered by the API.</summary>
public sealed record DivorceAgreement(IReadOnlyList<DivorceChild> Children, IReadOnlyList<string> PropertyDivision, string? Debts)
{
    public const int MaxChildren = 10;
    public const int MaxPropertyItems = 20;
    public const int ItemMaxLength = 500;
    public const int DebtsMaxLength = 2000;
    public const int VisitationMaxLength = 500;
    public const decimal MaxMonthlySupport = 100_000m;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public bool IsEmpty => Children.Count == 0 && PropertyDivision.Count == 0 && Debts is null;

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static DivorceAgreement? FromJson(string? json) => json is null ? null : JsonSerializer.Deserialize<DivorceAgreement>(json, Json);

    /// <summary>
    /// The agreement checked field by field (every message names its field); null when none was given or it is empty.
    /// The custodian and the payer must be one of <paramref name="partyNames"/>; money is yuan with at most 2 decimals.
    /// </summary>
    public static DivorceAgreement? Read(DivorceAgreementRequest? request, IReadOnlyList<string> partyNames, FieldErrors errors)
    {
        if (request is null)
        {
            return null;
        }

        var children = new List<DivorceChild>();
        var requested = request.Children ?? [];
        if (requested.Count > MaxChildren)
        {
            errors.Add("agreement.children", $"离婚协议中的子女（agreement.children）最多{MaxChildren}人，现为{requested.Count}人");
            requested = [];
        }

        for (var i = 0; i < requested.Count; i++)
        {
            var field = $"agreement.children[{i}]";
            var label = $"第{i + 1}个子女的";
            var c = requested[i];
            if (c is null)
            {
                errors.Add(field, $"{label}抚养安排（{field}）不能为空");
                continue;
            }

            var name = TextRules.Field(c.Name, $"{field}.name", $"{label}姓名（{field}.name）", MarriageRecord.NameMaxLength, errors, required: true);
            var custodian = Party(c.Custodian, $"{field}.custodian", $"{label}抚养方（{field}.custodian）", partyNames, errors, required: true);
            var support = c.MonthlySupport ?? 0m;
            if (support < 0 || support > MaxMonthlySupport || decimal.Round(support, 2) != support)
            {
                errors.Add($"{field}.monthlySupport", string.Create(CultureInfo.InvariantCulture,
                    $"{label}每月抚养费（{field}.monthlySupport）应为0至{MaxMonthlySupport:0}元之间、最多两位小数的金额"));
            }

            var payer = Party(c.SupportPayer, $"{field}.supportPayer", $"{label}抚养费支付方（{field}.supportPayer）", partyNames, errors, required: support > 0);
            var visitation = TextRules.Field(c.Visitation, $"{field}.visitation", $"{label}探望安排（{field}.visitation）", VisitationMaxLength, errors, multiLine: true);
            if (name is not null && custodian is not null)
            {
                children.Add(new DivorceChild(name, custodian, support, payer, visitation));
            }
        }

        var items = new List<string>();
        var property = request.PropertyDivision ?? [];
        if (property.Count > MaxPropertyItems)
        {
            errors.Add("agreement.propertyDivision", $"财产分割（agreement.propertyDivision）最多{MaxPropertyItems}项，现为{property.Count}项");
            property = [];
        }

        for (var i = 0; i < property.Count; i++)
        {
            if (TextRules.Field(property[i], $"agreement.propertyDivision[{i}]", $"财产分割第{i + 1}项（agreement.propertyDivision[{i}]）", ItemMaxLength, errors,
                    multiLine: true) is { } item)
            {
                items.Add(item);
            }
        }

        var debts = TextRules.Field(request.Debts, "agreement.debts", "债务处理（agreement.debts）", DebtsMaxLength, errors, multiLine: true);
        var agreement = new DivorceAgreement(children, items, debts);
        return agreement.IsEmpty ? null : agreement;
    }

    private static string? Party(string? value, string field, string label, IReadOnlyList<string> partyNames, FieldErrors errors, bool required)
    {
        var name = TextRules.Field(value, field, label, MarriageRecord.NameMaxLength, errors, required);
        if (name is not null && !partyNames.Contains(name))
        {
            errors.Add(field, $"{label}应为双方当事人之一（{string.Join("或", partyNames)}）");
            return null;
        }

        return name;
    }
}
