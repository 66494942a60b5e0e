using Minzheng.Platform.Imports;

namespace Minzheng.Platform.Regions;

/// <summary>Reads <c>code,name</c> rows of an official code list (CSV or XLSX) with the shared spreadsheet reader.</summary>
public static class RegionFileReader
{
    public sealed record Line(int Row, string Code, string Name);

    private static readonly string[] CodeHeaders = ["code", "区划代码", "代码"];
    private static readonly string[] NameHeaders = ["name", "区划名称", "名称"];

    /// <summary>
    /// The non-blank rows, streamed from the reader (which bounds cells and unpacked size): blank rows cost nothing,
    /// and a file the reader refuses is one error naming why.
    /// </summary>
    public static (IReadOnlyList<Line> Rows, ImportError? Error) Read(Stream file, string fileName)
    {
        byte[] content;
        if (file is MemoryStream memory && memory.Position == 0)
        {
            content = memory.ToArray();
        }
        else
        {
            using var buffer = new MemoryStream();
            file.CopyTo(buffer);
            content = buffer.ToArray();
        }

        try
        {
            var (codeColumn, nameColumn) = (-1, -1);
            var rows = new List<Line>();
            var headerSeen = false;
            foreach (var (row, cells) in SpreadsheetReader.Read(content, fileName))
            {
                if (!headerSeen)
                {
                    headerSeen = true;
                    codeColumn = Array.FindIndex(cells, c => CodeHeaders.Contains(c, StringComparer.OrdinalIgnoreCase));
                    nameColumn = Array.FindIndex(cells, c => NameHeaders.Contains(c, StringComparer.OrdinalIgnoreCase));
                    if (codeColumn < 0 || nameColumn < 0)
                    {
                        return ([], new ImportError(1, "header", "表头应为“区划代码,区划名称”"));
                    }

                    continue;
                }

                var line = new Line(row, At(cells, codeColumn), At(cells, nameColumn));
                if (line.Code.Length > 0 || line.Name.Length > 0)
                {
                    rows.Add(line);
                }
            }

            return headerSeen ? (rows, null) : ([], new ImportError(1, "file", "文件为空，应有表头行“区划代码,区划名称”"));
        }
        catch (UnreadableFileException ex)
        {
            return ([], new ImportError(0, "file", ex.Message));
        }
    }

    private static string At(string[] cells, int i) => i < cells.Length ? cells[i].Trim() : "";
}
