using System.Globalization;

namespace Minzheng.Modules.SocialOrganizations.Revocations;

/// <summary>
/// Demo 撤销登记 cases through the procedure's own steps, one in every state: decided to revoke (the demo register's one
/// revoked organisation), decided not to revoke, heard and awaiting the decision, notified with the period running (on the
/// board), notified with the period run out (overdue on the board, ready to decide), and just opened.
/// </summary>
internal static class RevocationDemo
{
    public static async Task SeedAsync(RevocationSteps steps, IReadOnlyList<(Guid Id, DateOnly On)> registered, IReadOnlyList<string> roles, DateOnly today,
        CancellationToken ct)
    {
        var year = today.Year.ToString(CultureInfo.InvariantCulture);

        // The register's revoked organisation: told, waived its statement, revoked.
        await RunAsync(9, 90, RevocationGround.Inactive, "自取得登记证书之日起一年未开展任何活动，经实地核查，登记住所已无人办公，法定代表人无法联系。",
            [(RevocationProcedure.Notify, 85, null), (RevocationProcedure.Respond, 80, new(null, "waived", null, null, null)),
             (RevocationProcedure.Revoke, 78, new(null, null, null, $"共民罚决字〔{year}〕第1号", null))]);
        await RunAsync(6, 70, RevocationGround.Fraud, "申请成立登记时提交的会员名册中有二十余名会员系冒用他人身份信息登记。",
            [(RevocationProcedure.Notify, 66, null), (RevocationProcedure.Respond, 60, new(null, "hearing", "申辩称冒用系筹备组个别人员所为，已重新征集会员并召开会员大会追认，现有会员六十八名。", null, null)),
             (RevocationProcedure.Dismiss, 50, new(null, null, null, null, "经听证核实，当事人已补正会员名册，会员数符合规定，违法情节轻微并已改正，决定不予撤销登记，另行责令改正。"))]);
        await RunAsync(12, 40, RevocationGround.SeriousViolation, "以协会名义从事营利性经营活动，向会员企业强制摊派培训和评比费用共计十二万元。",
            [(RevocationProcedure.Notify, 35, null), (RevocationProcedure.Respond, 30, new(null, "statement", "对收费事实无异议，但称费用已全部用于会员培训，请求从轻处理。", null, null))]);
        await RunAsync(15, 10, RevocationGround.SeriousViolation, "擅自设立分支机构并以分支机构名义收取会费。", [(RevocationProcedure.Notify, 1, null)]);
        await RunAsync(24, 30, RevocationGround.Fraud, "申请登记时提交的住所使用证明系伪造。", [(RevocationProcedure.Notify, 25, null)]);
        await RunAsync(27, 3, RevocationGround.Inactive, "连续两年未参加年检，自登记以来未开展业务活动。", []);

        async Task RunAsync(int index, int daysAgo, RevocationGround ground, string facts, (string Action, int DaysAgo, RevocationStepRequest? Request)[] later)
        {
            if (index >= registered.Count)
            {
                return;
            }

            var (id, on) = registered[index];
            var opened = await steps.OpenAsync(id, new OpenRevocationRequest(Day(on, today, daysAgo), Platform.Web.InputValues.Code(ground), facts), roles, ct);
            if (opened.Value is not { } c)
            {
                return;
            }

            foreach (var (action, ago, request) in later)
            {
                var r = request ?? new RevocationStepRequest(null, null, null, null, null);
                if ((await steps.StepAsync(c.Id, action, r with { Date = Day(on, today, ago) }, roles, ct)).Outcome != Platform.Kernel.Outcome.Done)
                {
                    return;
                }
            }
        }
    }

    // Days ago, but never before the organisation was registered (a young organisation's case runs in its few days).
    private static string Day(DateOnly on, DateOnly today, int daysAgo)
    {
        var day = today.AddDays(-daysAgo);
        return (day > on ? day : on.AddDays(1) > today ? today : on.AddDays(1)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }
}
