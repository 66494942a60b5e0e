using Microsoft.AspNetCore.Authorization;
using Minzheng.Platform.Imports;

namespace Minzheng.Modules.Marriage.Marriages;

/// <summary>历史档案补录: upload a spreadsheet of old paper registrations, read every error by row, then confirm — all rows or none.</summary>
[Authorize(Policy = MarriageModule.Register)]
public sealed class ImportModel(StagedImports imports) : StagedImportPage(imports)
{
    private static readonly string[] PageKinds = [MarriageHistoryImport.KindName];

    protected override IReadOnlyList<string> Kinds => PageKinds;
}
