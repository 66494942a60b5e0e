using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Minzheng.Modules.SocialAssistance.Cases;

internal sealed class AssistanceCaseConfiguration : IEntityTypeConfiguration<AssistanceCase>
{
    public void Configure(EntityTypeBuilder<AssistanceCase> b)
    {
        b.ToTable("Cases");
        b.Property(c => c.Program).HasMaxLength(32);
        b.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
        foreach (var text in new[] { nameof(AssistanceCase.RelativeReview), nameof(AssistanceCase.Findings), nameof(AssistanceCase.CheckNote),
                     nameof(AssistanceCase.DemocraticReview), nameof(AssistanceCase.TownshipOpinion), nameof(AssistanceCase.DecisionReason) })
        {
            b.Property(text).HasMaxLength(AssistanceCase.TextMaxLength);
        }

        b.Property(c => c.Investigators).HasMaxLength(200);
        b.Property(c => c.CalculationJson).HasMaxLength(20_000);
        b.Property(c => c.TemporaryCategory).HasMaxLength(16);
        b.Property(c => c.AidPlace).HasMaxLength(16);
        b.Ignore(c => c.IsClosed);
        b.HasOne<Minzheng.Platform.People.Household>().WithMany().HasForeignKey(c => c.HouseholdId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Minzheng.Platform.People.Person>().WithMany().HasForeignKey(c => c.ApplicantPersonId).OnDelete(DeleteBehavior.Restrict);
        // Work lists and the deadline board: open cases by region and due date.
        b.HasIndex(c => new { c.RegionCode, c.Status, c.DueOn });
        b.HasIndex(c => new { c.HouseholdId, c.Program });
    }
}

internal sealed class CaseEventConfiguration : IEntityTypeConfiguration<CaseEvent>
{
    public void Configure(EntityTypeBuilder<CaseEvent> b)
    {
        b.Property(e => e.Actor).HasMaxLength(64);
        b.Property(e => e.Action).HasMaxLength(40);
        b.Property(e => e.From).HasConversion<string>().HasMaxLength(20);
        b.Property(e => e.To).HasConversion<string>().HasMaxLength(20);
        b.Property(e => e.Note).HasMaxLength(AssistanceCase.TextMaxLength + 100);
        b.HasOne<AssistanceCase>().WithMany().HasForeignKey(e => e.CaseId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(e => new { e.CaseId, e.At });
    }
}

internal sealed class ReserveFundEntryConfiguration : IEntityTypeConfiguration<ReserveFundEntry>
{
    public void Configure(EntityTypeBuilder<ReserveFundEntry> b)
    {
        b.Property(e => e.Note).HasMaxLength(200);
        b.HasIndex(e => new { e.RegionCode, e.Date });
    }
}
