using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Minzheng.Platform.Data;

namespace Minzheng.Modules.SocialAssistance.Cases;

/// <summary>
/// One posting of 三榜公示: 第一榜 the village's initial list (村级初审), 第二榜 the township's review list (the statutory
/// 公示, recorded when it starts), 第三榜 the county's result. Each round keeps where and when it was posted and the
/// photo of the board (an attachment of the case). Rows are only added.
/// </summary>
public sealed class PublicityPosting : AuditableEntity, IRegionScoped
{
    public const int PlaceMaxLength = 100;
    public const int NoteMaxLength = 200;

    /// <summary>Stage codes (public API) and what the page calls them.</summary>
    public static readonly IReadOnlyDictionary<string, string> Stages = new Dictionary<string, string>
    {
        ["initial"] = "第一榜：村级初审公示",
        ["review"] = "第二榜：乡镇审核公示",
        ["result"] = "第三榜：审批结果公示",
    };

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid CaseId { get; set; }
    public string RegionCode { get; set; } = "";

    /// <summary>1, 2, 3 … in the order posted: a re-publicity after an upheld objection is a further round.</summary>
    public int Round { get; set; }

    public string Stage { get; set; } = "";
    public DateOnly PostedOn { get; set; }
    public DateOnly? Until { get; set; }
    public string Place { get; set; } = "";
    public Guid? PhotoAttachmentId { get; set; }
    public string? Note { get; set; }
}

internal sealed class PublicityPostingConfiguration : IEntityTypeConfiguration<PublicityPosting>
{
    public void Configure(EntityTypeBuilder<PublicityPosting> b)
    {
        b.Property(p => p.Stage).HasMaxLength(12);
        b.Property(p => p.Place).HasMaxLength(PublicityPosting.PlaceMaxLength);
        b.Property(p => p.Note).HasMaxLength(PublicityPosting.NoteMaxLength);
        b.HasOne<AssistanceCase>().WithMany().HasForeignKey(p => p.CaseId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(p => new { p.CaseId, p.Round }).IsUnique();
    }
}
