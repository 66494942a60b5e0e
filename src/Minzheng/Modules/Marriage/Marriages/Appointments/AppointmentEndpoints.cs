using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http.HttpResults;
using Minzheng.Platform.Kernel;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.Marriage.Marriages.Appointments;

/// <summary>
/// 婚姻登记预约 over HTTP: the public part (anonymous: registries, free places, booking, look-up and cancellation with the
/// reference code and an ID number; booking and cancelling rate-limited per client address) and the registry's part
/// (daily list, telephone booking, check-in, completion, cancellation, settings).
/// </summary>
public static class AppointmentEndpoints
{
    /// <summary>The rate-limit policy of the anonymous booking endpoints and the public booking page's submissions.</summary>
    public const string PublicPolicy = "marriage-public-booking";

    /// <summary>Submissions (bookings, look-ups, cancellations) per client address and minute; reading free places is not limited.</summary>
    public static void AddPublicRateLimit(IServiceCollection services) =>
        services.AddRateLimiter(o => o.AddPolicy(PublicPolicy, http => HttpMethods.IsGet(http.Request.Method)
            ? RateLimitPartition.GetNoLimiter("read")
            : RateLimitPartition.GetFixedWindowLimiter(http.Connection.RemoteIpAddress?.ToString() ?? "unknown", _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = http.RequestServices.GetRequiredService<IConfiguration>().GetValue("Marriage:Appointments:PublicSubmissionsPerMinute", 20),
                Window = TimeSpan.FromMinutes(1),
                QueueLimit = 0,
            })));

    public static void MapAppointments(this RouteGroupBuilder api)
    {
        var open = api.MapGroup("/public/marriage").WithTags("MarriageAppointmentsPublic").AllowAnonymous();
        open.MapGet("/registries", async (AppointmentTimetables t, CancellationToken ct) => TypedResults.Ok(await t.RegistriesAsync(ct)))
            .WithName("MarriageAppointments_Registries").WithSummary("提供网上预约的婚姻登记处");
        open.MapGet("/appointments/slots", Slots).WithName("MarriageAppointments_Slots").WithSummary("某登记处某日各时段的剩余名额（休息日、超出预约期的日期说明原因）");
        var book = open.MapGroup("/appointments").RequireRateLimiting(PublicPolicy);
        book.MapPost("/", BookOnline).WithName("MarriageAppointments_Book").WithSummary("网上预约婚姻登记：双方姓名、身份证号、联系电话；成功返回预约号");
        book.MapPost("/{code}/lookup", Lookup).WithName("MarriageAppointments_Lookup").WithSummary("凭预约号和一方身份证号查询预约");
        book.MapPost("/{code}/cancel", CancelByCitizen).WithName("MarriageAppointments_Cancel").WithSummary("凭预约号和一方身份证号取消预约");

        var staff = api.MapGroup("/marriage/appointments").WithTags("MarriageAppointments").RequireAuthorization(MarriageModule.Register);
        staff.MapGet("/", Daily).WithName("MarriageAppointments_Daily").WithSummary("预约日清单（默认今天；身份证号、电话脱敏；查看留痕）");
        staff.MapPost("/", BookForCouple).WithName("MarriageAppointments_BookForCouple").WithSummary("登记员代为预约（电话、现场）");
        staff.MapPost("/{id:guid}/check-in", (Guid id, AppointmentDesk d, CancellationToken ct) => Step(d.CheckInAsync(id, ct)))
            .WithName("MarriageAppointments_CheckIn").WithSummary("签到（预约当天到场）");
        staff.MapPost("/{id:guid}/complete", (Guid id, AppointmentDesk d, CancellationToken ct) => Step(d.CompleteAsync(id, ct)))
            .WithName("MarriageAppointments_Complete").WithSummary("标记已办理");
        staff.MapPost("/{id:guid}/cancel", (Guid id, AppointmentDesk d, CancellationToken ct) => Step(d.CancelByStaffAsync(id, ct)))
            .WithName("MarriageAppointments_CancelByStaff").WithSummary("取消预约");
        var settings = api.MapGroup("/marriage/appointment-settings").WithTags("MarriageAppointments").RequireAuthorization(MarriageModule.Supervise);
        settings.MapGet("/", async (AppointmentSettings s, CancellationToken ct) => TypedResults.Ok(await s.GetAsync(ct)))
            .WithName("MarriageAppointments_Settings").WithSummary("本登记处的预约设置：时段与名额、可预约天数、特殊日期");
        settings.MapPut("/", SaveSettings).WithName("MarriageAppointments_SaveSettings").WithSummary("修改预约设置（婚姻登记处负责人）");
    }

    public static async Task<Results<Ok<DayOffer>, ValidationProblem>> Slots(string? registry, string? date, AppointmentTimetables timetables, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var day = AppointmentInput.Date(date, errors);
        var timetable = registry?.Trim() is { Length: Platform.Regions.RegionCode.Length } code ? await timetables.RegistryAsync(code, ct) : null;
        if (timetable is null)
        {
            errors.Add("registry", "请选择提供网上预约的婚姻登记处（registry，12位区划代码）");
        }

        return errors.Any ? errors.ToProblem() : TypedResults.Ok(await timetables.DayAsync(timetable!, day!.Value, ct));
    }

    public static async Task<Results<Created<AppointmentView>, Ok<AppointmentView>, ValidationProblem, ProblemHttpResult>> BookOnline(AppointmentRequest request,
        AppointmentBooking booking, CancellationToken ct) => Answer(await booking.BookOnlineAsync(request, ct));

    public static async Task<Results<Created<AppointmentView>, Ok<AppointmentView>, ValidationProblem, ProblemHttpResult>> BookForCouple(AppointmentRequest request,
        AppointmentBooking booking, CancellationToken ct) => Answer(await booking.BookForCoupleAsync(request, ct));

    public static async Task<Results<Ok<AppointmentView>, ProblemHttpResult>> Lookup(string code, AppointmentAccessRequest request, AppointmentDesk desk,
        CancellationToken ct) =>
        await desk.LookupAsync(code, request, ct) is { } view ? TypedResults.Ok(view) : ApiProblems.NotFound("未找到该预约：请核对预约号和当事人证件号码");

    public static async Task<Results<Ok<AppointmentView>, ValidationProblem, ProblemHttpResult>> CancelByCitizen(string code, AppointmentAccessRequest request,
        AppointmentDesk desk, CancellationToken ct) => Step(await desk.CancelByCitizenAsync(code, request, ct));

    public static async Task<Results<Ok<DailyList>, ValidationProblem>> Daily(string? date, AppointmentDesk desk, TimeProvider clock, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var day = string.IsNullOrWhiteSpace(date) ? Platform.Calendar.ChinaTime.Today(clock) : AppointmentInput.Date(date, errors);
        return errors.Any ? errors.ToProblem() : TypedResults.Ok(await desk.DailyAsync(day!.Value, ct));
    }

    public static async Task<Results<Ok<AppointmentSettingsRequest>, ValidationProblem>> SaveSettings(AppointmentSettingsRequest request,
        AppointmentSettings settings, CancellationToken ct)
    {
        var errors = await settings.SaveAsync(request, ct);
        return errors.Any ? errors.ToProblem() : TypedResults.Ok(await settings.GetAsync(ct));
    }

    private static async Task<Results<Ok<AppointmentView>, ValidationProblem, ProblemHttpResult>> Step(Task<AppointmentResult<AppointmentView>> step) =>
        Step(await step);

    private static Results<Ok<AppointmentView>, ValidationProblem, ProblemHttpResult> Step(AppointmentResult<AppointmentView> result) => result.Outcome switch
    {
        Outcome.Done => TypedResults.Ok(result.Value!),
        Outcome.Invalid => result.Errors.ToProblem(),
        _ => ApiProblems.For(result.Outcome, result.Message!),
    };

    /// <summary>201 for a new booking, 200 with the same booking for a repeated submission; a day that cannot be booked is 422 naming the field.</summary>
    private static Results<Created<AppointmentView>, Ok<AppointmentView>, ValidationProblem, ProblemHttpResult> Answer(AppointmentResult<AppointmentView> result) =>
        result.Outcome switch
        {
            Outcome.Done when result.Repeated => TypedResults.Ok(result.Value!),
            Outcome.Done => TypedResults.Created($"/api/v1/marriage/appointments/{result.Value!.Id}", result.Value),
            Outcome.Invalid => result.Errors.ToProblem(),
            Outcome.Rejected when result.Errors.Any => FieldProblem(422, result),
            _ => ApiProblems.For(result.Outcome, result.Message!),
        };

    private static ProblemHttpResult FieldProblem(int status, AppointmentResult<AppointmentView> result) =>
        TypedResults.Problem(detail: result.Message, statusCode: status, title: ApiProblems.ChineseTitle(status),
            extensions: new Dictionary<string, object?> { ["errors"] = result.Errors.ToDictionary() });
}
