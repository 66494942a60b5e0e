using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Minzheng.Platform.Data;

namespace Minzheng.Modules.SocialOrganizations.Organizations;

/// <summary>The five separations of 中办发〔2015〕39号 (“五分离、五规范”), in the order the plan lists them.</summary>
public enum DecouplingTaskKind
{
    Institution,
    Functions,
    AssetsFinance,
    Personnel,
    PartyBuilding,
}

/// <summary>One separation completed by a trade association on a day; each of the five is recorded once.</summary>
public sealed class DecouplingTask : AuditableEntity, IRegionScoped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; set; }
    public string RegionCode { get; set; } = "";
    public DecouplingTaskKind Task { get; set; }
    public DateOnly CompletedOn { get; set; }
    public string? Note { get; set; }

    public static string TaskName(DecouplingTaskKind task) => task switch
    {
        DecouplingTaskKind.Institution => "机构分离",
        DecouplingTaskKind.Functions => "职能分离",
        DecouplingTaskKind.AssetsFinance => "资产财务分离",
        DecouplingTaskKind.Personnel => "人员管理分离",
        DecouplingTaskKind.PartyBuilding => "党建、外事等事项分离",
    };
}

internal sealed class DecouplingTaskConfiguration : IEntityTypeConfiguration<DecouplingTask>
{
    public void Configure(EntityTypeBuilder<DecouplingTask> b)
    {
        b.ToTable("SocialOrganizationDecouplingTasks");
        b.Property(x => x.Task).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Note).HasMaxLength(500);
        // Each separation once per association, whatever the concurrency.
        b.HasIndex(x => new { x.OrganizationId, x.Task }).IsUnique();
        b.HasIndex(x => x.CompletedOn);
    }
}
