namespace Minzheng.Modules.Funeral.Memorials;

/// <param name="BurialId">The person buried in a plot of the county; or else</param>
/// <param name="CremationId">a person cremated in the county whose ashes rest in the 骨灰堂 <paramref name="FacilityId"/> (niche in <paramref name="Niche"/>).</param>
public sealed record MemorialRequest(string? Kind, Guid? BurialId, Guid? CremationId, Guid? FacilityId, string? Niche, string[]? Services, string? RequestedOn,
    string? ContactName, string? ContactPhone, string? Message);

public sealed record MemorialDeliveryRequest(string? DeliveredOn, string? DeliveredBy);

public sealed record MemorialCancelRequest(string? Reason);

public sealed record MemorialFilter(string? Date = null, string? Status = null, string? Kind = null, Guid? FacilityId = null);

/// <summary>A booking as lists show it: the family's phone masked; <see cref="Photos"/> counts the proof kept as attachments.</summary>
public sealed record MemorialRow(Guid Id, string RegionCode, Guid FacilityId, string FacilityName, string DeceasedName, string Place, string Kind, string KindName,
    string ServiceNames, DateOnly RequestedOn, DateOnly BookedOn, string ContactName, string ContactPhoneMasked, string Status, string StatusName, bool Overdue,
    DateOnly? DeliveredOn, string? DeliveredBy, string? CancelReason, int Photos);

/// <summary>The booking for the staff who serve it: the phone in full (they call the family), the message, the steps open now.</summary>
public sealed record MemorialDetail(MemorialRow Booking, string ContactPhone, string? Message, IReadOnlyList<string> Actions);
