using Microsoft.EntityFrameworkCore;
using Minzheng.Platform.Data;
using Minzheng.Platform.Regions;
using Minzheng.Platform.Security;

namespace Minzheng.Modules.SocialAssistance.Cases;

public sealed record ReserveFundRow(string RegionCode, string Name, decimal Allocated, decimal Spent, decimal Balance);

public sealed record AllocationRequest(string? RegionCode, decimal? Amount, string? Note);

/// <summary>The township reserve funds (备用金) for 先行救助: allocations, emergency payments, balances.</summary>
public sealed class ReserveFundService(MinzhengDbContext db, RegionService regions, IRegionScope scope)
{
    /// <summary>The township code (12 digits) a region belongs to.</summary>
    public static string TownshipOf(string regionCode) => regionCode[..9].PadRight(RegionCode.Length, '0');

    /// <summary>Records an emergency payment, or returns why it is refused (not enough left in the fund).</summary>
    public async Task<string?> SpendAsync(string regionCode, DateOnly day, decimal amount, Guid caseId, CancellationToken ct)
    {
        var township = TownshipOf(regionCode);
        var balance = await db.ReserveFund.Where(e => e.RegionCode == township).SumAsync(e => e.Amount, ct);
        if (balance < amount)
        {
            return $"乡镇备用金余额 {balance:0.00} 元，不足以支付先行救助 {amount:0.00} 元";
        }

        db.ReserveFund.Add(new ReserveFundEntry { RegionCode = township, Date = day, Amount = -amount, CaseId = caseId, Note = "先行救助" });
        return null;
    }

    public async Task<string?> AllocateAsync(AllocationRequest request, DateOnly day, CancellationToken ct)
    {
        if (request.RegionCode is not { Length: 12 } code || !code.EndsWith("000", StringComparison.Ordinal) || code[6..9] == "000"
            || !code.StartsWith(scope.Prefix, StringComparison.Ordinal) || !await db.Regions.AnyAsync(r => r.Code == code, ct))
        {
            return "regionCode 应为您管辖范围内乡镇（街道）的12位区划代码";
        }

        if (!Minzheng.Platform.Web.InputValues.IsMoney(request.Amount) || request.Amount == 0)
        {
            return "拨付金额应为大于0、最多两位小数的金额";
        }

        db.ReserveFund.Add(new ReserveFundEntry { RegionCode = code, Date = day, Amount = request.Amount!.Value, Note = request.Note?.Trim() is { Length: > 0 } n ? n[..Math.Min(n.Length, 200)] : "县级拨付备用金" });
        await db.SaveChangesAsync(ct);
        return null;
    }

    public async Task<List<ReserveFundRow>> LedgerAsync(CancellationToken ct)
    {
        var sums = await db.ReserveFund.GroupBy(e => e.RegionCode)
            .Select(g => new { g.Key, Allocated = g.Where(e => e.Amount > 0).Sum(e => e.Amount), Spent = -g.Where(e => e.Amount < 0).Sum(e => e.Amount) })
            .ToListAsync(ct);
        var names = await regions.NamesOfAsync(sums.Select(s => s.Key), ct);
        return sums.OrderBy(s => s.Key).Select(s => new ReserveFundRow(s.Key, names.GetValueOrDefault(s.Key, s.Key), s.Allocated, s.Spent, s.Allocated - s.Spent)).ToList();
    }
}
