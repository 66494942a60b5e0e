using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Minzheng.Platform.Kernel;
using Minzheng.Platform.Security;
using Minzheng.Platform.Web;

namespace Minzheng.Platform.Attachments;

public sealed record AttachmentDeleteRequest(string? Reason);

/// <summary>Files on records of any line: <c>/api/v1/attachments/{ownerType}/{ownerId}</c> and <c>/api/v1/attachments/{id}</c>.</summary>
public static class AttachmentEndpoints
{
    public static RouteGroupBuilder MapAttachments(this RouteGroupBuilder api)
    {
        var attachments = api.MapGroup("/attachments").WithTags("Attachments");
        // Bearer-token API: CSRF does not apply (the UI cookie is SameSite=Strict and the page has its own token).
        attachments.MapPost("/{ownerType}/{ownerId:guid}", Upload).WithName("Attachments_Upload").DisableAntiforgery()
            .RequireAuthorization(Policies.ManageAttachments)
            .WithSummary($"上传附件（表单字段 file，可选 note）：按文件内容识别类型，只接受 {AttachmentFiles.AllowedNames}");
        attachments.MapGet("/{ownerType}/{ownerId:guid}", List).WithName("Attachments_List").RequireAuthorization(Policies.ReadAttachments)
            .WithSummary("记录的附件清单（不含文件内容）");
        attachments.MapGet("/{id:guid}/content", Content).WithName("Attachments_Content").RequireAuthorization(Policies.ReadAttachments)
            .WithSummary("下载附件（记审计）");
        attachments.MapPost("/{id:guid}/delete", Delete).WithName("Attachments_Delete").RequireAuthorization(Policies.ManageAttachments)
            .WithSummary("删除附件（须填原因；记录保留，记审计）");
        return api;
    }

    public static async Task<Results<Created<AttachmentCreated>, ProblemHttpResult, ValidationProblem>> Upload(string ownerType, Guid ownerId,
        IFormFile? file, [FromForm] string? note, AttachmentService attachments, CancellationToken ct)
    {
        var (created, refusal) = await attachments.UploadAsync(ownerType, ownerId, file, note, ct);
        if (created is not null)
        {
            return TypedResults.Created($"/api/v1/attachments/{created.Id}/content", created);
        }

        return refusal!.Field is { } field && refusal.Outcome == Outcome.Invalid
            ? ApiProblems.Validation(field, refusal.Message)
            : ApiProblems.For(refusal.Outcome, refusal.Message);
    }

    public static async Task<Results<Ok<IReadOnlyList<AttachmentDto>>, ProblemHttpResult>> List(string ownerType, Guid ownerId,
        AttachmentService attachments, CancellationToken ct) =>
        await attachments.ListAsync(ownerType, ownerId, ct) is { } list
            ? TypedResults.Ok(list)
            : ApiProblems.NotFound("附件所属的记录不存在或不在您的管辖范围内");

    /// <summary>The file as an attachment download under its cleaned name, with the type found in its bytes.</summary>
    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Content(Guid id, AttachmentService attachments, CancellationToken ct) =>
        await attachments.OpenAsync(id, ct) is { } file
            ? TypedResults.File(file.Content, file.ContentType, file.FileName)
            : ApiProblems.NotFound("附件不存在或不在您的管辖范围内");

    public static async Task<Results<NoContent, ProblemHttpResult, ValidationProblem>> Delete(Guid id, AttachmentDeleteRequest? request,
        AttachmentService attachments, CancellationToken ct)
    {
        if (await attachments.DeleteAsync(id, request?.Reason, ct) is not { } refusal)
        {
            return TypedResults.NoContent();
        }

        return refusal.Field is { } field && refusal.Outcome == Outcome.Invalid
            ? ApiProblems.Validation(field, refusal.Message)
            : ApiProblems.For(refusal.Outcome, refusal.Message);
    }
}
