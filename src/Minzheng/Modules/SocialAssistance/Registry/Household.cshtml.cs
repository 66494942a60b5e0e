using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Platform.Attachments;
using Minzheng.Platform.Kernel;
using Minzheng.Platform.People;
using Minzheng.Platform.Privacy;
using Minzheng.Platform.Regions;
using Minzheng.Platform.Security;

namespace Minzheng.Modules.SocialAssistance.Registry;

[Authorize(Policy = Policies.BusinessRead)]
public sealed class HouseholdModel(RegistryService registry, HouseholdSearch households, RegistryEditService edits, RegionService regions, IAuthorizationService authorization,
    Benefits.BenefitService benefits, Enrollments.EnrollmentService enrollmentService, MemberEconomicsService economics, TimeProvider clock,
    Verification.FindingService findings, Monitoring.MonitoringService monitoring, Monitoring.MonitoringQueries monitored, AttachmentService attachments) : PageModel
{
    /// <summary>Documents kept with the household (the forms post to the platform's /Attachments page).</summary>
    public AttachmentPanel? Attachments { get; private set; }

    /// <summary>核查与监测 of this household: findings, monitoring entries, early warnings.</summary>
    public Monitoring.HouseholdChecks Checks { get; private set; } = Monitoring.HouseholdChecks.None;

    public string? MonitorError { get; private set; }

    public HouseholdDto? Household { get; private set; }
    public string RegionPath { get; private set; } = "";
    public RevealedIdNumber? Revealed { get; private set; }
    public string? RevealError { get; private set; }
    public bool CanReveal { get; private set; }
    public bool CanEdit { get; private set; }
    public bool CanApply { get; private set; }
    public string? MoveError { get; private set; }

    public Benefits.BenefitResult? Benefit { get; private set; }
    public string? BenefitError { get; private set; }
    public string BenefitProgram { get; private set; } = "";
    public string BenefitMonth { get; private set; } = "";

    /// <summary>The household; with <paramref name="program"/> also the explained monthly benefit for <paramref name="month"/>.</summary>
    public async Task<IActionResult> OnGetAsync(Guid id, string? program, string? month, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        BenefitProgram = program ?? (Household!.HukouType == "urban" ? "urban-dibao" : "rural-dibao");
        BenefitMonth = month ?? Minzheng.Platform.Calendar.ChinaTime.Today(clock).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        if (program is not null)
        {
            var (_, result, errors, message) = await benefits.CalculateAsync(id, program, BenefitMonth, ct);
            (Benefit, BenefitError) = (result, message ?? (errors.Any ? string.Join("；", errors.Messages) : null));
        }

        return Page();
    }

    public async Task<IActionResult> OnPostRevealAsync(Guid id, Guid personId, string? reason, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct) || Household!.Members.All(m => m.PersonId != personId))
        {
            return NotFound();
        }

        if (!CanReveal)
        {
            return Forbid();
        }

        if (DisclosureReason.Normalize(reason) is not { } why)
        {
            RevealError = DisclosureReason.Required("查看完整身份证号");
            return Page();
        }

        Revealed = await registry.RevealIdNumberAsync(personId, why, ct);
        return Page();
    }

    public string? IncomeError { get; private set; }

    public async Task<IActionResult> OnPostIncomeAsync(Guid id, Guid personId, string? type, decimal? monthlyAmount, string? validFrom, string? evidence,
        CancellationToken ct)
    {
        if (!(await authorization.AuthorizeAsync(User, AssistancePolicies.RegistryWrite)).Succeeded)
        {
            return Forbid();
        }

        if (!await LoadAsync(id, ct) || Household!.Members.All(m => m.PersonId != personId))
        {
            return NotFound();
        }

        var result = await economics.AddIncomeAsync(personId, new IncomeRequest(type, monthlyAmount, validFrom, null, null, evidence), ct);
        if (result is (null, var errors))
        {
            IncomeError = string.Join("；", errors.Messages);
            return Page();
        }

        TempData["Flash"] = "收入已登记";
        return RedirectToPage(new { id });
    }

    /// <summary>分户: the member leaves this household today and heads a new one; history of both is kept.</summary>
    public async Task<IActionResult> OnPostSplitAsync(Guid id, Guid personId, CancellationToken ct)
    {
        if (!(await authorization.AuthorizeAsync(User, AssistancePolicies.RegistryWrite)).Succeeded)
        {
            return Forbid();
        }

        switch (await registry.MoveMemberAsync(id, personId, new MoveMemberRequest(null, null, null), ct))
        {
            case null:
                return NotFound();
            case ({ } target, _):
                TempData["Flash"] = "已分立为新户";
                return RedirectToPage(new { id = target });
            case (null, var errors):
                MoveError = string.Join("；", errors.Messages);
                return await LoadAsync(id, ct) ? Page() : NotFound();
        }
    }

    /// <summary>One error line for the edit, merge and asset forms.</summary>
    public string? EditError { get; private set; }

    public Task<IActionResult> OnPostEditAsync(Guid id, string? hukouType, string? address, Guid? headPersonId, string? bankName, string? bankAccount,
        string? bankAccountHolder, CancellationToken ct) =>
        EditAsync(id, () => edits.UpdateHouseholdAsync(id,
            new HouseholdUpdateRequest(hukouType, address, headPersonId, bankName, string.IsNullOrWhiteSpace(bankAccount) ? null : bankAccount, bankAccountHolder), ct), ct);

    /// <summary>合户 by the other household's head ID number (exact, through the blind index), which the worker has at hand.</summary>
    public Task<IActionResult> OnPostMergeAsync(Guid id, string? headIdNumber, CancellationToken ct) =>
        EditAsync(id, async () =>
        {
            var other = string.IsNullOrWhiteSpace(headIdNumber) ? null : await households.FindByIdNumberAsync(headIdNumber, ct);
            return await edits.MergeAsync(id, new MergeRequest(other?.Id, null), ct);
        }, ct);

    public Task<IActionResult> OnPostAssetAsync(Guid id, Guid personId, string? type, string? description, decimal? value, string? validFrom,
        CancellationToken ct) =>
        EditAsync(id, async () => await economics.AddAssetAsync(personId, new AssetRequest(type, description, value, validFrom, null), ct) switch
        {
            null => null,
            var (_, errors) => errors,
        }, ct);

    private async Task<IActionResult> EditAsync(Guid id, Func<Task<Minzheng.Platform.Web.FieldErrors?>> edit, CancellationToken ct)
    {
        if (!(await authorization.AuthorizeAsync(User, AssistancePolicies.RegistryWrite)).Succeeded)
        {
            return Forbid();
        }

        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        switch (await edit())
        {
            case null:
                return NotFound();
            case { Any: true } errors:
                EditError = string.Join("；", errors.Messages);
                return Page();
            default:
                TempData["Flash"] = "家庭信息已保存";
                return RedirectToPage(new { id });
        }
    }

    public bool CanChangeEnrollments { get; private set; }

    /// <summary>Adjust, suspend, resume, terminate or 渐退 an enrolment of this household (county).</summary>
    public async Task<IActionResult> OnPostEnrollmentAsync(Guid id, Guid enrollmentId, string? action, string? fromMonth, decimal? monthlyAmount,
        string? reason, int? months, string? note, CancellationToken ct)
    {
        if (!(await authorization.AuthorizeAsync(User, AssistancePolicies.DecideCases)).Succeeded)
        {
            return Forbid();
        }

        if (!await LoadAsync(id, ct) || Household!.Enrollments.All(e => e.Id != enrollmentId))
        {
            return NotFound();
        }

        var (outcome, message) = await enrollmentService.ActAsync(enrollmentId, action ?? "",
            new Enrollments.EnrollmentActionRequest(fromMonth, monthlyAmount, null, reason, months, note), User.Identity?.Name ?? "", ct);
        if (outcome != Outcome.Done)
        {
            EditError = message;
            return Page();
        }

        TempData["Flash"] = "在保记录已调整";
        return RedirectToPage(new { id });
    }

    public static string AssetTypeName(string code) => code switch
    {
        "housing" => "住房",
        "vehicle" => "车辆",
        "deposit" => "存款",
        "securities" => "有价证券",
        "business" => "工商登记",
        _ => "其他",
    };

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        CanReveal = (await authorization.AuthorizeAsync(User, Policies.RevealPersonalData)).Succeeded;
        CanEdit = (await authorization.AuthorizeAsync(User, AssistancePolicies.RegistryWrite)).Succeeded;
        CanApply = (await authorization.AuthorizeAsync(User, AssistancePolicies.CaseWork)).Succeeded;
        CanChangeEnrollments = (await authorization.AuthorizeAsync(User, AssistancePolicies.DecideCases)).Succeeded;
        Household = await registry.GetHouseholdAsync(id, null, ct);
        if (Household is not null)
        {
            RegionPath = await regions.DisplayPathAsync(Household.RegionCode, ct);
            Checks = new(await findings.ListAsync(new Verification.FindingQuery(HouseholdId: id), ct), await monitored.MonitoredOfAsync(id, ct),
                await monitored.WarningsOfAsync(id, ct));
            Attachments = await attachments.PanelAsync(User, "household", id, $"/Registry/Household?id={id}#attachments", ct);
        }

        return Household is not null;
    }

    /// <summary>纳入低收入人口监测 from the household page.</summary>
    public async Task<IActionResult> OnPostMonitorAsync(Guid id, string? category, string? reason, decimal? annualMedicalExpense, CancellationToken ct)
    {
        if (!(await authorization.AuthorizeAsync(User, AssistancePolicies.CaseWork)).Succeeded)
        {
            return Forbid();
        }

        var (created, errors) = await monitoring.RegisterAsync(new Monitoring.MonitorRequest(id, category, reason, annualMedicalExpense), ct);
        if (created is not null)
        {
            TempData["Flash"] = "已纳入低收入人口监测";
            return RedirectToPage(new { id });
        }

        MonitorError = string.Join("；", errors.Messages);
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    public static string RelationshipName(string code) => code switch
    {
        "head" => "户主",
        "spouse" => "配偶",
        "child" => "子女",
        "parent" => "父母",
        "grandchild" => "孙子女",
        "sibling" => "兄弟姐妹",
        _ => "其他",
    };

    public static string IncomeTypeName(string code) => code switch
    {
        "wages" => "工资性收入",
        "farming" => "种养殖收入",
        "business" => "经营性收入",
        "property" => "财产性收入",
        "pension" => "养老金",
        "resident-pension" => "城乡居民基本养老金",
        "transfer" => "转移性收入",
        "assistance" => "救助补贴",
        _ => "其他",
    };

    public static string StatusName(string code) => code switch { "active" => "在保", "suspended" => "暂停", _ => "已停保" };

    public static string SelfCareName(string code) => code switch { "full" => "自理", "partial" => "半失能", _ => "全失能" };
}
