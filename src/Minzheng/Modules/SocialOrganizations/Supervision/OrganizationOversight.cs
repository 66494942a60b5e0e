using Microsoft.EntityFrameworkCore;
using Minzheng.Modules.SocialOrganizations.Organizations;
using Minzheng.Platform.Calendar;
using Minzheng.Platform.Data;
using Minzheng.Platform.Kernel;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.SocialOrganizations.Supervision;

/// <summary>
/// 监督管理 of a registered organisation: complaints and their handling, administrative penalties with their decision
/// numbers, and stays in 活动异常名录 / 严重违法失信名单. Every refusal writes nothing; the database's unique indexes make
/// a decision number and an open stay in a list single, whatever the concurrency.
/// </summary>
public sealed class OrganizationOversight(MinzhengDbContext db, TimeProvider clock)
{
    private const string NotFound = "社会组织不存在或不在您的管辖范围内";

    public async Task<OrgResult<CreatedRecord>> ReceiveComplaintAsync(Guid id, ComplaintRequest request, CancellationToken ct)
    {
        if (await db.SocialOrganizations.SingleOrDefaultAsync(o => o.Id == id, ct) is not { } o)
        {
            return OrgResult<CreatedRecord>.Refused(Outcome.NotFound, NotFound);
        }

        var errors = new FieldErrors();
        var received = OrganizationInput.Date(request.ReceivedOn, "receivedOn", "收到投诉日期", clock.Today(), errors);
        var complainant = TextRules.Field(request.Complainant, "complainant", "投诉人（不愿留名的写“匿名”）", OrganizationComplaint.ComplainantMaxLength, errors, required: true);
        var content = TextRules.Field(request.Content, "content", "投诉内容", TextRules.MultiLineMax, errors, required: true, multiLine: true);
        if (errors.Any)
        {
            return OrgResult<CreatedRecord>.Invalid(errors);
        }

        var complaint = new OrganizationComplaint { OrganizationId = o.Id, RegionCode = o.RegionCode, ReceivedOn = received!.Value, Complainant = complainant!, Content = content! };
        db.SocialOrganizationComplaints.Add(complaint);
        return await SaveAsync(new CreatedRecord(complaint.Id), "该投诉刚被他人办理，请刷新后查看", ct);
    }

    public async Task<OrgResult<CreatedRecord>> HandleComplaintAsync(Guid id, Guid complaintId, ComplaintHandlingRequest request, CancellationToken ct)
    {
        if (await db.SocialOrganizationComplaints.SingleOrDefaultAsync(c => c.Id == complaintId && c.OrganizationId == id, ct) is not { } complaint)
        {
            return OrgResult<CreatedRecord>.Refused(Outcome.NotFound, "投诉不存在或不在您的管辖范围内");
        }

        if (complaint.HandledOn is not null)
        {
            return OrgResult<CreatedRecord>.Refused(Outcome.Conflict, $"该投诉已于{complaint.HandledOn:yyyy-MM-dd}办结，不能重复登记处理结果");
        }

        var errors = new FieldErrors();
        if (ClosingForm.ComplaintHandling.Read(request.HandledOn, request.Result, complaint.ReceivedOn, clock.Today(), errors) is not (var handled, var result))
        {
            return OrgResult<CreatedRecord>.Invalid(errors);
        }

        complaint.HandledOn = handled;
        complaint.Result = result;
        return await SaveAsync(new CreatedRecord(complaint.Id), "该投诉刚被他人办理，请刷新后查看", ct);
    }

    /// <summary>
    /// A penalty needs its decision number (422 without one, as the issue says); 撤销登记 is refused here (422): it is decided
    /// in a revocation case (<see cref="Revocations.RevocationSteps"/>), whose decision records the penalty.
    /// </summary>
    public async Task<OrgResult<CreatedRecord>> PenalizeAsync(Guid id, PenaltyRequest request, IEnumerable<string> roles, CancellationToken ct)
    {
        if (await db.SocialOrganizations.SingleOrDefaultAsync(o => o.Id == id, ct) is not { } o)
        {
            return OrgResult<CreatedRecord>.Refused(Outcome.NotFound, NotFound);
        }

        var errors = new FieldErrors();
        var kind = InputValues.ParseOptional<PenaltyKind>(request.Kind, "kind", "处罚种类（kind）应为 warning（警告）、fine（罚款）、suspension（限期停止活动）或 revocation（撤销登记）", errors);
        if (kind is null && !errors.Any)
        {
            errors.Add("kind", "请选择处罚种类（kind）");
        }

        var decided = OrganizationInput.Date(request.DecidedOn, "decidedOn", "处罚决定日期", clock.Today(), errors);
        var reason = TextRules.Field(request.Reason, "reason", "违法事实和处罚理由", TextRules.MultiLineMax, errors, required: true, multiLine: true);
        var number = TextRules.Field(request.DecisionNumber, "decisionNumber", "行政处罚决定书文号", OrganizationPenalty.DecisionNumberMaxLength, errors);
        var amount = PenaltyInput.Amount(kind, request.Amount, errors);
        var confiscated = PenaltyInput.Confiscated(request.Confiscated, errors);
        var (from, until) = PenaltyInput.Suspension(kind, request.SuspendedFrom, request.SuspendedUntil, decided, errors);
        if (decided < o.EstablishedOn)
        {
            errors.Add("decidedOn", $"处罚决定日期不能早于成立登记日期 {o.EstablishedOn:yyyy-MM-dd}");
        }

        if (errors.Any)
        {
            return OrgResult<CreatedRecord>.Invalid(errors);
        }

        if (number is null)
        {
            return OrgResult<CreatedRecord>.Refused(Outcome.Rejected, "行政处罚须写明行政处罚决定书文号（decisionNumber），没有决定书的处罚不予登记");
        }

        if (o.Status != SocialOrganizationStatus.Active)
        {
            return OrgResult<CreatedRecord>.Refused(Outcome.Conflict, "该组织已注销或被撤销登记，不能再作出行政处罚");
        }

        // 撤销登记 needs its own procedure (立案, 告知, 陈述申辩, 决定): the penalty list shows it once the case is decided.
        if (kind == PenaltyKind.Revocation)
        {
            return OrgResult<CreatedRecord>.Refused(Outcome.Rejected, "撤销登记须按撤销登记程序办理（立案、告知、陈述申辩或听证、决定），不能直接登记为处罚");
        }

        if (await OrganizationPenalty.DecisionTakenAsync(db, o.AuthorityCode, number, ct) is { } taken)
        {
            return OrgResult<CreatedRecord>.Refused(Outcome.Conflict, taken);
        }

        var penalty = new OrganizationPenalty
        {
            OrganizationId = o.Id,
            RegionCode = o.RegionCode,
            AuthorityCode = o.AuthorityCode,
            Kind = kind!.Value,
            DecisionNumber = number,
            DecidedOn = decided!.Value,
            Reason = reason!,
            FineAmount = amount,
            ConfiscatedAmount = confiscated,
            SuspendedFrom = from,
            SuspendedUntil = until,
        };
        db.SocialOrganizationPenalties.Add(penalty);
        return await SaveAsync(new CreatedRecord(penalty.Id), $"行政处罚决定书文号“{number}”已登记过（可能是同时提交），本次未保存", ct);
    }

    public async Task<OrgResult<CreatedRecord>> ListAsync(Guid id, ListingRequest request, CancellationToken ct)
    {
        if (await db.SocialOrganizations.SingleOrDefaultAsync(o => o.Id == id, ct) is not { } o)
        {
            return OrgResult<CreatedRecord>.Refused(Outcome.NotFound, NotFound);
        }

        var errors = new FieldErrors();
        var list = InputValues.ParseOptional<SupervisionList>(request.List, "list", "名录（list）应为 abnormal（活动异常名录）或 dishonest（严重违法失信名单）", errors);
        if (list is null && !errors.Any)
        {
            errors.Add("list", "请选择名录（list）");
        }

        var date = OrganizationInput.Date(request.Date, "date", "列入日期", clock.Today(), errors);
        var reason = TextRules.Field(request.Reason, "reason", "列入事由", TextRules.MultiLineMax, errors, required: true, multiLine: true);
        if (date < o.EstablishedOn)
        {
            errors.Add("date", $"列入日期不能早于成立登记日期 {o.EstablishedOn:yyyy-MM-dd}");
        }

        if (errors.Any)
        {
            return OrgResult<CreatedRecord>.Invalid(errors);
        }

        var name = OrganizationListing.ListName(list!.Value);
        if (await db.SocialOrganizationListings.AnyAsync(l => l.OrganizationId == id && l.List == list && l.RemovedOn == null, ct))
        {
            return OrgResult<CreatedRecord>.Refused(Outcome.Conflict, $"该组织已在{name}中，移出前不能再次列入");
        }

        var listing = new OrganizationListing { OrganizationId = o.Id, RegionCode = o.RegionCode, List = list.Value, ListedOn = date!.Value, Reason = reason! };
        db.SocialOrganizationListings.Add(listing);
        return await SaveAsync(new CreatedRecord(listing.Id), $"该组织已在{name}中（可能是同时提交），本次未保存", ct);
    }

    public async Task<OrgResult<CreatedRecord>> RemoveAsync(Guid id, Guid listingId, RemovalRequest request, CancellationToken ct)
    {
        if (await db.SocialOrganizationListings.SingleOrDefaultAsync(l => l.Id == listingId && l.OrganizationId == id, ct) is not { } listing)
        {
            return OrgResult<CreatedRecord>.Refused(Outcome.NotFound, "名录记录不存在或不在您的管辖范围内");
        }

        if (listing.RemovedOn is not null)
        {
            return OrgResult<CreatedRecord>.Refused(Outcome.Conflict, $"该组织已于{listing.RemovedOn:yyyy-MM-dd}移出{OrganizationListing.ListName(listing.List)}");
        }

        var errors = new FieldErrors();
        if (ClosingForm.Removal.Read(request.Date, request.Reason, listing.ListedOn, clock.Today(), errors) is not (var date, var reason))
        {
            return OrgResult<CreatedRecord>.Invalid(errors);
        }

        listing.RemovedOn = date;
        listing.RemovalReason = reason;
        return await SaveAsync(new CreatedRecord(listing.Id), "该记录刚被他人办理，请刷新后查看", ct);
    }

    private Task<OrgResult<CreatedRecord>> SaveAsync(CreatedRecord record, string conflict, CancellationToken ct) =>
        OrgResult<CreatedRecord>.SaveAsync(db, record, conflict, ct);
}
