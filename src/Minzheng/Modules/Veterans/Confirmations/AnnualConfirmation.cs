using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Minzheng.Platform.Data;

namespace Minzheng.Modules.Veterans.Confirmations;

public enum ConfirmationCampaignStatus
{
    Open,
    Applied,
}

public enum ConfirmationOutcome
{
    Pending,

    /// <summary>继续享受: the township confirmed the person still qualifies.</summary>
    Confirmed,

    /// <summary>终止: the allowance stops from the campaign's effective month once the county applies it.</summary>
    Ended,
}

/// <summary>
/// 年度确认 of the periodic living allowances (定期生活补助) for a region subtree and year: every active entitled person
/// in an allowance category is listed; townships record each outcome; the county applies the campaign once, in one
/// transaction, ending the allowances of those found no longer entitled from <see cref="EffectiveMonth"/>.
/// </summary>
public sealed class ConfirmationCampaign : AuditableEntity, IRegionScoped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>The subtree's own 12-digit code (the prefix padded with zeros).</summary>
    public string RegionCode { get; set; } = "";

    public string RegionPrefix { get; set; } = "";
    public int Year { get; set; }

    /// <summary>Townships record every outcome by this day (the deadline board shows what is still pending).</summary>
    public DateOnly DueOn { get; set; }

    /// <summary>First month no longer paid to those ended.</summary>
    public DateOnly EffectiveMonth { get; set; }

    public ConfirmationCampaignStatus Status { get; set; }
    public DateOnly? AppliedOn { get; set; }
    public int Persons { get; set; }
}

/// <summary>One entitled person of a campaign, in the person's own region (so a township sees and records its own).</summary>
public sealed class ConfirmationItem : AuditableEntity, IRegionScoped
{
    public const int NoteMaxLength = 200;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public string RegionCode { get; set; } = "";
    public Guid CampaignId { get; set; }
    public Guid EntitlementId { get; set; }
    public string Name { get; set; } = "";
    public string IdNumberMasked { get; set; } = "";
    public string Category { get; set; } = "";
    public ConfirmationOutcome Outcome { get; set; }

    /// <summary>Code of <see cref="ConfirmationReasons"/> when ended.</summary>
    public string? Reason { get; set; }

    public string? Note { get; set; }
    public DateOnly? RecordedOn { get; set; }
}

internal sealed class ConfirmationConfiguration : IEntityTypeConfiguration<ConfirmationCampaign>, IEntityTypeConfiguration<ConfirmationItem>
{
    public void Configure(EntityTypeBuilder<ConfirmationCampaign> b)
    {
        b.ToTable("VeteranConfirmationCampaigns");
        b.Property(x => x.RegionPrefix).HasMaxLength(12);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(10).IsConcurrencyToken();
        // One campaign per subtree and year, whatever races between two clerks (overlapping subtrees are refused by the service).
        b.HasIndex(x => new { x.Year, x.RegionPrefix }).IsUnique();
    }

    public void Configure(EntityTypeBuilder<ConfirmationItem> b)
    {
        b.ToTable("VeteranConfirmations");
        b.Property(x => x.Name).HasMaxLength(Entitlements.VeteranEntitlement.NameMaxLength);
        b.Property(x => x.IdNumberMasked).HasMaxLength(18);
        b.Property(x => x.Category).HasMaxLength(32);
        b.Property(x => x.Outcome).HasConversion<string>().HasMaxLength(10);
        b.Property(x => x.Reason).HasMaxLength(24);
        b.Property(x => x.Note).HasMaxLength(ConfirmationItem.NoteMaxLength);
        b.HasOne<ConfirmationCampaign>().WithMany().HasForeignKey(x => x.CampaignId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Entitlements.VeteranEntitlement>().WithMany().HasForeignKey(x => x.EntitlementId).OnDelete(DeleteBehavior.Restrict);
        // A person is on a campaign's list once.
        b.HasIndex(x => new { x.CampaignId, x.EntitlementId }).IsUnique();
        b.HasIndex(x => new { x.CampaignId, x.Outcome });
    }
}

/// <summary>Why an allowance ends at the 年度确认, and the assistance termination reason the payroll explains it with.</summary>
public static class ConfirmationReasons
{
    public static IReadOnlyList<(string Code, string Name, string PayrollReason)> All { get; } =
    [
        ("moved-away", "户籍迁出本地", "moved-away"),
        ("not-confirmed", "逾期未参加年度确认", "refused-review"),
        ("disqualified", "经核实不再符合享受条件", "other"),
        ("other", "其他", "other"),
    ];

    public static string Name(string? code) => All.FirstOrDefault(r => r.Code == code).Name ?? code ?? "";
}
