using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Platform.Web;

namespace Minzheng.Platform.Imports;

/// <summary>
/// A module's import page on the platform's staged import: upload and check, read the errors by row, download them all,
/// fix, then confirm — the rows are written all at once or not at all. The module's page says which kinds it takes
/// (its own policy guards it) and shows the staged batch with the shared partial <c>_StagedImport</c>.
/// </summary>
public abstract class StagedImportPage(StagedImports imports) : PageModel
{
    /// <summary>The kinds this page stages and commits; the first is taken when the form names none.</summary>
    protected abstract IReadOnlyList<string> Kinds { get; }

    public StagedImport? Staged { get; private set; }
    public CommitResult? Committed { get; private set; }
    public string? FileError { get; private set; }

    /// <summary>A file refused for too many errors: the first of them, to fix the file by.</summary>
    public IReadOnlyList<ImportError> RefusedErrors { get; private set; } = [];

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostUploadAsync(string? kind, IFormFile? file, CancellationToken ct)
    {
        var chosen = imports.Find(Kinds.Contains(kind) ? kind : Kinds[0])!;
        try
        {
            Staged = await imports.StageUploadAsync(chosen, file, ct);
        }
        catch (TooManyImportErrorsException ex)
        {
            (FileError, RefusedErrors) = (ex.Message, ex.Errors.Take(imports.ShownErrors).ToList());
        }
        catch (UnreadableFileException ex)
        {
            FileError = ex.Message;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostCommitAsync(Guid id, bool skipInvalid, CancellationToken ct)
    {
        var result = await imports.CommitAsync(id, Kinds.ToHashSet(), skipInvalid, ct);
        switch (result.Outcome)
        {
            case CommitOutcome.NotFound:
                return NotFound();
            case CommitOutcome.Committed:
                Committed = result;
                break;
            case CommitOutcome.AlreadyCommitted:
                FileError = $"该批次已经导入（{result.Imported}行），不能重复导入";
                break;
            case CommitOutcome.Invalid:
                Staged = await imports.GetAsync(id, Kinds.ToHashSet(), ct) is { } s
                    ? StagedImport.Of(id, s.Kind, s.TotalRows, Math.Max(0, s.TotalRows - result.Errors.Count), result.Errors, imports.ShownErrors)
                    : null;
                FileError = "数据已发生变化，有行不能导入，未写入任何数据";
                break;
        }

        return Page();
    }

    /// <summary>The full error list of a batch as xlsx (row, column, message), formula-safe.</summary>
    public async Task<IActionResult> OnGetErrorsAsync(Guid id, CancellationToken ct)
    {
        if (await imports.GetErrorsAsync(id, Kinds.ToHashSet(), ct) is not { } staged)
        {
            return NotFound();
        }

        var rows = staged.Errors.Select(e => new Dictionary<string, object?>
        {
            ["行号"] = e.Row,
            ["列"] = SpreadsheetText.Safe(e.Column),
            ["问题"] = SpreadsheetText.Safe(e.Message),
        });
        using var stream = new MemoryStream();
        await XlsxWriter.WriteAsync(stream, [XlsxSheet.Of("错误清单", rows, headers: ["行号", "列", "问题"])], ct);
        return File(stream.ToArray(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "import-errors.xlsx");
    }
}
