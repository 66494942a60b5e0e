using System.Collections;
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using Minzheng.Platform.Web;

namespace Minzheng.Platform.Imports;

/// <summary>One problem of an uploaded file: spreadsheet row (the header is row 1), column header and the Chinese message.</summary>
public sealed record ImportError(int Row, string Column, string Message);

/// <summary>
/// The errors of one uploaded file, bounded: a file of a million bad rows would otherwise hold millions of messages
/// and answer with hundreds of MB (security item 4). Up to <see cref="Limit"/> errors are kept — the full list the
/// report download serves; one more stops the reading with <see cref="TooManyImportErrorsException"/>. Answers show
/// the first <see cref="ImportLimits.ShownImportErrors"/> with the total and the counts by column.
/// </summary>
public sealed class ImportErrorList(int limit = ImportErrorList.DefaultLimit) : IReadOnlyList<ImportError>
{
    public const int DefaultLimit = 10_000;
    public const int DefaultShown = 200;

    private readonly List<ImportError> _items = [];

    public int Limit { get; } = Math.Max(1, limit);

    public int Count => _items.Count;

    public ImportError this[int index] => _items[index];

    /// <exception cref="TooManyImportErrorsException">When the list is full: the file is refused, not read further.</exception>
    public void Add(ImportError error)
    {
        if (_items.Count >= Limit)
        {
            SortFrom(0);
            throw new TooManyImportErrorsException(this);
        }

        _items.Add(error);
    }

    public void Clear() => _items.Clear();

    /// <summary>Puts the errors from <paramref name="start"/> on into row order (stable: a row keeps its own order).</summary>
    public void SortFrom(int start)
    {
        var sorted = _items.Skip(start).OrderBy(e => e.Row).ToList();
        _items.RemoveRange(start, sorted.Count);
        _items.AddRange(sorted);
    }

    public IReadOnlyDictionary<string, int> ByColumn() =>
        _items.GroupBy(e => e.Column).OrderByDescending(g => g.Count()).ToDictionary(g => g.Key, g => g.Count());

    /// <summary>"共N处错误，仅显示前200处" (or just the total when all are shown); null without errors.</summary>
    public static string? Summary(int count, int shown, bool stopped = false) => count == 0 ? null : string.Create(CultureInfo.InvariantCulture,
        $"{(stopped ? "超过" : "共")}{count}处错误{(count > shown ? $"，仅显示前{shown}处" : "")}{(stopped ? "，已停止检查" : "")}");

    /// <summary>The extension members of a ProblemDetails refusing the file for these errors.</summary>
    public void AddTo(ProblemDetails problem, int shown, bool stopped = false)
    {
        problem.Extensions["errorCount"] = Count;
        problem.Extensions["errorSummary"] = Summary(Count, shown, stopped);
        problem.Extensions["errorsByColumn"] = ByColumn();
        problem.Extensions["errors"] = _items.Take(shown).ToList();
    }

    /// <summary>The list as CSV (UTF-8 with BOM so Excel opens it as Chinese text), formula-safe.</summary>
    public static byte[] ToCsv(IEnumerable<ImportError> errors)
    {
        var text = new StringBuilder("行号,列,问题\r\n");
        foreach (var e in errors)
        {
            text.Append(e.Row.ToString(CultureInfo.InvariantCulture)).Append(',').Append(Quote(e.Column)).Append(',').Append(Quote(e.Message)).Append("\r\n");
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];

        static string Quote(string value) => "\"" + (SpreadsheetText.Safe(value) ?? "").Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    public IEnumerator<ImportError> GetEnumerator() => _items.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

/// <summary>More errors than a file may have: reading stopped at the limit; the answer carries the first ones and the counts.</summary>
public sealed class TooManyImportErrorsException(ImportErrorList errors)
    : UnreadableFileException(string.Create(CultureInfo.InvariantCulture,
        $"文件错误过多：超过{errors.Limit}处错误，已停止检查，未导入任何数据。请按错误清单（前{Math.Min(errors.Count, ImportErrorList.DefaultShown)}处及各列错误数）修正后重新上传"))
{
    public ImportErrorList Errors { get; } = errors;
}
