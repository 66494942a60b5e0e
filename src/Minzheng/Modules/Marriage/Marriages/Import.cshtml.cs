using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Platform.Imports;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.Marriage.Marriages;

/// <summary>历史档案补录: upload a spreadsheet of old paper registrations; all rows are written, or none and every error is listed.</summary>
[Authorize(Policy = MarriageModule.Register)]
public sealed class ImportModel(MarriageHistoryImport import, UploadReader uploads, IConfiguration configuration) : PageModel
{
    public HistoricalImportResult? Result { get; private set; }
    public IReadOnlyList<ImportError> RowErrors { get; private set; } = [];
    public string? Problem { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(IFormFile? file, CancellationToken ct)
    {
        try
        {
            var (result, errors) = await import.ImportAsync(await uploads.ReadAsync(file, ct), file!.FileName, ct);
            Result = result;
            Show(errors, stopped: false);
        }
        catch (TooManyImportErrorsException ex)
        {
            Show(ex.Errors, stopped: true);
        }
        catch (UnreadableFileException ex)
        {
            Problem = ex.Message;
        }

        return Page();
    }

    private void Show(ImportErrorList errors, bool stopped)
    {
        var shown = configuration.ShownImportErrors();
        RowErrors = errors.Take(shown).ToList();
        Problem = errors.Count == 0 ? null : $"文件中有错误，未写入任何登记：{ImportErrorList.Summary(errors.Count, shown, stopped)}";
    }
}
