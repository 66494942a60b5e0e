using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Minzheng.Platform.Data;

using Minzheng.Platform.People;

namespace Minzheng.Modules.SocialAssistance.Registry;

public enum IncomeType
{
    Wages,
    Farming,
    Business,
    Property,
    Pension,
    ResidentPension,
    Transfer,
    Assistance,
    Other,
}

/// <summary>
/// One income of a person for a period (家庭经济状况): type, monthly amount, whether it counts under policy, evidence.
/// Assistance payments, 优抚 payments and the 城乡居民 basic pension are excluded by default (POLICY §1).
/// </summary>
public sealed class MemberIncome : AuditableEntity, IRegionScoped
{
    public const int EvidenceMaxLength = 200;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PersonId { get; set; }
    public string RegionCode { get; set; } = "";
    public IncomeType Type { get; set; }
    public bool CountsUnderPolicy { get; set; } = true;
    public decimal MonthlyAmount { get; set; }
    public DateOnly ValidFrom { get; set; }
    public DateOnly? ValidTo { get; set; }
    public string? Evidence { get; set; }

    public static bool CountsByDefault(IncomeType type) => type is not (IncomeType.ResidentPension or IncomeType.Assistance);

    public bool AppliesOn(DateOnly day) => ValidFrom <= day && (ValidTo is null || ValidTo >= day);
}

internal sealed class MemberIncomeConfiguration : IEntityTypeConfiguration<MemberIncome>
{
    public void Configure(EntityTypeBuilder<MemberIncome> b)
    {
        b.Property(i => i.Type).HasConversion<string>().HasMaxLength(20);
        b.Property(i => i.Evidence).HasMaxLength(MemberIncome.EvidenceMaxLength);
        b.HasOne<Person>().WithMany().HasForeignKey(i => i.PersonId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(i => new { i.PersonId, i.ValidFrom });
    }
}
