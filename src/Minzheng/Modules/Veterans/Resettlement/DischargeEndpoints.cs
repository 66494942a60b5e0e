using Microsoft.AspNetCore.Http.HttpResults;
using Minzheng.Modules.Veterans.Entitlements;
using Minzheng.Platform.Calendar;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.Veterans.Resettlement;

/// <summary><c>POST /api/v1/veterans/discharge-payment</c>: the service record, merits, the standards of the year and the placement facts.</summary>
public sealed record DischargeRequest(string? EnlistedOn, string? DischargedOn, int? FirstClassMerits = null, int? SecondClassMerits = null,
    int? ThirdClassMerits = null, decimal? AnnualBase = null, decimal? ProvincialGrant = null, bool? Nco = null, bool? MeritsInWar = null,
    int? CombatDisabilityGrade = null, bool? MartyrChild = null);

public sealed record DischargeAnswer(DischargePayment Payment, IReadOnlyList<string> AssignedJobGrounds);

/// <summary>退役金测算 and 安排工作 eligibility: a pure calculation, nothing stored.</summary>
public static class DischargeEndpoints
{
    /// <summary>The central standard per year served, when the county keeps it in configuration (the request may name it instead).</summary>
    public const string AnnualBaseSetting = "Veterans:DischargePayment:AnnualBase";

    public static RouteGroupBuilder MapDischarge(this RouteGroupBuilder veterans)
    {
        veterans.MapPost("/discharge-payment", Calculate).WithName("Veterans_DischargePayment")
            .WithSummary("自主就业退役金测算：入伍、退役日期，一/二/三等功次数，每服役一年的退役金标准（annualBase）和地方经济补助；另答复是否符合安排工作条件");
        return veterans;
    }

    public static Results<Ok<DischargeAnswer>, ProblemHttpResult> Calculate(DischargeRequest request, IConfiguration configuration, TimeProvider clock)
    {
        var (answer, errors) = Answer(request, configuration, clock.Today());
        return answer is not null ? TypedResults.Ok(answer) : VeteranEndpoints.Unprocessable(errors);
    }

    public static (DischargeAnswer? Answer, FieldErrors Errors) Answer(DischargeRequest r, IConfiguration configuration, DateOnly today)
    {
        var errors = new FieldErrors();
        var enlisted = EntitlementInput.Date(r.EnlistedOn, "enlistedOn", "入伍日期", today.AddYears(1), errors);
        var discharged = EntitlementInput.Date(r.DischargedOn, "dischargedOn", "退出现役日期", today.AddYears(1), errors);
        if (enlisted is null && !errors.Any)
        {
            errors.Add("enlistedOn", "请填写入伍日期（enlistedOn）");
        }

        if (discharged is null && !errors.Any)
        {
            errors.Add("dischargedOn", "请填写退出现役日期（dischargedOn）");
        }

        if (enlisted is { } e && discharged is { } d && d < e)
        {
            errors.Add("dischargedOn", "退出现役日期（dischargedOn）不能早于入伍日期（enlistedOn）");
        }

        var configured = decimal.TryParse(configuration[AnnualBaseSetting], System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture,
            out var c) ? c : (decimal?)null;
        var annual = r.AnnualBase ?? configured;
        if (annual is null || !InputValues.IsMoney(annual))
        {
            errors.Add("annualBase", "请填写每服役一年的一次性退役金标准（annualBase，元/年，最多两位小数）");
        }

        if (!InputValues.IsMoney(r.ProvincialGrant ?? 0))
        {
            errors.Add("provincialGrant", "地方经济补助（provincialGrant）应为不小于0、最多两位小数的金额");
        }

        foreach (var (value, field, label) in new[] { (r.FirstClassMerits, "firstClassMerits", "一等功"), (r.SecondClassMerits, "secondClassMerits", "二等功"), (r.ThirdClassMerits, "thirdClassMerits", "三等功") })
        {
            if (value is < 0 or > 20)
            {
                errors.Add(field, $"{label}次数（{field}）应为0至20");
            }
        }

        if (r.CombatDisabilityGrade is < 1 or > 10)
        {
            errors.Add("combatDisabilityGrade", "因战致残等级（combatDisabilityGrade）应为1至10级或空");
        }

        if (errors.Any)
        {
            return (null, errors);
        }

        var (first, second, third) = (r.FirstClassMerits ?? 0, r.SecondClassMerits ?? 0, r.ThirdClassMerits ?? 0);
        var payment = DischargePaymentCalculator.Calculate(new DischargeInput(enlisted!.Value, discharged!.Value, first, second, third, annual!.Value, r.ProvincialGrant ?? 0));
        var inWar = r.MeritsInWar == true;
        var grounds = PlacementRules.Grounds(new PlacementFacts(r.Nco == true, payment.ServiceMonths / 12m, inWar ? 0 : first + second, inWar ? first + second + third : 0,
            r.CombatDisabilityGrade, r.MartyrChild == true));
        return (new DischargeAnswer(payment, grounds), errors);
    }
}
