using System.IO.Compression;
using System.Text;

namespace Minzheng.Tests.Modules.SocialAssistance.Imports;

/// <summary>
/// Small uploads that unpack to huge text (security item 4), built in memory. The long text is streamed into the zip
/// entry a block at a time, so building a 450-million-character string costs the test a few hundred KB, not gigabytes.
/// </summary>
internal static class HostileFiles
{
    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    /// <summary>A valid xlsx whose second shared string (cell A2) is <paramref name="chars"/> times 'A'.</summary>
    public static byte[] SharedStringBomb(long chars) => Xlsx(
        $"""<worksheet xmlns="{Main}"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row><row r="2"><c r="A2" t="s"><v>1</v></c></row></sheetData></worksheet>""",
        sharedStrings: zip => WriteEntry(zip, "xl/sharedStrings.xml", $"""<sst xmlns="{Main}" count="2" uniqueCount="2"><si><t>区划代码</t></si><si><t>""",
            chars, "</t></si></sst>"));

    /// <summary>A valid xlsx whose cell B2 holds an inline string of <paramref name="chars"/> times 'A'.</summary>
    public static byte[] InlineStringBomb(long chars) => Xlsx(sheet: null, sharedStrings: null, sheetWriter: zip => WriteEntry(zip, "xl/worksheets/sheet1.xml",
        $"""<worksheet xmlns="{Main}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>code</t></is></c></row><row r="2"><c r="B2" t="inlineStr"><is><t>""",
        chars, "</t></is></c></row></sheetData></worksheet>"));

    /// <summary>A valid one-cell xlsx with an extra entry of <paramref name="bytes"/> times 'A' (deflates ~1000:1).</summary>
    public static byte[] ZipBomb(long bytes) => Xlsx(
        $"""<worksheet xmlns="{Main}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>code</t></is></c></row></sheetData></worksheet>""",
        sharedStrings: zip => WriteEntry(zip, "docProps/padding.bin", "", bytes, ""));

    /// <summary>A sheet naming a column far beyond any roster's (XFD = 16384): readers size every row by it.</summary>
    public static byte[] WideSheet() => Xlsx(
        $"""<worksheet xmlns="{Main}"><dimension ref="A1:XFD1048576"/><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>code</t></is></c><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row></sheetData></worksheet>""",
        sharedStrings: null);

    /// <summary>The same package with short text: proves the builder makes a file the reader accepts.</summary>
    public static byte[] Harmless() => SharedStringBomb(10);

    private static byte[] Xlsx(string? sheet, Action<ZipArchive>? sharedStrings, Action<ZipArchive>? sheetWriter = null)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            Write(zip, "[Content_Types].xml", """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>""");
            Write(zip, "_rels/.rels", """<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>""");
            Write(zip, "xl/workbook.xml", $"""<workbook xmlns="{Main}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>""");
            Write(zip, "xl/_rels/workbook.xml.rels", """<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>""");
            if (sheet is not null)
            {
                Write(zip, "xl/worksheets/sheet1.xml", sheet);
            }

            sheetWriter?.Invoke(zip);
            sharedStrings?.Invoke(zip);
        }

        return buffer.ToArray();
    }

    private static void Write(ZipArchive zip, string name, string text) => WriteEntry(zip, name, text, 0, "");

    /// <summary>An entry of <paramref name="head"/>, <paramref name="repeat"/> times 'A' and <paramref name="tail"/>, streamed.</summary>
    private static void WriteEntry(ZipArchive zip, string name, string head, long repeat, string tail)
    {
        using var entry = zip.CreateEntry(name, CompressionLevel.SmallestSize).Open();
        entry.Write(Encoding.UTF8.GetBytes(head));
        var block = new byte[64 * 1024];
        Array.Fill(block, (byte)'A');
        for (var left = repeat; left > 0; left -= block.Length)
        {
            entry.Write(block, 0, (int)Math.Min(block.Length, left));
        }

        entry.Write(Encoding.UTF8.GetBytes(tail));
    }

    /// <summary>A CSV of the header and <paramref name="rows"/> blank rows (commas only), as a tool exporting an empty range writes it.</summary>
    public static byte[] BlankRowsCsv(string header, int rows, int columns)
    {
        var blank = new string(',', columns - 1) + "\r\n";
        var text = new StringBuilder(header.Length + 2 + (rows * blank.Length)).Append(header).Append("\r\n");
        for (var i = 0; i < rows; i++)
        {
            text.Append(blank);
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }
}
