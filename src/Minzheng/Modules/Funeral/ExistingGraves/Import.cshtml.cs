using Microsoft.AspNetCore.Authorization;
using Minzheng.Platform.Imports;

namespace Minzheng.Modules.Funeral.ExistingGraves;

/// <summary>已有坟墓批量登记: a village's survey sheet uploaded, checked row by row, then registered all at once.</summary>
[Authorize(Policy = FuneralModule.Record)]
public sealed class ImportModel(StagedImports imports) : StagedImportPage(imports)
{
    private static readonly string[] PageKinds = [ExistingGraveImport.KindName];

    protected override IReadOnlyList<string> Kinds => PageKinds;
}
