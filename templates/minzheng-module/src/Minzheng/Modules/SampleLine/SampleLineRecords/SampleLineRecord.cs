using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Minzheng.Platform.Data;
using Minzheng.Platform.Security;
using Minzheng.Platform.Workflow;

namespace Minzheng.Modules.SampleLine.SampleLineRecords;

public enum SampleLineStatus
{
    Received,
    Accepted,
    Closed,
}

/// <summary>A record of 示例业务: received in a region, accepted, closed with a reason; due 10 working days after receipt.</summary>
public sealed class SampleLineRecord : AuditableEntity, IRegionScoped
{
    public const int SubjectMaxLength = 100;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public string RegionCode { get; set; } = "";
    public string Subject { get; set; } = "";
    public DateOnly ReceivedOn { get; set; }
    public DateOnly DueOn { get; set; }
    public SampleLineStatus Status { get; set; }
    public string? ClosingReason { get; set; }

    public static string StatusName(SampleLineStatus s) => s switch
    {
        SampleLineStatus.Received => "已登记",
        SampleLineStatus.Accepted => "已受理",
        SampleLineStatus.Closed => "已办结",
    };

    /// <summary>The procedure, declared once: the service refuses what it does not allow, the page and API list what it offers.</summary>
    public static Procedure<SampleLineStatus> Procedure { get; } = new Procedure<SampleLineStatus>("示例业务", StatusName)
        .Step("accept", "受理", [SampleLineStatus.Received], SampleLineStatus.Accepted,
            [Roles.Township, Roles.TownshipReviewer, Roles.County, Roles.CountyApprover], "只有乡镇或县级工作人员可以受理")
        .Step("close", "办结", [SampleLineStatus.Accepted], SampleLineStatus.Closed, [Roles.County, Roles.CountyApprover], "只有县级工作人员可以办结",
            needsReason: true);
}

internal sealed class SampleLineRecordConfiguration : IEntityTypeConfiguration<SampleLineRecord>
{
    public void Configure(EntityTypeBuilder<SampleLineRecord> b)
    {
        b.ToTable("SampleLineRecords");
        b.Property(x => x.Subject).HasMaxLength(SampleLineRecord.SubjectMaxLength);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(12);
        b.Property(x => x.ClosingReason).HasMaxLength(500);
        b.HasIndex(x => new { x.Status, x.DueOn });
    }
}
