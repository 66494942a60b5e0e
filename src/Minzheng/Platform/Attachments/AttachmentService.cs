using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Minzheng.Platform.Auditing;
using Minzheng.Platform.Data;
using Minzheng.Platform.Kernel;
using Minzheng.Platform.Privacy;
using Minzheng.Platform.Security;
using Minzheng.Platform.Web;

namespace Minzheng.Platform.Attachments;

/// <summary>Metadata of an attachment for lists (never the file).</summary>
public sealed record AttachmentDto(Guid Id, string FileName, string ContentType, long Size, string Sha256, string? Note, string UploadedBy,
    DateTimeOffset UploadedAt);

public sealed record AttachmentCreated(Guid Id, string FileName, string ContentType, long Size, string Sha256);

public sealed record AttachmentFile(string FileName, string ContentType, byte[] Content);

/// <summary>Why a step was refused: the outcome (docs/api-errors.md), a Chinese reason, and the field it concerns if any.</summary>
public sealed record AttachmentRefusal(Outcome Outcome, string Message, string? Field = null);

/// <summary>The limits of attachments (docs/security.md “附件”).</summary>
public static class AttachmentLimits
{
    public const int DefaultMaxMegabytes = 10;
    public const int DefaultMaxPerOwner = 50;

    /// <summary>Largest file (<c>Attachments:MaxMegabytes</c>, default 10).</summary>
    public static int MaxMegabytesOf(IConfiguration configuration) => Math.Max(1, configuration.GetValue("Attachments:MaxMegabytes", DefaultMaxMegabytes));

    /// <summary>Files one record may keep (<c>Attachments:MaxPerOwner</c>, default 50); removed files do not count.</summary>
    public static int MaxPerOwnerOf(IConfiguration configuration) => Math.Max(1, configuration.GetValue("Attachments:MaxPerOwner", DefaultMaxPerOwner));
}

/// <summary>
/// Files on business records of any line. Every step first asks the owning module whether the caller may see the
/// record (<see cref="IAttachmentOwner.RegionOfAsync"/>); the attachment rows carry the record's region, so the region
/// filter applies to them as well. Files are sealed at rest; each download and each removal is audited.
/// </summary>
public sealed class AttachmentService(MinzhengDbContext db, IEnumerable<IAttachmentOwner> owners, PersonalDataProtector protector, AuditLog audit,
    IAuditContext actor, IAuthorizationService authorization, IConfiguration configuration, TimeProvider clock)
{
    public const string ViewedAction = "attachment.viewed";
    public const string DeletedAction = "attachment.deleted";

    private static readonly AttachmentRefusal OwnerNotFound = new(Outcome.NotFound, "附件所属的记录不存在或不在您的管辖范围内");
    private static readonly AttachmentRefusal AttachmentNotFound = new(Outcome.NotFound, "附件不存在或不在您的管辖范围内");

    // Two modules claiming one owner type is a programming error: it fails the first request rather than mixing records.
    private readonly Dictionary<string, IAttachmentOwner> _owners = owners.ToDictionary(o => o.OwnerType, StringComparer.Ordinal);

    /// <summary>The owner kind registered for <paramref name="ownerType"/>, or null.</summary>
    public IAttachmentOwner? OwnerOf(string? ownerType) => ownerType is not null && _owners.TryGetValue(ownerType, out var owner) ? owner : null;

    public async Task<(AttachmentCreated? Created, AttachmentRefusal? Refusal)> UploadAsync(string ownerType, Guid ownerId, IFormFile? file, string? note,
        CancellationToken ct)
    {
        if (await RegionOfOwnerAsync(ownerType, ownerId, ct) is not { } region)
        {
            return (null, OwnerNotFound);
        }

        if (file is null || file.Length == 0)
        {
            return (null, new AttachmentRefusal(Outcome.Invalid, "请选择要上传的文件（表单字段 file），文件不能为空", "file"));
        }

        var maxMegabytes = AttachmentLimits.MaxMegabytesOf(configuration);
        if (file.Length > maxMegabytes * 1024L * 1024)
        {
            return (null, new AttachmentRefusal(Outcome.Invalid,
                string.Create(CultureInfo.InvariantCulture, $"文件不能超过{maxMegabytes}MB（现为{file.Length / (1024.0 * 1024):0.#}MB），请压缩或分开上传"), "file"));
        }

        note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        if (note is { Length: > Attachment.NoteMaxLength })
        {
            return (null, new AttachmentRefusal(Outcome.Invalid, $"备注不能超过{Attachment.NoteMaxLength}个字", "note"));
        }

        // One copy of the upload in memory: read straight into an array of its size.
        var content = new byte[file.Length];
        await using (var stream = file.OpenReadStream())
        {
            await stream.ReadExactlyAsync(content, ct);
        }

        if (AttachmentFiles.Sniff(content) is not { } kind)
        {
            return (null, new AttachmentRefusal(Outcome.Rejected,
                $"不支持该文件类型：附件只能是 {AttachmentFiles.AllowedNames} 文件（按文件内容识别，改扩展名无效）", "file"));
        }

        var count = await db.Attachments.CountAsync(a => a.OwnerType == ownerType && a.OwnerId == ownerId && a.DeletedAt == null, ct);
        var maxPerOwner = AttachmentLimits.MaxPerOwnerOf(configuration);
        if (count >= maxPerOwner)
        {
            return (null, new AttachmentRefusal(Outcome.Conflict, $"该记录已有{count}个附件，达到上限{maxPerOwner}个；请先删除不再需要的附件"));
        }

        var attachment = new Attachment
        {
            RegionCode = region,
            OwnerType = ownerType,
            OwnerId = ownerId,
            FileName = AttachmentFiles.CleanName(file.FileName, kind),
            ContentType = kind.ContentType,
            Size = content.Length,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(content)),
            Content = protector.EncryptBytes(content, DataPurpose.Attachment),
            UploadedBy = Truncate(actor.UserName),
            UploadedAt = clock.GetUtcNow(),
            Note = note,
        };
        db.Attachments.Add(attachment);
        await db.SaveChangesAsync(ct);
        return (new AttachmentCreated(attachment.Id, attachment.FileName, attachment.ContentType, attachment.Size, attachment.Sha256), null);
    }

    /// <summary>The files kept on a record, newest first; null when the record is not visible.</summary>
    public async Task<IReadOnlyList<AttachmentDto>?> ListAsync(string ownerType, Guid ownerId, CancellationToken ct)
    {
        if (await RegionOfOwnerAsync(ownerType, ownerId, ct) is null)
        {
            return null;
        }

        return await db.Attachments.AsNoTracking()
            .Where(a => a.OwnerType == ownerType && a.OwnerId == ownerId && a.DeletedAt == null)
            .OrderByDescending(a => a.UploadedAt).ThenByDescending(a => a.Id)
            .Select(a => new AttachmentDto(a.Id, a.FileName, a.ContentType, a.Size, a.Sha256, a.Note, a.UploadedBy, a.UploadedAt))
            .ToListAsync(ct);
    }

    /// <summary>The attachments panel of a record's page; null when the record is not visible.</summary>
    /// <param name="returnUrl">The page the panel's forms return to (a local address).</param>
    public async Task<AttachmentPanel?> PanelAsync(ClaimsPrincipal user, string ownerType, Guid ownerId, string returnUrl, CancellationToken ct,
        string? error = null) =>
        OwnerOf(ownerType) is { } owner && await ListAsync(ownerType, ownerId, ct) is { } items
            ? new AttachmentPanel(ownerType, ownerId, owner.Title, items, (await authorization.AuthorizeAsync(user, Policies.ManageAttachments)).Succeeded,
                AttachmentLimits.MaxMegabytesOf(configuration), returnUrl, error)
            : null;

    /// <summary>The file, decrypted, with an audit entry of the view; null when it or its record is not visible or it was removed.</summary>
    public async Task<AttachmentFile?> OpenAsync(Guid id, CancellationToken ct)
    {
        var found = await db.Attachments.AsNoTracking().Where(a => a.Id == id && a.DeletedAt == null)
            .Select(a => new { a.OwnerType, a.OwnerId, a.RegionCode, a.FileName, a.ContentType, a.Content }).SingleOrDefaultAsync(ct);
        if (found is null || await RegionOfOwnerAsync(found.OwnerType, found.OwnerId, ct) is null)
        {
            return null;
        }

        var content = protector.DecryptBytes(found.Content, DataPurpose.Attachment);
        // The file name may name a person: sealed like other business values in the audit log.
        await audit.RecordAsync(ViewedAction, entityType: nameof(Attachment), entityId: id.ToString(), regionCode: found.RegionCode,
            details: new { found.OwnerType, ownerId = found.OwnerId }, sealedDetails: new { found.FileName }, ct: ct);
        return new AttachmentFile(found.FileName, found.ContentType, content);
    }

    /// <summary>Removes a file from its record with a reason; the row and the sealed file stay as evidence.</summary>
    public async Task<AttachmentRefusal?> DeleteAsync(Guid id, string? reason, CancellationToken ct)
    {
        var attachment = await db.Attachments.SingleOrDefaultAsync(a => a.Id == id && a.DeletedAt == null, ct);
        if (attachment is null || await RegionOfOwnerAsync(attachment.OwnerType, attachment.OwnerId, ct) is null)
        {
            return AttachmentNotFound;
        }

        if (reason?.Trim() is not { Length: >= Attachment.ReasonMinLength and <= Attachment.ReasonMaxLength } why)
        {
            return new AttachmentRefusal(Outcome.Invalid, $"删除附件须填写原因（{Attachment.ReasonMinLength}到{Attachment.ReasonMaxLength}字）", "reason");
        }

        attachment.DeletedAt = clock.GetUtcNow();
        attachment.DeletedBy = Truncate(actor.UserName);
        attachment.DeleteReason = why;
        audit.Add(DeletedAction, entityType: nameof(Attachment), entityId: id.ToString(), regionCode: attachment.RegionCode,
            details: new { attachment.OwnerType, ownerId = attachment.OwnerId }, sealedDetails: new { attachment.FileName, reason = why });
        await db.SaveChangesAsync(ct);
        return null;
    }

    private async Task<string?> RegionOfOwnerAsync(string ownerType, Guid ownerId, CancellationToken ct) =>
        OwnerOf(ownerType) is { } owner ? await owner.RegionOfAsync(ownerId, ct) : null;

    private static string Truncate(string value) => value.Length <= Attachment.UserMaxLength ? value : value[..Attachment.UserMaxLength];
}
