namespace Minzheng.Modules.SocialAssistance.Contracts;

/// <summary>The programmes of one-off aid another line may count for its own people (DESIGN §4 codes).</summary>
public static class GrantedAidPrograms
{
    /// <summary>临时救助.</summary>
    public const string Temporary = "temporary";

    /// <summary>医疗救助: an approved case, or an aided settlement of the 一站式 hospital path.</summary>
    public const string Medical = "medical";
}

/// <summary>
/// One 人次 of one-off aid: a person covered by an approved case (its applicant, or for 临时救助 to a household a member
/// of it on the decision day) or aided by a hospital settlement. <paramref name="SourceId"/> is the case or the settlement, so a household
/// case covering two of the caller's people gives two rows with one source and its amount must be counted once;
/// <paramref name="HospitalSettlement"/> tells a settlement at discharge from a case.
/// </summary>
public sealed record GrantedAid(Guid PersonId, string Program, Guid SourceId, DateOnly GrantedOn, decimal Amount, bool HospitalSettlement = false);

/// <summary>
/// Social assistance's door for lines that count the aid their own people received through its procedures — 困难优抚对象's
/// 临时救助 and 医疗救助 are decided as ordinary cases but reported separately in the 优抚 statistics.
/// </summary>
public interface IGrantedAid
{
    /// <summary>
    /// 临时救助 and 医疗救助 granted within [<paramref name="from"/>, <paramref name="to"/>] to any of <paramref name="personIds"/>
    /// (a query over the caller's own table, composed into one SQL statement) in the region subtree <paramref name="regionPrefix"/>,
    /// under the caller's region filter. Counted like the 民政事业统计 tables: cases by decision date, settlements by settlement date.
    /// </summary>
    Task<IReadOnlyList<GrantedAid>> ToPersonsAsync(IQueryable<Guid> personIds, string regionPrefix, DateOnly from, DateOnly to, CancellationToken ct);
}
