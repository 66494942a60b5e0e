using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;

namespace Minzheng.Platform.Statistics;

/// <summary>
/// One figure of a business line as bureau reports print it: "结婚登记 359 对", "减免基本殡葬服务费用 25万元". Money is in
/// 元 (<see cref="Yuan"/>), shown as reports write it; counts are whole numbers with their measure word.
/// </summary>
public sealed record LineFigure(string Code, string Label, decimal Value, string Unit)
{
    public const string Yuan = "元";

    /// <summary>The unit of a rate: the value is a percentage with 2 decimals ("98.50%"), as bureau reports print 火化率.</summary>
    public const string Percent = "%";

    public static LineFigure Count(string code, string label, int value, string unit) => new(code, label, value, unit);

    public static LineFigure Money(string code, string label, decimal yuan) => new(code, label, decimal.Round(yuan, 2), Yuan);

    public static LineFigure Rate(string code, string label, decimal percent) =>
        new(code, label, decimal.Round(percent, 2, MidpointRounding.AwayFromZero), Percent);

    /// <summary>The figure as a report writes it: "359对", "25万元".</summary>
    public string Text => Unit switch
    {
        Yuan => ReportFormat.Wan(Value),
        Percent => Value.ToString("0.00", CultureInfo.InvariantCulture) + Percent,
        _ => Value.ToString("0", CultureInfo.InvariantCulture) + Unit,
    };
}

/// <summary>A business line's figures for a region and period, with the page where its full statistics are.</summary>
public sealed record LineFigures(string Line, string Title, string Page, IReadOnlyList<LineFigure> Figures);

/// <summary>
/// A module's headline figures for the 民政事业统计 tables and the dashboard — the counts of DESIGN §1 that a bureau's
/// half-year report carries for the line. Registered as <c>services.AddScoped&lt;ILineStatistics, …&gt;()</c>; shown only to
/// users holding <see cref="Permission"/>, in the order of the module list.
/// </summary>
public interface ILineStatistics
{
    /// <summary>The authorization policy that reads the line's statistics (e.g. the leader and the line's own staff).</summary>
    string Permission { get; }

    /// <summary>The figures of the region prefix <see cref="ReportQuery.Prefix"/> within [From, To]; stocks are as of To.</summary>
    Task<LineFigures> FiguresAsync(ReportQuery q, CancellationToken ct);
}

/// <summary>Every line's figures the user may read, for one region and period.</summary>
public sealed class LineStatistics(IEnumerable<ILineStatistics> lines, IAuthorizationService authorization)
{
    public async Task<IReadOnlyList<LineFigures>> ForAsync(ClaimsPrincipal user, ReportQuery q, CancellationToken ct)
    {
        var result = new List<LineFigures>();
        foreach (var line in lines)
        {
            if ((await authorization.AuthorizeAsync(user, line.Permission)).Succeeded)
            {
                result.Add(await line.FiguresAsync(q, ct));
            }
        }

        return result;
    }

    /// <summary>The lines as spreadsheet rows (业务 / 指标 / 数值 / 单位), for the statistics table export.</summary>
    public static IEnumerable<IReadOnlyDictionary<string, object?>> Rows(string regionName, string period, IEnumerable<LineFigures> lines) =>
        lines.SelectMany(l => l.Figures.Select(f => (IReadOnlyDictionary<string, object?>)new Dictionary<string, object?>
        {
            ["区划"] = Web.SpreadsheetText.Safe(regionName),
            ["统计期"] = period,
            ["业务"] = l.Title,
            ["指标"] = f.Label,
            ["数值"] = f.Value,
            ["单位"] = f.Unit,
        }));
}
