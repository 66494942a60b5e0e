using System.Globalization;
using System.Security;
using System.Text;

namespace Minzheng.Platform.Web;

/// <summary>The small fixed parts of the package <see cref="XlsxWriter"/> writes: content types, relationships, styles, the workbook.</summary>
internal static class XlsxParts
{
    public const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    public const string Relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    /// <summary>Indexes into cellXfs below.</summary>
    public const int HeaderStyle = 1, TextStyle = 2, IntegerStyle = 3, MoneyStyle = 4, TotalTextStyle = 5, TotalMoneyStyle = 6, TotalIntegerStyle = 7,
        TextColumnStyle = 8;

    /// <summary>The custom number format of money cells.</summary>
    public const int MoneyFormatId = 164;

    public static int StyleOf(XlsxCellKind kind, bool total) => kind switch
    {
        XlsxCellKind.Money => total ? TotalMoneyStyle : MoneyStyle,
        XlsxCellKind.Integer => total ? TotalIntegerStyle : IntegerStyle,
        _ => total ? TotalTextStyle : TextStyle,
    };

    // 宋体 11 is what Chinese Excel and WPS open with, so the fitted widths match what a clerk sees; thin borders keep
    // the printed table readable; text cells wrap, so a capped column shows its whole content on more lines.
    public static readonly string Styles = $"""
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <styleSheet xmlns="{Main}">
        <numFmts count="1"><numFmt numFmtId="{MoneyFormatId}" formatCode="0.00"/></numFmts>
        <fonts count="2"><font><sz val="11"/><name val="宋体"/><family val="3"/><charset val="134"/></font><font><b/><sz val="11"/><name val="宋体"/><family val="3"/><charset val="134"/></font></fonts>
        <fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>
        <borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border><border><left style="thin"><color auto="1"/></left><right style="thin"><color auto="1"/></right><top style="thin"><color auto="1"/></top><bottom style="thin"><color auto="1"/></bottom><diagonal/></border></borders>
        <cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>
        <cellXfs count="9">
        <xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>
        <xf numFmtId="49" fontId="1" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyFont="1" applyBorder="1" applyAlignment="1"><alignment horizontal="center" vertical="center" wrapText="1"/></xf>
        <xf numFmtId="49" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyBorder="1" applyAlignment="1"><alignment vertical="center" wrapText="1"/></xf>
        <xf numFmtId="1" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyBorder="1" applyAlignment="1"><alignment vertical="center"/></xf>
        <xf numFmtId="{MoneyFormatId}" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyBorder="1" applyAlignment="1"><alignment vertical="center"/></xf>
        <xf numFmtId="49" fontId="1" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyFont="1" applyBorder="1" applyAlignment="1"><alignment vertical="center"/></xf>
        <xf numFmtId="{MoneyFormatId}" fontId="1" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyFont="1" applyBorder="1" applyAlignment="1"><alignment vertical="center"/></xf>
        <xf numFmtId="1" fontId="1" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyFont="1" applyBorder="1" applyAlignment="1"><alignment vertical="center"/></xf>
        <xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
        </cellXfs>
        <cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>
        </styleSheet>
        """;

    public const string PackageRelationships = $"""
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{Relationships}/officeDocument" Target="xl/workbook.xml"/></Relationships>
        """;

    public static string ContentTypes(int sheets)
    {
        var xml = new StringBuilder("""
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>
            """);
        for (var i = 1; i <= sheets; i++)
        {
            xml.Append(CultureInfo.InvariantCulture, $"""<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>""");
        }

        return xml.Append("</Types>").ToString();
    }

    public static string WorkbookRelationships(int sheets)
    {
        var xml = new StringBuilder("""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>""" + "\n" + """<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">""");
        for (var i = 1; i <= sheets; i++)
        {
            xml.Append(CultureInfo.InvariantCulture, $"""<Relationship Id="rId{i}" Type="{Relationships}/worksheet" Target="worksheets/sheet{i}.xml"/>""");
        }

        return xml.Append(CultureInfo.InvariantCulture, $"""<Relationship Id="rId{sheets + 1}" Type="{Relationships}/styles" Target="styles.xml"/></Relationships>""").ToString();
    }

    /// <summary>
    /// The sheets with their print titles (row 1 repeated on every printed page) and, where a sheet has data, the range
    /// its filter buttons cover.
    /// </summary>
    public static string Workbook(IReadOnlyList<(string Name, string? FilterRange)> sheets)
    {
        var xml = new StringBuilder($"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>""" + "\n"
            + $"""<workbook xmlns="{Main}" xmlns:r="{Relationships}"><bookViews><workbookView/></bookViews><sheets>""");
        for (var i = 0; i < sheets.Count; i++)
        {
            xml.Append(CultureInfo.InvariantCulture, $"""<sheet name="{Escape(sheets[i].Name)}" sheetId="{i + 1}" r:id="rId{i + 1}"/>""");
        }

        xml.Append("</sheets><definedNames>");
        for (var i = 0; i < sheets.Count; i++)
        {
            var quoted = "'" + sheets[i].Name.Replace("'", "''", StringComparison.Ordinal) + "'";
            if (sheets[i].FilterRange is { } range)
            {
                xml.Append(CultureInfo.InvariantCulture, $"""<definedName name="_xlnm._FilterDatabase" localSheetId="{i}" hidden="1">{Escape(quoted)}!{range}</definedName>""");
            }

            xml.Append(CultureInfo.InvariantCulture, $"""<definedName name="_xlnm.Print_Titles" localSheetId="{i}">{Escape(quoted)}!$1:$1</definedName>""");
        }

        return xml.Append("</definedNames></workbook>").ToString();
    }

    private static string Escape(string text) => SecurityElement.Escape(text);
}
