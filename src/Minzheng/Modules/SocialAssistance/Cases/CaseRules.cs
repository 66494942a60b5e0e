namespace Minzheng.Modules.SocialAssistance.Cases;

/// <summary>
/// The statutory time limits of a programme's procedure (POLICY §1–§6). Working days (wd) come from the calendar; the
/// 公示 period is in calendar days (Civil Code arts. 201/203) unless <see cref="PublicityInWorkingDays"/>; 0 = no 公示.
/// Local values are marked [L] in POLICY.md and are defaults here.
/// </summary>
public sealed record CaseRules(int AcceptDays, int TownshipDays, int PublicityDays, bool PublicityInWorkingDays, int DecisionDays, int TotalDays,
    int ExtendedTotalDays, bool DemocraticReviewAvailable, string Citation)
{
    /// <summary>Written refusal reasons within 3 wd of the decision (民发〔2021〕57号, 43号).</summary>
    public const int RefusalNoticeDays = 3;

    public bool HasPublicity => PublicityDays > 0;

    public static CaseRules For(string program) => program switch
    {
        // Dibao: investigation starts ≤3 wd; 公示 7 days; county ≤10 wd; total ≤30 wd, extendable to 45 (民发〔2021〕57号).
        "urban-dibao" or "rural-dibao" => new(3, 15, 7, false, 10, 30, 45, true, "民发〔2021〕57号《最低生活保障审核确认办法》"),
        // 特困: township investigates ≤15 wd, 公示 7 days, county confirms; national total 20 wd, max 30 (民发〔2021〕43号).
        "destitute-concentrated" or "destitute-dispersed" => new(3, 15, 7, false, 10, 20, 30, false, "民发〔2021〕43号《特困人员认定办法》"),
        // 临时救助: local example 1 + 9 + 公示 5 + county 5 wd (国发〔2014〕47号, local rules [L]).
        "temporary" => new(1, 9, 5, true, 5, 20, 30, false, "国发〔2014〕47号；地方临时救助实施办法"),
        // Children: no 公示 (privacy); township 15 wd, county 15 wd (民发〔2019〕62号).
        "orphan" or "unattended-child" => new(3, 15, 0, false, 15, 33, 33, false, "民发〔2019〕62号；国办发〔2010〕54号"),
        // 两项补贴: 公示 5 wd with name, type and amount only (国发〔2015〕52号).
        "disability-living" or "disability-care" => new(3, 10, 5, true, 10, 30, 30, false, "国发〔2015〕52号"),
        _ => new(3, 10, 5, true, 10, 30, 30, false, "地方实施办法"),
    };
}
