using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Platform.Imports;
using Minzheng.Platform.Regions;
using Minzheng.Platform.Security;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.Administration.Regions;

[Authorize(Policy = Policies.ManageSystem)]
public sealed class IndexModel(RegionService regions, IConfiguration configuration) : PageModel
{
    /// <summary>The import limit of every upload (Imports:MaxFileMegabytes, 50 MB by default): the national list is 22 MB.</summary>
    public int MaxImportMegabytes => UploadReader.MaxMegabytesOf(configuration);

    [BindProperty(SupportsGet = true)]
    public string? Code { get; set; }

    [BindProperty]
    public NewRegionInput Input { get; set; } = new();

    public string Path { get; private set; } = "全部";
    public List<RegionDto> Children { get; private set; } = [];
    public string? Message { get; private set; }
    /// <summary>The first errors of a refused import (the page shows 200 at most, with the total).</summary>
    public List<ImportError> ImportErrors { get; private set; } = [];

    public string? ImportErrorSummary { get; private set; }

    /// <summary>The names an import replaced (the first <see cref="RegionService.RenamesListed"/>), and how many in all.</summary>
    public IReadOnlyList<RegionRename> Renamed { get; private set; } = [];

    public int RenamedTotal { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        var errors = await regions.ValidateNewAsync(Input.Code, Input.Name, Code, ct);
        foreach (var (field, messages) in errors)
        {
            foreach (var message in messages)
            {
                ModelState.AddModelError(field == "parentCode" ? "Input.Code" : $"Input.{char.ToUpperInvariant(field[0])}{field[1..]}", message);
            }
        }

        if (errors.Count == 0 && await regions.ExistsAsync(Input.Code!, ct))
        {
            ModelState.AddModelError("Input.Code", $"区划代码“{Input.Code}”已存在");
        }

        if (ModelState.ErrorCount > 0)
        {
            await LoadAsync(ct);
            return Page();
        }

        await regions.CreateAsync(Input.Code!, Input.Name!, ct);
        return RedirectToPage(new { code = Code });
    }

    public async Task<IActionResult> OnPostImportAsync(IFormFile? file, CancellationToken ct)
    {
        if (file is null || file.Length == 0)
        {
            ImportErrors = [new ImportError(0, "file", "请选择要导入的文件")];
        }
        else if (file.Length > MaxImportMegabytes * 1024L * 1024)
        {
            ImportErrors = [new ImportError(0, "file", $"文件超过{MaxImportMegabytes}兆字节")];
        }
        else
        {
            await using var stream = file.OpenReadStream();
            var result = await regions.ImportAsync(stream, file.FileName, ct);
            ImportErrors = [.. result.Errors.Take(ImportErrorList.DefaultShown)];
            ImportErrorSummary = result.Errors.Count >= ImportErrorList.DefaultLimit
                ? ImportErrorList.Summary(result.Errors.Count, ImportErrorList.DefaultShown, stopped: true)
                : ImportErrorList.Summary(result.Errors.Count, ImportErrorList.DefaultShown);
            if (ImportErrors.Count == 0)
            {
                (Renamed, RenamedTotal) = (result.Renamed, result.Updated);
                Message = $"导入完成：新增{result.Added}个区划，更新{result.Updated}个名称{(result.Skipped > 0 ? $"；其他县的{result.Skipped}个代码未导入" : "")}。";
            }
        }

        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        if (Code is not null && !RegionCode.IsValid(Code))
        {
            Code = null;
        }

        Path = Code is null ? "全部" : await regions.DisplayPathAsync(Code, ct);
        Children = await regions.ChildrenAsync(Code, ct);
    }

    public sealed class NewRegionInput
    {
        [Display(Name = "区划代码（12位）")]
        public string? Code { get; set; }

        [Display(Name = "名称")]
        public string? Name { get; set; }
    }
}
