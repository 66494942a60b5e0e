namespace Minzheng.Platform.Attachments;

/// <summary>
/// A kind of record files may be attached to. Each module registers one per kind it owns
/// (<c>services.AddScoped&lt;IAttachmentOwner, CaseAttachmentOwner&gt;()</c>); the platform knows no business record,
/// so whether the caller may see a record is asked here, of the module that owns it.
/// </summary>
public interface IAttachmentOwner
{
    /// <summary>The short code in addresses and rows: "case", "household", "tip-off" (at most 40 characters).</summary>
    string OwnerType { get; }

    /// <summary>What the record is called in Chinese, e.g. 救助申请.</summary>
    string Title { get; }

    /// <summary>
    /// The record's 12-digit region code when it exists and the caller may see it; otherwise null, which the
    /// attachment API answers with 404. Query through the DbContext so the region filter applies, and apply any
    /// permission the record itself needs (a record the caller may not open has no attachments the caller may open).
    /// </summary>
    Task<string?> RegionOfAsync(Guid ownerId, CancellationToken ct);
}
