using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Minzheng.Platform.Data;

namespace Minzheng.Platform.Calendar;

/// <summary>A year whose holiday notice has been loaded (built in or set by the administrator).</summary>
public sealed class CalendarYear : AuditableEntity
{
    public int Year { get; set; }

    /// <summary>Where the data comes from, e.g. the State Council notice's number.</summary>
    public string Source { get; set; } = "";
}

public enum CalendarDayKind
{
    Holiday = 1,
    Workday = 2,
}

/// <summary>An exception to the weekend rule: a holiday on a weekday or a make-up workday (调休) at a weekend.</summary>
public sealed class CalendarDay
{
    public DateOnly Date { get; set; }
    public int Year { get; set; }
    public CalendarDayKind Kind { get; set; }
}

internal sealed class CalendarYearConfiguration : IEntityTypeConfiguration<CalendarYear>
{
    public void Configure(EntityTypeBuilder<CalendarYear> b)
    {
        b.HasKey(y => y.Year);
        b.Property(y => y.Year).ValueGeneratedNever();
        b.Property(y => y.Source).HasMaxLength(200);
    }
}

internal sealed class CalendarDayConfiguration : IEntityTypeConfiguration<CalendarDay>
{
    public void Configure(EntityTypeBuilder<CalendarDay> b)
    {
        b.HasKey(d => d.Date);
        b.Property(d => d.Kind).HasConversion<int>();
        b.HasIndex(d => d.Year);
        b.HasOne<CalendarYear>().WithMany().HasForeignKey(d => d.Year).OnDelete(DeleteBehavior.Cascade);
    }
}
