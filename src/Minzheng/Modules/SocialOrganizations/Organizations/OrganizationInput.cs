using System.Globalization;
using Minzheng.Platform.Kernel;
using Minzheng.Platform.People;
using Minzheng.Platform.Privacy;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.SocialOrganizations.Organizations;

public sealed record LegalRepresentativeRequest(string? Name, string? IdNumber);

/// <summary>
/// 成立登记. <c>creditCodeNote</c> says why a USCC of another region (or a pilot code failing its GB 11714 check) is accepted.
/// The member counts and council size are optional here (a 补录 of an old organisation may not know them); when given, a
/// 社会团体's are checked against the legal minimum.
/// </summary>
public sealed record RegisterOrganizationRequest(string? Name, string? Kind, string? CreditCode, string? CreditCodeNote, string? SupervisingUnit,
    string? Residence, decimal? RegisteredCapital, LegalRepresentativeRequest? LegalRepresentative, string? EstablishedOn,
    int? IndividualMembers = null, int? UnitMembers = null, int? CouncilSize = null);

/// <summary>变更登记: only the fields given change; each change is kept with its old value.</summary>
public sealed record ChangeOrganizationRequest(string? Date, string? Name, string? SupervisingUnit, string? Residence, decimal? RegisteredCapital,
    LegalRepresentativeRequest? LegalRepresentative, string? Reason);

/// <summary>注销登记 or 撤销登记; a revocation names its penalty decision.</summary>
public sealed record EndOrganizationRequest(string? Date, string? Reason, string? DecisionNumber);

public sealed record RegisteredOrganization(Guid Id, string CertificateNumber);

/// <summary>How a step ended: the value when done, else field errors (400) or the outcome's reason (404/409/422).</summary>
public sealed record OrgResult<T>(Outcome Outcome, T? Value, FieldErrors Errors, string? Message)
{
    public static OrgResult<T> Done(T value) => new(Outcome.Done, value, new FieldErrors(), null);

    public static OrgResult<T> Invalid(FieldErrors errors) => new(Outcome.Invalid, default, errors, string.Join("；", errors.Messages));

    public static OrgResult<T> Refused(Outcome outcome, string message) => new(outcome, default, new FieldErrors(), message);

    /// <summary>
    /// Saves and answers <paramref name="value"/>; a concurrency token or unique index that lost a race (two clerks at
    /// once) is the conflict <paramref name="conflict"/>, with nothing written.
    /// </summary>
    public static async Task<OrgResult<T>> SaveAsync(Platform.Data.MinzhengDbContext db, T value, string conflict, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return Done(value);
        }
        catch (Microsoft.EntityFrameworkCore.DbUpdateException e) when (e is Microsoft.EntityFrameworkCore.DbUpdateConcurrencyException || Platform.Data.DbErrors.IsUniqueViolation(e))
        {
            db.ChangeTracker.Clear();
            return Refused(Outcome.Conflict, conflict);
        }
    }

    /// <summary>
    /// The procedure step an action names, when the record's state and the caller's roles allow it (<paramref name="step"/>);
    /// otherwise the refusal: an unknown action is a field error on "action" (400), a step out of turn or not for the role its outcome.
    /// </summary>
    public static OrgResult<T>? RefusedStep<TState>(Platform.Workflow.Procedure<TState> procedure, string action, TState state, IReadOnlyList<string> roles,
        out Platform.Workflow.ProcedureStep<TState> step)
        where TState : struct, Enum
    {
        try
        {
            step = procedure.Ensure(action, state, roles);
            return null;
        }
        catch (DomainRuleException e) when (e.Outcome == Outcome.Invalid)
        {
            step = null!;
            var unknown = new FieldErrors();
            unknown.Add("action", e.Message);
            return Invalid(unknown);
        }
        catch (DomainRuleException e)
        {
            step = null!;
            return Refused(e.Outcome, e.Message);
        }
    }
}

/// <summary>Reading the fields of the registration procedures; every message names its field in Chinese.</summary>
internal static class OrganizationInput
{
    /// <summary>The largest amount anyone types as 注册资金 (一万亿元): beyond it the figure is a typing accident.</summary>
    public const decimal MaxCapital = 1_000_000_000_000m;

    // A county bureau registers local organisations, whose names may not use these (社会团体登记管理条例 art. 10; 名称管理规定).
    private static readonly string[] NationalWords = ["中国", "全国", "中华"];

    public static string? Name(string? value, string field, FieldErrors errors)
    {
        var name = TextRules.Field(value, field, "组织名称", SocialOrganization.NameMaxLength, errors, required: true);
        if (name is not null && NationalWords.FirstOrDefault(w => name.Contains(w, StringComparison.Ordinal)) is { } word)
        {
            errors.Add(field, $"地方性社会组织的名称不得冠以“{word}”字样");
            return null;
        }

        return name;
    }

    public static SocialOrganizationKind? Kind(string? value, FieldErrors errors)
    {
        var kind = InputValues.ParseOptional<SocialOrganizationKind>(value, "kind", "组织类型（kind）应为 association（社会团体）、private-non-enterprise（民办非企业单位）或 foundation（基金会）", errors);
        if (kind is null && string.IsNullOrWhiteSpace(value))
        {
            errors.Add("kind", "请选择组织类型（kind）");
        }

        return kind;
    }

    /// <summary>A valid USCC of a 民政-registered organisation of this kind, of the registering county unless a note says why not.</summary>
    public static CreditCode? Code(string? value, SocialOrganizationKind? kind, string? note, string county, FieldErrors errors)
    {
        var hasNote = note is not null;
        if (!CreditCode.TryParse(value, allowOrganizationCodeMismatch: hasNote, out var code, out var error))
        {
            errors.Add("creditCode", $"统一社会信用代码无效：{error}"
                + (CreditCode.FailsOnlyOrganizationCheck(value) ? "（早期试点代码确已核发的，请在 creditCodeNote 中说明）" : ""));
            return null;
        }

        if (code.RegistrationAuthority != "5")
        {
            errors.Add("creditCode", $"统一社会信用代码第1位为“{code.RegistrationAuthority}”，不是民政部门登记的代码（应为5）");
            return null;
        }

        if (kind is { } k && code.OrgType[0] != SocialOrganization.TypeCode(k))
        {
            errors.Add("creditCode", $"统一社会信用代码第2位为“{code.OrgType}”，与组织类型“{SocialOrganization.KindName(k)}”（应为{SocialOrganization.TypeCode(k)}）不符");
            return null;
        }

        if (code.RegionCode != county && !hasNote)
        {
            errors.Add("creditCodeNote", $"统一社会信用代码第3至8位为{code.RegionCode}，与登记管理机关所在地{county}不一致，请说明原因（creditCodeNote）");
            return null;
        }

        return code;
    }

    /// <summary>注册资金 in yuan: positive, at most two decimals, not absurd.</summary>
    public static decimal? Capital(decimal? value, FieldErrors errors)
    {
        if (value is not { } v)
        {
            errors.Add("registeredCapital", "请填写注册资金（元）");
            return null;
        }

        if (v <= 0 || v > MaxCapital || decimal.Round(v, 2) != v)
        {
            errors.Add("registeredCapital", "注册资金应为大于0、不超过1万亿元、最多两位小数的金额（元）");
            return null;
        }

        return v;
    }

    /// <summary>The minimum funds of the regulations (POLICY §14, [verify] amounts): null when met, else the reason.</summary>
    public static string? BelowMinimum(SocialOrganizationKind kind, decimal capital) => kind switch
    {
        // 社会团体登记管理条例 art. 10(5): 地方性的社会团体和跨行政区域的社会团体有3万元以上活动资金.
        SocialOrganizationKind.Association when capital < 30_000m => "地方性社会团体的活动资金不得少于3万元（社会团体登记管理条例第十条）",
        // 基金会管理条例 art. 8(2): 非公募基金会、地方性公募基金会 原始基金不低于200万元 (地方性公募 400万).
        SocialOrganizationKind.Foundation when capital < 2_000_000m => "基金会的原始基金不得低于200万元（基金会管理条例第八条）",
        _ => null,
    };

    /// <summary>The largest member count or council size anyone types: beyond it the figure is a typing accident.</summary>
    public const int MaxMembers = 10_000_000;

    /// <summary>A member count or council size: absent, or 0 to <see cref="MaxMembers"/>.</summary>
    public static int? Count(int? value, string field, string label, FieldErrors errors)
    {
        if (value is { } v && (v < 0 || v > MaxMembers))
        {
            errors.Add(field, $"{label}应为0至{MaxMembers}之间的整数");
            return null;
        }

        return value;
    }

    /// <summary>
    /// 社会团体登记管理条例 art. 10(1) (POLICY §14): ≥ 50 individual or ≥ 30 unit members, ≥ 50 in total when both kinds
    /// are members. Null when met or when the kind has no member rule; else the reason.
    /// </summary>
    public static string? BelowMemberMinimum(SocialOrganizationKind kind, int individual, int unit) => kind switch
    {
        SocialOrganizationKind.Association when individual > 0 && unit > 0 && individual + unit < 50 =>
            $"个人会员、单位会员混合组成的社会团体，会员总数不得少于50个（现为{individual + unit}个，社会团体登记管理条例第十条）",
        SocialOrganizationKind.Association when unit > 0 && individual == 0 && unit < 30 =>
            $"社会团体的单位会员不得少于30个（现为{unit}个，社会团体登记管理条例第十条）",
        SocialOrganizationKind.Association when unit == 0 && individual < 50 =>
            $"社会团体的个人会员不得少于50个（现为{individual}个，社会团体登记管理条例第十条）",
        _ => null,
    };

    public static (string Name, IdNumber Id)? Representative(LegalRepresentativeRequest? value, DateOnly today, FieldErrors errors)
    {
        var name = TextRules.Field(value?.Name, "legalRepresentative.name", "法定代表人姓名", SocialOrganization.PersonNameMaxLength, errors, required: true);
        if (!IdNumber.TryParse(value?.IdNumber, today, out var id, out var error))
        {
            errors.Add("legalRepresentative.idNumber", $"法定代表人身份证号无效：{error}");
            return null;
        }

        return name is null ? null : (name, id);
    }

    /// <summary>A date of a procedure: required, within the sane range, never after today (records are entered later, not earlier).</summary>
    public static DateOnly? Date(string? value, string field, string label, DateOnly today, FieldErrors errors) =>
        InputValues.PastDate(value, field, label, today, required: true, errors);

    public static string Money(decimal amount) => amount.ToString("#,0.00", CultureInfo.InvariantCulture) + "元";
}
