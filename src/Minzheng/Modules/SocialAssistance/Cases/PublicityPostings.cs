using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Minzheng.Platform.Data;
using Minzheng.Platform.Kernel;
using Minzheng.Platform.Regions;
using Minzheng.Platform.Security;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.SocialAssistance.Cases;

public sealed record PostingRequest(string? Stage, string? PostedOn, string? Until, string? Place, Guid? PhotoAttachmentId, string? Note);

public sealed record PostingDto(Guid Id, int Round, string Stage, string StageName, string PostedOn, string? Until, string Place, Guid? PhotoAttachmentId,
    string? Note, string PostedBy);

/// <summary>三榜公示 of a case: the rounds posted, with history; the second round is recorded by the start of the statutory 公示.</summary>
public sealed class PublicityPostings(MinzhengDbContext db, RegionService regions, TimeProvider clock)
{
    public async Task<List<PostingDto>> ListAsync(Guid caseId, CancellationToken ct) =>
        (await db.PublicityPostings.AsNoTracking().Where(p => p.CaseId == caseId).OrderBy(p => p.Round).ToListAsync(ct))
        .Select(p => new PostingDto(p.Id, p.Round, p.Stage, PublicityPosting.Stages[p.Stage], Iso(p.PostedOn), p.Until is { } u ? Iso(u) : null, p.Place,
            p.PhotoAttachmentId, p.Note, p.CreatedBy)).ToList();

    /// <summary>Adds the statutory 公示 of the case as a round of stage review (the caller saves with the case).</summary>
    public async Task AddStatutoryAsync(AssistanceCase c, CancellationToken ct) =>
        db.PublicityPostings.Add(new PublicityPosting
        {
            CaseId = c.Id,
            RegionCode = c.RegionCode,
            Round = await NextRoundAsync(c.Id, ct),
            Stage = "review",
            PostedOn = c.PublicityFrom!.Value,
            Until = c.PublicityUntil,
            Place = (await regions.NameOfAsync(c.RegionCode, ct) ?? "") + "村务公开栏",
        });

    public async Task<(Outcome Outcome, FieldErrors Errors, string? Message)> PostAsync(Guid caseId, PostingRequest request, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var c = await db.Cases.AsNoTracking().SingleOrDefaultAsync(x => x.Id == caseId, ct);
        if (c is null)
        {
            return (Outcome.NotFound, errors, "案件不存在或不在您的管辖范围内");
        }

        if (request.Stage is null || !PublicityPosting.Stages.ContainsKey(request.Stage))
        {
            errors.Add("stage", "公示轮次应为 initial（第一榜）、review（第二榜）或 result（第三榜）");
        }

        var today = Minzheng.Platform.Calendar.ChinaTime.Today(clock);
        if (!InputValues.TryParseDate(request.PostedOn, out var posted) || posted > today || posted < c.AppliedOn)
        {
            errors.Add("postedOn", $"张贴日期应在申请日期 {c.AppliedOn:yyyy-MM-dd} 与今天之间");
        }

        DateOnly? until = null;
        if (!string.IsNullOrWhiteSpace(request.Until))
        {
            if (!InputValues.TryParseDate(request.Until, out var u) || u < posted || u > posted.AddDays(60))
            {
                errors.Add("until", "公示截止日期应不早于张贴日期，且在60天以内");
            }

            until = u;
        }

        var place = request.Place?.Trim();
        if (string.IsNullOrEmpty(place) || TextRules.Check(place, "张贴地点", false, PublicityPosting.PlaceMaxLength) is not null)
        {
            errors.Add("place", TextRules.Check(place, "张贴地点", false, PublicityPosting.PlaceMaxLength) ?? "请填写张贴地点，如“红光村村务公开栏”");
        }

        var note = TextRules.Field(request.Note, "note", "说明", PublicityPosting.NoteMaxLength, errors);

        if (request.PhotoAttachmentId is { } photo
            && !await db.Attachments.AnyAsync(a => a.Id == photo && a.OwnerType == CaseDocuments.OwnerType && a.OwnerId == caseId && a.DeletedAt == null, ct))
        {
            errors.Add("photoAttachmentId", "公示照片应为本案件已上传的附件（请先在“附件”中上传张贴照片）");
        }

        if (errors.Any)
        {
            return (Outcome.Invalid, errors, null);
        }

        var refused = request.Stage switch
        {
            "result" when c.Status is not (CaseStatus.Approved or CaseStatus.Refused) => "第三榜公示审批结果，须在县级作出决定之后",
            "initial" or "review" when c.Status is CaseStatus.Approved or CaseStatus.Refused or CaseStatus.Withdrawn => "案件已办结，只能张贴第三榜（审批结果）",
            _ => null,
        };
        if (refused is not null)
        {
            return (Outcome.Conflict, errors, refused);
        }

        db.PublicityPostings.Add(new PublicityPosting
        {
            CaseId = caseId,
            RegionCode = c.RegionCode,
            Round = await NextRoundAsync(caseId, ct),
            Stage = request.Stage!,
            PostedOn = posted,
            Until = until,
            Place = place!,
            PhotoAttachmentId = request.PhotoAttachmentId,
            Note = note,
        });
        await db.SaveChangesAsync(ct);
        return (Outcome.Done, errors, null);
    }

    private async Task<int> NextRoundAsync(Guid caseId, CancellationToken ct) =>
        (await db.PublicityPostings.Where(p => p.CaseId == caseId).MaxAsync(p => (int?)p.Round, ct) ?? 0) + 1;

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", null);

    public static RouteGroupBuilder MapPostings(RouteGroupBuilder api)
    {
        api.MapGet("/cases/{id:guid}/postings", async Task<Ok<List<PostingDto>>> (Guid id, PublicityPostings postings, CancellationToken ct) =>
                TypedResults.Ok(await postings.ListAsync(id, ct)))
            .WithTags("Cases").WithName("Cases_Postings").RequireAuthorization(Policies.BusinessRead).WithSummary("三榜公示：各轮张贴记录");
        api.MapPost("/cases/{id:guid}/postings", async Task<Results<Ok<List<PostingDto>>, ValidationProblem, ProblemHttpResult>> (Guid id, PostingRequest request,
                PublicityPostings postings, CancellationToken ct) =>
            {
                var (outcome, errors, message) = await postings.PostAsync(id, request, ct);
                return outcome == Outcome.Done ? TypedResults.Ok(await postings.ListAsync(id, ct))
                    : errors.Any ? errors.ToProblem() : ApiProblems.For(outcome, message!);
            })
            .WithTags("Cases").WithName("Cases_Post").RequireAuthorization(AssistancePolicies.CaseWork)
            .WithSummary("登记一轮公示张贴（第一榜 initial、第二榜 review、第三榜 result）：日期、截止日期、地点、张贴照片（本案件附件）");
        return api;
    }
}
