namespace Minzheng.Platform.Attachments;

/// <summary>
/// What the attachments partial (<c>Platform/Web/Shared/_Attachments.cshtml</c>) shows on a record's page: the files,
/// whether the user may add and remove them, and where the forms of the <c>/Attachments</c> page return to.
/// </summary>
public sealed record AttachmentPanel(string OwnerType, Guid OwnerId, string OwnerTitle, IReadOnlyList<AttachmentDto> Items, bool CanUpload,
    int MaxMegabytes, string ReturnUrl, string? Error = null)
{
    /// <summary>The file types the upload field offers (the server still checks the bytes).</summary>
    public static string Accept => string.Join(",", AttachmentFiles.Allowed.SelectMany(k => k.Extensions));
}
