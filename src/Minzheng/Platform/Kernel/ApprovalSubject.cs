namespace Minzheng.Platform.Kernel;

/// <summary>
/// Something decided under maker-checker (经办与审批分离): a payroll, a one-off batch, a settlement batch, a recalculation.
/// Every such decision refuses alike — the item must lie in the caller's region, still wait for a decision, and be decided
/// by someone other than its maker — so the wording is written once and each procedure only names its item.
/// </summary>
/// <param name="Name">the item as the not-found message names it (补贴批次, 资助参保名单)</param>
/// <param name="ShortName">the item after 该 (批次, 名单)</param>
/// <param name="Maker">who made it (经办人, 生成名单的经办人)</param>
/// <param name="Approver">who decides it (审批人, 审核人)</param>
/// <param name="Decision">the verb of the decision (审批, 审核)</param>
public sealed record ApprovalSubject(string Name, string ShortName, string Maker, string Approver = "审批人", string Decision = "审批")
{
    /// <summary>Why the item cannot be decided now, or null when it can.</summary>
    /// <param name="exists">false when the item is missing or outside the caller's region (a 404 either way)</param>
    /// <param name="decidedAs">the status name of an item that was already decided; null while it waits</param>
    /// <param name="maker">who made the item</param>
    /// <param name="approver">who decides now; null for a step the maker may take (returning it)</param>
    public (Outcome Outcome, string Message)? Refusal(bool exists, string? decidedAs, string? maker, string? approver) =>
        !exists ? (Outcome.NotFound, $"{Name}不存在或不在您的管辖范围内")
        : decidedAs is not null ? (Outcome.Conflict, $"该{ShortName}{decidedAs}，不能再{Decision}")
        : approver is not null && maker == approver ? (Outcome.Conflict, $"{Approver}不能是{Maker}（经办与{Decision}须由不同人员办理）")
        : null;
}
