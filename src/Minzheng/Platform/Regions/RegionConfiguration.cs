using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;


namespace Minzheng.Platform.Regions;

internal sealed class RegionConfiguration : IEntityTypeConfiguration<Region>
{
    public void Configure(EntityTypeBuilder<Region> b)
    {
        b.HasKey(r => r.Code);
        b.Property(r => r.Code).HasMaxLength(RegionCode.Length).IsFixedLength();
        b.Property(r => r.ParentCode).HasMaxLength(RegionCode.Length).IsFixedLength();
        b.Property(r => r.Name).HasMaxLength(Region.NameMaxLength);
        b.Property(r => r.Level).HasConversion<int>();
        b.HasIndex(r => r.ParentCode);
        b.HasOne<Region>().WithMany().HasForeignKey(r => r.ParentCode).OnDelete(DeleteBehavior.Restrict);
    }
}
