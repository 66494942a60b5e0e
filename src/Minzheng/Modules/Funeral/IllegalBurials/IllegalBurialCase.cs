using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Minzheng.Platform.Data;

namespace Minzheng.Modules.Funeral.IllegalBurials;

/// <summary>What was found: the kinds of illegal burial that bureau reports and the 殡葬管理条例 name.</summary>
public enum IllegalBurialKind
{
    /// <summary>乱埋乱葬、散埋乱葬 outside a cemetery, in a 火葬区 a body buried instead of cremated.</summary>
    Scattered,

    /// <summary>大墓: a grave over the province's size limit.</summary>
    Oversized,

    /// <summary>豪华墓: a luxury grave.</summary>
    Luxury,

    /// <summary>活人墓 (寿坟): a grave built for someone alive.</summary>
    Living,

    /// <summary>硬化大墓: a grave enlarged and paved.</summary>
    Hardened,

    Other,
}

/// <summary>Who found it: the township's patrol, a tip-off, or the village's 殡改信息员.</summary>
public enum IllegalBurialSource
{
    Patrol,
    Report,
    Informant,
}

/// <summary>Open until one outcome closes it: rectified by the family, penalised by decision, or the grave relocated.</summary>
public enum IllegalBurialStatus
{
    Open,
    Rectified,
    Penalised,
    Relocated,
}

/// <summary>
/// A case of illegal burial (乱埋乱葬, 大墓, 豪华墓, 活人墓, 散埋) in a village: found when, by whom, where (text and optional
/// coordinates), what; the rectification deadline on the shared board; and the one outcome that closes it. The status is a
/// concurrency token: of two outcomes entered at the same moment exactly one is stored.
/// </summary>
public sealed class IllegalBurialCase : AuditableEntity, IRegionScoped
{
    public const int LocationMaxLength = 200;
    public const int DescriptionMaxLength = 500;
    public const int DecisionMaxLength = 60;

    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>The village where it was found.</summary>
    public string RegionCode { get; set; } = "";

    public IllegalBurialKind Kind { get; set; }
    public DateOnly FoundOn { get; set; }
    public IllegalBurialSource FoundBy { get; set; }
    public string Location { get; set; } = "";
    public decimal? Latitude { get; set; }
    public decimal? Longitude { get; set; }
    public string Description { get; set; } = "";

    /// <summary>The household responsible (当事人), when known.</summary>
    public string? PartyName { get; set; }

    /// <summary>The party's ID number, encrypted; its keyed hash to find a party's cases; masked for lists and the notice.</summary>
    public string? PartyIdCipher { get; set; }

    public string? PartyIdIndex { get; set; }
    public string? PartyIdMasked { get; set; }

    /// <summary>
    /// The 限期整改通知书 served on the party: its date (a concurrency token, so two clerks issuing at once take one number)
    /// and its number from the platform's document series.
    /// </summary>
    public DateOnly? NoticedOn { get; set; }

    public string? NoticeNumber { get; set; }

    public DateOnly RectifyBy { get; set; }
    public IllegalBurialStatus Status { get; set; }
    public DateOnly? ClosedOn { get; set; }
    public string? DecisionNumber { get; set; }
    public decimal? PenaltyAmount { get; set; }
    public string? Destination { get; set; }

    public static string KindName(IllegalBurialKind kind) => kind switch
    {
        IllegalBurialKind.Scattered => "乱埋乱葬（散埋）",
        IllegalBurialKind.Oversized => "超标准大墓",
        IllegalBurialKind.Luxury => "豪华墓",
        IllegalBurialKind.Living => "活人墓（寿坟）",
        IllegalBurialKind.Hardened => "硬化大墓",
        IllegalBurialKind.Other => "其他违规安葬",
    };

    public static string SourceName(IllegalBurialSource source) => source switch
    {
        IllegalBurialSource.Patrol => "巡查发现",
        IllegalBurialSource.Report => "群众举报",
        IllegalBurialSource.Informant => "殡改信息员报告",
    };

    public static string StatusName(IllegalBurialStatus status) => status switch
    {
        IllegalBurialStatus.Open => "整改中",
        IllegalBurialStatus.Rectified => "已整改",
        IllegalBurialStatus.Penalised => "已处罚",
        IllegalBurialStatus.Relocated => "已迁移",
    };
}

internal sealed class IllegalBurialCaseConfiguration : IEntityTypeConfiguration<IllegalBurialCase>
{
    public void Configure(EntityTypeBuilder<IllegalBurialCase> b)
    {
        b.ToTable("FuneralIllegalBurialCases");
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(12);
        b.Property(x => x.FoundBy).HasConversion<string>().HasMaxLength(12);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(12).IsConcurrencyToken();
        b.Property(x => x.Location).HasMaxLength(IllegalBurialCase.LocationMaxLength);
        b.Property(x => x.Description).HasMaxLength(IllegalBurialCase.DescriptionMaxLength);
        b.Property(x => x.PartyName).HasMaxLength(50);
        b.Property(x => x.PartyIdCipher).HasMaxLength(200);
        b.Property(x => x.PartyIdIndex).HasMaxLength(64);
        b.Property(x => x.PartyIdMasked).HasMaxLength(18);
        b.Property(x => x.NoticedOn).IsConcurrencyToken();
        b.Property(x => x.NoticeNumber).HasMaxLength(64);
        b.Property(x => x.Latitude).HasPrecision(9, 6);
        b.Property(x => x.Longitude).HasPrecision(9, 6);
        b.Property(x => x.DecisionNumber).HasMaxLength(IllegalBurialCase.DecisionMaxLength);
        b.Property(x => x.PenaltyAmount).HasPrecision(18, 2);
        b.Property(x => x.Destination).HasMaxLength(IllegalBurialCase.LocationMaxLength);
        b.HasIndex(x => new { x.RegionCode, x.FoundOn });
        b.HasIndex(x => x.Status);
        b.HasIndex(x => x.PartyIdIndex);
    }
}

/// <summary>限期整改通知书 of an illegal burial case: numbered per county and year from the platform's document series, never reused.</summary>
public static class IllegalBurialDocuments
{
    public const string OwnerType = "funeral-illegal-burial";
    public const string NoticeKind = "illegal-burial-rectification-notice";

    public static Platform.Documents.DocumentKind Notice { get; } = new(NoticeKind, "限期整改通知书", (county, year, n) => $"{county}殡改〔{year}〕第{n:D4}号");
}
