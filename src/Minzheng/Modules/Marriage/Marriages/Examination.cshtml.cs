using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Platform.Auditing;
using Minzheng.Platform.Privacy;
using Minzheng.Platform.Regions;

namespace Minzheng.Modules.Marriage.Marriages;

/// <summary>One check of the 审查处理表: what was checked, what the register shows, the result.</summary>
public sealed record ExaminationCheck(string Item, string Finding, string Result);

/// <summary>
/// 结婚登记审查处理表 (A4) of a marriage registration: the parties' identity data, each legal condition checked on the
/// registration day with its result, the registrar, the date and the certificate number. A registration exists only when
/// every check passed (MarriageRegistry refuses otherwise), so the checks are restated from the record; a 补录 entry was
/// examined on paper and says so. Every view is audited.
/// </summary>
[Authorize(Policy = MarriageModule.Register)]
public sealed class ExaminationModel(MarriageQueries queries, RegionService regions, AuditLog audit) : PageModel
{
    public MarriageRecord? Record { get; private set; }
    public string County { get; private set; } = "";
    public IReadOnlyList<ExaminationCheck> Checks { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        Record = await queries.RecordAsync(id, ct);
        if (Record is not { Kind: MarriageRecordKind.Marriage })
        {
            return NotFound();
        }

        await audit.RecordAsync(AuditActions.RecordViewed, entityType: nameof(MarriageRecord), entityId: Record.Id.ToString(), regionCode: Record.RegionCode,
            details: new { document = "examination" }, ct: ct);
        County = await regions.NameOfAsync(Record.RegionCode[..6].PadRight(RegionCode.Length, '0'), ct) ?? "";
        Checks = Record.Historical ? [] : ChecksOf(Record);
        return Page();
    }


    private static List<ExaminationCheck> ChecksOf(MarriageRecord r)
    {
        string Age(string name, Gender g, DateOnly birth) =>
            $"{name}（{g.ChineseName()}）登记之日{MarriageRules.FullYears(birth, r.Date)}周岁，法定婚龄{MarriageRules.LegalAge(g)}周岁";
        return
        [
            new("法定婚龄（民法典第一千零四十七条）", $"{Age(r.PartyAName, r.PartyAGender, r.PartyABirthDate)}；{Age(r.PartyBName, r.PartyBGender, r.PartyBBirthDate)}", "符合"),
            new("双方性别", $"依身份证号，{r.PartyAName}为{r.PartyAGender.ChineseName()}性，{r.PartyBName}为{r.PartyBGender.ChineseName()}性，性别不同", "符合"),
            new("有无配偶（一夫一妻）", "比对全部登记机关的婚姻登记记录（全国通办），登记之日双方均无未解除的婚姻", "符合"),
            new("无配偶声明", "双方已签署本人无配偶的声明", "符合"),
            new("无禁止结婚亲属关系声明", "双方已签署与对方没有直系血亲和三代以内旁系血亲关系的声明", "符合"),
        ];
    }
}
