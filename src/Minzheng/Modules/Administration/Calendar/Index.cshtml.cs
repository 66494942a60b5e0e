using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Platform.Calendar;
using Minzheng.Platform.Security;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.Administration.Calendar;

[Authorize(Policy = Policies.ManageSystem)]
public sealed class IndexModel(CalendarService calendars, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    [BindProperty]
    [System.ComponentModel.DataAnnotations.DataType(System.ComponentModel.DataAnnotations.DataType.MultilineText)]
    [System.ComponentModel.DataAnnotations.MaxLength(8000)]
    public string? Holidays { get; set; }

    [BindProperty]
    [System.ComponentModel.DataAnnotations.DataType(System.ComponentModel.DataAnnotations.DataType.MultilineText)]
    [System.ComponentModel.DataAnnotations.MaxLength(8000)]
    public string? Workdays { get; set; }

    [BindProperty]
    public string? Source { get; set; }

    public CalendarYearDto? Data { get; private set; }
    public List<string> Errors { get; private set; } = [];
    public bool Saved { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var year = Year ?? clock.Today().Year;
        var request = new CalendarYearRequest(Split(Holidays), Split(Workdays), Source);
        var result = await CalendarEndpoints.SetYear(year, request, calendars, ct);
        if (result.Result is Microsoft.AspNetCore.Http.HttpResults.ValidationProblem problem)
        {
            Errors = problem.ProblemDetails.Errors.SelectMany(e => e.Value).ToList();
        }
        else
        {
            Saved = true;
        }

        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Year ??= clock.Today().Year;
        Data = await calendars.GetYearAsync(Year.Value, ct);
        if (Errors.Count == 0)
        {
            Holidays = string.Join("\n", Data.Holidays.Select(Format));
            Workdays = string.Join("\n", Data.Workdays.Select(Format));
            Source = Data.Source;
        }
    }

    private static string Format(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string[] Split(string? text) =>
        (text ?? "").Split(['\n', '\r', ',', '，', ' ', '、'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
