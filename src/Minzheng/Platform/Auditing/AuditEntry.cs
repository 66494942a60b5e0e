using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Minzheng.Platform.Auditing;

public static class AuditOutcome
{
    public const string Success = "success";
    public const string Failure = "failure";
}

/// <summary>
/// One record of the append-only, hash-chained audit log (安全审计, POLICY §13): who, when (UTC), from where, what,
/// on which entity and region, with what outcome. <see cref="Hash"/> covers <see cref="PreviousHash"/> and the
/// entry's canonical form, so changing, removing or inserting a row breaks the chain at that row.
/// </summary>
public sealed class AuditEntry
{
    public const int ShortText = 64;
    public const int HashLength = 64;

    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>1, 2, 3 … without gaps; unique, so two writers can never fork the chain.</summary>
    public long Sequence { get; set; }

    /// <summary>UTC, truncated to microseconds so every database stores it exactly.</summary>
    public DateTimeOffset OccurredAt { get; set; }

    public string UserName { get; set; } = "";
    public string? Ip { get; set; }
    public string Action { get; set; } = "";
    public string Outcome { get; set; } = AuditOutcome.Success;
    public string? EntityType { get; set; }
    public string? EntityId { get; set; }
    public string? RegionCode { get; set; }

    /// <summary>JSON: changed fields (before/after, sensitive values masked) or the event's particulars.</summary>
    public string? Details { get; set; }

    public string PreviousHash { get; set; } = "";
    public string Hash { get; set; } = "";
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public const string Table = "AuditEntries";

    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.ToTable(Table);
        b.HasKey(e => e.Id);
        b.HasIndex(e => e.Sequence).IsUnique();
        b.HasIndex(e => e.OccurredAt);
        b.HasIndex(e => new { e.UserName, e.OccurredAt });
        b.HasIndex(e => new { e.RegionCode, e.OccurredAt });
        b.Property(e => e.UserName).HasMaxLength(AuditEntry.ShortText);
        b.Property(e => e.Ip).HasMaxLength(AuditEntry.ShortText);
        b.Property(e => e.Action).HasMaxLength(AuditEntry.ShortText);
        b.Property(e => e.Outcome).HasMaxLength(16);
        b.Property(e => e.EntityType).HasMaxLength(AuditEntry.ShortText);
        b.Property(e => e.EntityId).HasMaxLength(AuditEntry.ShortText);
        b.Property(e => e.RegionCode).HasMaxLength(12);
        b.Property(e => e.PreviousHash).HasMaxLength(AuditEntry.HashLength);
        b.Property(e => e.Hash).HasMaxLength(AuditEntry.HashLength);
    }
}
