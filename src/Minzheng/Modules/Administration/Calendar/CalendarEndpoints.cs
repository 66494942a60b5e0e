using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Minzheng.Platform.Calendar;
using Minzheng.Platform.Security;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.Administration.Calendar;

public sealed record CalendarYearRequest(string[]? Holidays, string[]? Workdays, string? Source);


public sealed record WorkingDayResult(DateOnly Date, bool Confirmed);

public static class CalendarEndpoints
{
    // Deadlines run to a few months; a cap keeps a typo from spinning through centuries.
    public const int MaxDays = 3650;

    public static RouteGroupBuilder MapCalendar(this RouteGroupBuilder api)
    {
        var calendar = api.MapGroup("/calendar").WithTags("Calendar");
        calendar.MapPut("/{year:int}", SetYear).WithName("Calendar_SetYear").RequireAuthorization(Policies.ManageSystem)
            .WithSummary("设置某年的法定节假日和调休上班日（系统管理员）");
        calendar.MapGet("/{year:int}", GetYear).WithName("Calendar_GetYear").WithSummary("某年的节假日安排");
        calendar.MapGet("/add-working-days", AddWorkingDays).WithName("Calendar_AddWorkingDays")
            .WithSummary("从某日起（不含当日）计算N个工作日后的日期");
        return api;
    }

    public static async Task<Results<Ok<WorkingDayResult>, ValidationProblem>> AddWorkingDays(
        string? from, string? days, CalendarService calendars, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (!Minzheng.Platform.Web.InputValues.TryParseDate(from, out var start))
        {
            errors.Add("from", "起始日期 from 应为有效日期，格式 YYYY-MM-DD");
        }

        if (!int.TryParse(days, NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count > MaxDays)
        {
            errors.Add("days", $"工作日数 days 应为 0 到 {MaxDays} 之间的整数");
        }

        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var calendar = await calendars.GetAsync(ct);
        var end = calendar.AddWorkingDays(start, count);
        return TypedResults.Ok(new WorkingDayResult(end, calendar.IsConfirmed(start.Year) && calendar.IsConfirmed(end.Year)));
    }

    public static async Task<Results<Ok<CalendarYearDto>, ValidationProblem>> SetYear(
        int year, CalendarYearRequest request, CalendarService calendars, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (year is < 2000 or > 2100)
        {
            errors.Add("year", "年份应在2000到2100之间");
        }

        var holidays = ParseDates(request.Holidays, year, "holidays", errors);
        var workdays = ParseDates(request.Workdays, year, "workdays", errors);
        foreach (var both in holidays.Intersect(workdays))
        {
            errors.Add("workdays", $"{both:yyyy-MM-dd} 不能同时是节假日和调休上班日");
        }

        foreach (var weekday in workdays.Where(d => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)))
        {
            errors.Add("workdays", $"{weekday:yyyy-MM-dd} 是工作日，无需列为调休上班日");
        }

        if ((request.Source?.Length ?? 0) > 200)
        {
            errors.Add("source", "来源说明不能超过200字");
        }

        if (errors.Any)
        {
            return errors.ToProblem();
        }

        await calendars.SetYearAsync(year, holidays, workdays, request.Source?.Trim() ?? "系统管理员设置", ct);
        return TypedResults.Ok(new CalendarYearDto(year, true, request.Source, holidays.Order().ToList(), workdays.Order().ToList()));
    }

    public static async Task<Ok<CalendarYearDto>> GetYear(int year, CalendarService calendars, CancellationToken ct) =>
        TypedResults.Ok(await calendars.GetYearAsync(year, ct));

    private static HashSet<DateOnly> ParseDates(string[]? values, int year, string field, FieldErrors errors)
    {
        var dates = new HashSet<DateOnly>();
        for (var i = 0; i < (values?.Length ?? 0); i++)
        {
            if (!Minzheng.Platform.Web.InputValues.TryParseDate(values![i], out var date))
            {
                errors.Add(field, $"第{i + 1}项“{values[i]}”不是有效日期（YYYY-MM-DD）");
            }
            else if (date.Year != year)
            {
                errors.Add(field, $"第{i + 1}项 {values[i]} 不属于{year}年");
            }
            else
            {
                dates.Add(date);
            }
        }

        return dates;
    }
}
