using Minzheng.Platform.Data;

namespace Minzheng.Modules.SocialAssistance.Cases;

/// <summary>
/// The township reserve fund (备用金) for 先行救助 (POLICY §3): allocations from the county are positive, emergency
/// payments negative; the balance is the sum. Rows are never changed, only added.
/// </summary>
public sealed class ReserveFundEntry : AuditableEntity, IRegionScoped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>The township (9-digit prefix padded to 12) that holds the fund.</summary>
    public string RegionCode { get; set; } = "";

    public DateOnly Date { get; set; }
    public decimal Amount { get; set; }
    public Guid? CaseId { get; set; }
    public string? Note { get; set; }
}
