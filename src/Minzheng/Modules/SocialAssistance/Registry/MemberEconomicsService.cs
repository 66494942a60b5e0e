using Microsoft.EntityFrameworkCore;
using Minzheng.Platform.Data;
using Minzheng.Platform.People;
using Minzheng.Platform.Web;
using static Minzheng.Platform.Web.InputValues;

namespace Minzheng.Modules.SocialAssistance.Registry;

/// <summary>The family's economic situation per member and period (家庭经济状况): incomes and assets, for the eligibility review.</summary>
public sealed class MemberEconomicsService(MinzhengDbContext db)
{
    /// <summary>Records an income of a person in scope for a period. Null when the person is not found in scope.</summary>
    public async Task<(Guid? Id, FieldErrors Errors)?> AddIncomeAsync(Guid personId, IncomeRequest request, CancellationToken ct)
    {
        var person = await db.Persons.AsNoTracking().SingleOrDefaultAsync(p => p.Id == personId, ct);
        if (person is null)
        {
            return null;
        }

        var errors = new FieldErrors();
        var type = Parse<IncomeType>(request.Type, "type",
            "收入类型应为 wages、farming、business、property、pension、resident-pension、transfer、assistance 或 other", errors);
        if (request.MonthlyAmount is not { } amount || amount < 0 || amount > 10_000_000 || decimal.Round(amount, 2) != amount)
        {
            errors.Add("monthlyAmount", "月收入应为不小于0、最多两位小数的金额");
        }

        var from = ParseDate(request.ValidFrom, "validFrom", required: true, errors);
        var to = ParseDate(request.ValidTo, "validTo", required: false, errors);
        if (from is { } f && to is { } t && t < f)
        {
            errors.Add("validTo", "截止日期不能早于起始日期");
        }

        if ((request.Evidence?.Length ?? 0) > MemberIncome.EvidenceMaxLength)
        {
            errors.Add("evidence", $"佐证说明不能超过{MemberIncome.EvidenceMaxLength}个字");
        }

        if (errors.Any)
        {
            return (null, errors);
        }

        var income = new MemberIncome
        {
            PersonId = personId,
            RegionCode = person.RegionCode,
            Type = type,
            MonthlyAmount = request.MonthlyAmount!.Value,
            ValidFrom = from!.Value,
            ValidTo = to,
            CountsUnderPolicy = request.CountsUnderPolicy ?? MemberIncome.CountsByDefault(type),
            Evidence = request.Evidence?.Trim(),
        };
        db.MemberIncomes.Add(income);
        await db.SaveChangesAsync(ct);
        return (income.Id, errors);
    }

    /// <summary>Records an asset of a person in scope. Null when not found.</summary>
    public async Task<(Guid? Id, FieldErrors Errors)?> AddAssetAsync(Guid personId, AssetRequest request, CancellationToken ct)
    {
        var person = await db.Persons.AsNoTracking().SingleOrDefaultAsync(p => p.Id == personId, ct);
        if (person is null)
        {
            return null;
        }

        var errors = new FieldErrors();
        var type = Parse<AssetType>(request.Type, "type", "财产类型应为 housing、vehicle、deposit、securities、business 或 other", errors);
        var description = request.Description?.Trim() ?? "";
        if (description.Length is 0 or > MemberAsset.DescriptionMaxLength)
        {
            errors.Add("description", $"财产说明应为1到{MemberAsset.DescriptionMaxLength}个字（如：商品房 90㎡、小型轿车 赣G·12345）");
        }

        if (request.Value is not null && !IsMoney(request.Value))
        {
            errors.Add("value", "估值应为不小于0、最多两位小数的金额");
        }

        var from = ParseDate(request.ValidFrom, "validFrom", required: true, errors);
        var to = ParseDate(request.ValidTo, "validTo", required: false, errors);
        if (from is { } f && to is { } t && t < f)
        {
            errors.Add("validTo", "截止日期不能早于起始日期");
        }

        if (errors.Any)
        {
            return (null, errors);
        }

        var asset = new MemberAsset
        {
            PersonId = personId,
            RegionCode = person.RegionCode,
            Type = type,
            Description = description,
            Value = request.Value,
            ValidFrom = from!.Value,
            ValidTo = to,
        };
        db.MemberAssets.Add(asset);
        await db.SaveChangesAsync(ct);
        return (asset.Id, errors);
    }
}
