using Microsoft.AspNetCore.Authorization;
using Minzheng.Platform.Imports;
using Minzheng.Platform.Security;

namespace Minzheng.Modules.SocialAssistance.Imports;

/// <summary>Roster and verification-list import in the browser, on the platform's staged import.</summary>
[Authorize(Policy = AssistancePolicies.ImportRosters)]
public sealed class IndexModel(StagedImports imports) : StagedImportPage(imports)
{
    private static readonly string[] PageKinds = [AssistanceRoster.Kind, MemberRoster.Kind, .. CheckListImportKind.Kinds];

    protected override IReadOnlyList<string> Kinds => PageKinds;
}
