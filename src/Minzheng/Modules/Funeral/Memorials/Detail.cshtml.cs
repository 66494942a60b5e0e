using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Platform.Attachments;
using Minzheng.Platform.Calendar;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.Funeral.Memorials;

/// <summary>One booking: the family's contact in full, the photos of the service, and the steps open now (record the service, cancel).</summary>
[Authorize(Policy = FuneralModule.Record)]
public sealed class DetailModel(MemorialService bookings, AttachmentService attachments, TimeProvider clock) : PageModel
{
    public MemorialDetail? Booking { get; private set; }
    public AttachmentPanel? Photos { get; private set; }
    public IReadOnlyList<string> Errors { get; private set; } = [];

    public string Today => clock.Today().ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostDeliverAsync(Guid id, string? deliveredOn, string? deliveredBy, CancellationToken ct) =>
        await AfterAsync(id, await bookings.DeliverAsync(id, new MemorialDeliveryRequest(deliveredOn, deliveredBy), MemorialEndpoints.Roles(User), ct), "已登记服务完成", ct);

    public async Task<IActionResult> OnPostCancelAsync(Guid id, string? reason, CancellationToken ct) =>
        await AfterAsync(id, await bookings.CancelAsync(id, new MemorialCancelRequest(reason), MemorialEndpoints.Roles(User), ct), "已取消预约", ct);

    private async Task<IActionResult> AfterAsync(Guid id, Cremations.FuneralResult<MemorialRow> result, string done, CancellationToken ct)
    {
        if (result.Value is not null)
        {
            TempData["Saved"] = done;
            return RedirectToPage("Detail", new { id });
        }

        Errors = PageMessages.For(result.Errors.Any ? result.Errors.Messages : [result.Message ?? ""]);
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        Booking = await bookings.DetailAsync(id, MemorialEndpoints.Roles(User), ct);
        Photos = Booking is null ? null : await attachments.PanelAsync(User, MemorialAttachmentOwner.Type, id, $"/Memorials/Detail?id={id}#attachments", ct);
        return Booking is not null;
    }
}
