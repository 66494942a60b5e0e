using System.Globalization;
using Minzheng.Platform.Statistics;

namespace Minzheng.Modules.Marriage.Marriages;

/// <summary>
/// The register's part of the drafted work summary, in the words of bureau reports ("婚姻登记736对，其中结婚登记359对…");
/// figures only, never a name. Left out when the region registered nothing in the period.
/// </summary>
public sealed class MarriageWorkSummary(MarriageQueries queries) : IWorkSummaryContributor
{
    public async Task<IReadOnlyList<WorkSummarySection>> SectionsAsync(ReportQuery q, CancellationToken ct)
    {
        var f = await queries.CountsAsync(q.Prefix, q.From, q.To, ct);
        if (f.Total == 0)
        {
            return [];
        }

        var text = string.Create(CultureInfo.InvariantCulture,
            $"婚姻登记{f.Total}对，其中结婚登记{f.Marriages}对，离婚登记{f.Divorces}对，补发结婚证{f.ReissuedMarriageCertificates}对，补发离婚证{f.ReissuedDivorceCertificates}对，撤销婚姻{f.Revocations}对。");
        if (f.Marriages > 0)
        {
            text += $"结婚登记当事人{f.Parties.Persons}人，其中初婚{f.Parties.FirstMarriages}人，再婚{f.Parties.Remarriages}人。";
        }

        return [new WorkSummarySection("婚姻登记", [new DraftSentence(text, WorkSummaryDrafter.Source("marriage/statistics", q, dates: true))])];
    }
}
