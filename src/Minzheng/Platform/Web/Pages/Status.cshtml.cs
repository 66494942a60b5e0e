using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Platform.Calendar;

namespace Minzheng.Platform.Web.Pages;

/// <summary>
/// The Chinese page a browser sees for an error answered without a body (a missing page or record, no permission,
/// too many requests …): re-executed by the status-code middleware for every path outside <c>/api</c>, whose errors
/// stay ProblemDetails. The original request may have been a form post, so any method renders and no token is checked.
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class StatusModel(TimeProvider clock) : PageModel
{
    public int Code { get; private set; }

    public string Title { get; private set; } = "";

    public string Message { get; private set; } = "";

    /// <summary>The time, for a server error the user should report.</summary>
    public string? At { get; private set; }

    public void OnGet(int code) => Describe(code);

    public void OnPost(int code) => Describe(code);

    private void Describe(int code)
    {
        // Reached directly (/Status/404) the page still answers with the code it describes.
        Code = code is >= 400 and <= 599 ? code : 404;
        Response.StatusCode = Code;
        (Title, Message) = Code switch
        {
            400 => ("请求无效", "提交的内容无法处理。如果页面停留过久，表单可能已经失效：请返回上一页，刷新后重新填写。"),
            403 => ("没有权限", "您的角色或管辖范围无权访问此页面或记录。如需开通，请联系安全管理员。"),
            404 => ("页面或记录不存在", "您要找的页面或记录不存在，或不在您的管辖范围内。请检查链接是否完整，或从首页重新进入。"),
            405 => ("不支持此操作", "此页面不支持这种操作方式，请返回上一页重试。"),
            413 => ("上传内容过大", "上传的文件超过了允许的大小，请压缩或拆分后再上传。"),
            429 => ("操作过于频繁", Wait() is { } seconds ? $"请{seconds}秒后再试。" : "请稍候片刻再试。"),
            >= 500 => ("系统出错", "处理请求时发生错误，请稍后重试；如持续出现，请联系系统管理员并告知下面的时间和错误编号。"),
            _ => ("请求未能完成", "请返回上一页重试；如持续出现，请联系系统管理员。"),
        };
        At = Code >= 500 ? clock.GetUtcNow().ToOffset(ChinaTime.Offset).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) : null;
    }

    private int? Wait() =>
        int.TryParse(Response.Headers.RetryAfter.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) ? seconds : null;
}
