using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace Minzheng.Platform.Web;

/// <summary>
/// Pages live beside their module's code (<c>Modules/&lt;Line&gt;/&lt;Area&gt;/Detail.cshtml</c>) and the platform's own
/// pages under <c>Platform/Web/Pages</c>; their addresses stay <c>/&lt;Area&gt;/Detail</c>, so moving code between
/// modules never changes a bookmark. Page names (for <c>RedirectToPage</c>) keep the full folder path.
/// </summary>
public sealed partial class ModulePageRoutes : IPageRouteModelConvention
{
    /// <summary>Where the shared layout and partials are looked up after the page's own folders.</summary>
    public const string SharedViews = "/Platform/Web/Shared/{0}.cshtml";

    public void Apply(PageRouteModel model)
    {
        foreach (var selector in model.Selectors)
        {
            if (selector.AttributeRouteModel?.Template is { } template)
            {
                selector.AttributeRouteModel.Template = FolderPrefix().Replace(template, "");
            }
        }
    }

    [GeneratedRegex("^(Modules/[^/]+|Platform/Web/Pages)(/|$)")]
    private static partial Regex FolderPrefix();
}
