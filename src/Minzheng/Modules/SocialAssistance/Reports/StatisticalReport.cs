using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Minzheng.Platform.Data;

namespace Minzheng.Modules.SocialAssistance.Reports;

public enum ReportStatus
{
    /// <summary>上报: the township sent the table; the county has not looked at it yet.</summary>
    Submitted,

    /// <summary>退回: the county sent it back with comments; the township corrects its data and submits again.</summary>
    Returned,

    /// <summary>审核通过: accepted and locked — the figures reported upward never change afterwards.</summary>
    Accepted,
}

/// <summary>One row of a 民政事业统计 period table: a programme's figures in a region for the period.</summary>
/// <param name="SevereDisabled">其中重度残疾人 (grade 1–2), a part of <paramref name="Disabled"/>.</param>
/// <param name="SeriouslyIll">其中重病患者 (分类施保 category of the national Dibao statistics).</param>
public sealed record TableRow(string Program, string Name, int Households, int Persons, int Elderly, int Disabled, int Minors,
    decimal MonthlyAmount, decimal PaidInPeriod, decimal PaidYearToDate, int PersonTimes, int ReserveFundPersons, decimal ReserveFundAmount,
    int SevereDisabled = 0, int SeriouslyIll = 0);

/// <summary>
/// A township's statistical table for a month (<c>2026-06</c>) or quarter (<c>2026-Q2</c>) as submitted upward: the
/// figures are frozen in <see cref="RowsJson"/> at submission, so what the county accepted is what was reported.
/// </summary>
public sealed class StatisticalReport : AuditableEntity, IRegionScoped
{
    public const int CommentMaxLength = 500;

    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>The township (12-digit code) that reports.</summary>
    public string RegionCode { get; set; } = "";

    public string Period { get; set; } = "";
    public ReportStatus Status { get; set; }
    public string RowsJson { get; set; } = "[]";
    public string SubmittedBy { get; set; } = "";
    public DateTimeOffset SubmittedAt { get; set; }
    public string? ReviewedBy { get; set; }
    public DateTimeOffset? ReviewedAt { get; set; }
    public string? ReviewComment { get; set; }
}

internal sealed class StatisticalReportConfiguration : IEntityTypeConfiguration<StatisticalReport>
{
    public void Configure(EntityTypeBuilder<StatisticalReport> b)
    {
        b.Property(r => r.RegionCode).HasMaxLength(12);
        b.Property(r => r.Period).HasMaxLength(7);
        b.Property(r => r.Status).HasConversion<string>().HasMaxLength(12);
        b.Property(r => r.RowsJson).HasMaxLength(50_000);
        b.Property(r => r.SubmittedBy).HasMaxLength(64);
        b.Property(r => r.ReviewedBy).HasMaxLength(64);
        b.Property(r => r.ReviewComment).HasMaxLength(StatisticalReport.CommentMaxLength);
        // One table per township and period: a resubmission after 退回 updates it; concurrent submissions collide here.
        b.HasIndex(r => new { r.RegionCode, r.Period }).IsUnique();
    }
}
