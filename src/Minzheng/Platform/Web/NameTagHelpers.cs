using Microsoft.AspNetCore.Razor.TagHelpers;
using Minzheng.Platform.Regions;
using Minzheng.Platform.Security;

namespace Minzheng.Platform.Web;

/// <summary>
/// <c>&lt;region-name code="360482100201" /&gt;</c> → <c>&lt;span title="360482100201"&gt;共青城市 / 甘露镇 / 红光村&lt;/span&gt;</c>:
/// pages show places by name, and the code, which staff sometimes need for the provincial system, on hover.
/// Rendering here rather than in each query keeps the API's codes (a public contract) as they are.
/// </summary>
[HtmlTargetElement("region-name", TagStructure = TagStructure.WithoutEndTag)]
public sealed class RegionNameTagHelper(RegionService regions, IHttpContextAccessor http) : TagHelper
{
    public string? Code { get; set; }

    /// <summary>The whole path from the province, for a page's heading rather than a list column.</summary>
    public bool Full { get; set; }

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        var ct = http.HttpContext?.RequestAborted ?? CancellationToken.None;
        output.TagName = "span";
        output.TagMode = TagMode.StartTagAndEndTag;
        if (string.IsNullOrEmpty(Code))
        {
            output.Content.SetContent("—");
            return;
        }

        output.Attributes.SetAttribute("title", Code);
        output.Content.SetContent(Full ? await regions.DisplayPathAsync(Code, ct) : await regions.ShortPathAsync(Code, ct));
    }
}

/// <summary>
/// <c>&lt;user-name login="county" /&gt;</c> → the person's real name (the login on hover); "系统" for work done by the
/// system; "—" when nobody (yet), e.g. a payroll not yet approved.
/// </summary>
[HtmlTargetElement("user-name", TagStructure = TagStructure.WithoutEndTag)]
public sealed class UserNameTagHelper(UserDirectory users, IHttpContextAccessor http) : TagHelper
{
    public string? Login { get; set; }

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        output.TagName = "span";
        output.TagMode = TagMode.StartTagAndEndTag;
        if (string.IsNullOrEmpty(Login))
        {
            output.Content.SetContent("—");
            return;
        }

        output.Attributes.SetAttribute("title", "登录名：" + Login);
        output.Content.SetContent(await users.DisplayNameAsync(Login, http.HttpContext?.RequestAborted ?? CancellationToken.None));
    }
}
