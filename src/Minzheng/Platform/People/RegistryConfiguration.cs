using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;


namespace Minzheng.Platform.People;

internal sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> b)
    {
        b.Property(p => p.Name).HasMaxLength(Person.NameMaxLength);
        b.Property(p => p.IdNumberCipher).HasMaxLength(200);
        b.Property(p => p.IdNumberIndex).HasMaxLength(64);
        b.Property(p => p.IdNumberMasked).HasMaxLength(18);
        b.Property(p => p.PhoneCipher).HasMaxLength(200);
        b.Property(p => p.PhoneMasked).HasMaxLength(20);
        b.Property(p => p.Gender).HasConversion<string>().HasMaxLength(8);
        b.Property(p => p.SelfCare).HasConversion<string>().HasMaxLength(8);
        b.Property(p => p.Ethnicity).HasMaxLength(Person.EthnicityMaxLength);
        b.Property(p => p.HukouRegionCode).HasMaxLength(12);
        b.Property(p => p.DisabilityType).HasConversion<string>().HasMaxLength(16);
        b.Property(p => p.DisabilityCertificateCipher).HasMaxLength(200);
        b.Property(p => p.Employment).HasConversion<string>().HasMaxLength(16);
        // One person per ID number in the whole database, across every region.
        b.HasIndex(p => p.IdNumberIndex).IsUnique();
        b.HasIndex(p => p.Name);
    }
}

internal sealed class HouseholdConfiguration : IEntityTypeConfiguration<Household>
{
    public void Configure(EntityTypeBuilder<Household> b)
    {
        b.Property(h => h.Address).HasMaxLength(Household.AddressMaxLength);
        b.Property(h => h.HukouType).HasConversion<string>().HasMaxLength(8);
        b.Property(h => h.BankName).HasMaxLength(50);
        b.Property(h => h.BankAccountCipher).HasMaxLength(200);
        b.Property(h => h.BankAccountMasked).HasMaxLength(20);
        b.Property(h => h.BankAccountHolder).HasMaxLength(Person.NameMaxLength);
        b.HasMany(h => h.Members).WithOne().HasForeignKey(m => m.HouseholdId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Person>().WithMany().HasForeignKey(h => h.HeadPersonId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class HouseholdMemberConfiguration : IEntityTypeConfiguration<HouseholdMember>
{
    public void Configure(EntityTypeBuilder<HouseholdMember> b)
    {
        b.Property(m => m.Relationship).HasConversion<string>().HasMaxLength(12);
        b.HasOne(m => m.Person).WithMany().HasForeignKey(m => m.PersonId).OnDelete(DeleteBehavior.Restrict);
        // A person belongs to at most one household at a time: one open membership per person.
        b.HasIndex(m => m.PersonId).IsUnique().HasFilter("\"ValidTo\" IS NULL");
        b.HasIndex(m => new { m.HouseholdId, m.ValidFrom });
    }
}
