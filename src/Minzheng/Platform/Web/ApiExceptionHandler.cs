using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Minzheng.Platform.Data;

namespace Minzheng.Platform.Web;

/// <summary>
/// The one place where exceptions of API calls become ProblemDetails. Pages fall through to the error page.
/// The detail of a 500 never carries the exception text: stack traces and SQL stay in the log.
/// </summary>
internal sealed class ApiExceptionHandler(IProblemDetailsService problems, ILogger<ApiExceptionHandler> log) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken cancellationToken)
    {
        // The middleware may already have pointed the request at the error page: judge by the path that failed.
        var path = http.Features.Get<IExceptionHandlerPathFeature>()?.Path is { } failed ? new PathString(failed) : http.Request.Path;
        if (!path.StartsWithSegments("/api"))
        {
            return false;
        }

        var (status, detail) = exception switch
        {
            BadHttpRequestException bad => (bad.StatusCode, BadRequestDetail(bad)),
            RegionScopeViolationException => (StatusCodes.Status404NotFound, "请求的记录不存在或不在您的管辖范围内"),
            // A procedure that refuses a step answers as its outcome says, wherever the refusal surfaces.
            Kernel.DomainRuleException rule => (ApiProblems.StatusOf(rule.Outcome), rule.Message),
            // A sum over amounts the database already holds that no decimal can carry: say so, do not crash the report.
            OverflowException => (StatusCodes.Status422UnprocessableEntity, "数据中存在超出可计算范围的金额，请检查并更正异常金额后重试"),
            // The database is failing over or restarting: nothing the caller sent was wrong; whether a write committed is unknown.
            _ when DatabaseOutage.IsTransient(exception) => (StatusCodes.Status503ServiceUnavailable, "数据库暂时不可用（可能正在切换主备），请稍后重试；新增、提交类操作请先查询是否已经保存，再决定是否重新提交"),
            Microsoft.EntityFrameworkCore.DbUpdateConcurrencyException => (StatusCodes.Status409Conflict, "数据已被他人修改，请刷新后重试"),
            Microsoft.EntityFrameworkCore.DbUpdateException db when DbErrors.IsUniqueViolation(db) =>
                (StatusCodes.Status409Conflict, "数据重复：已存在相同的记录"),
            _ => (StatusCodes.Status500InternalServerError, "处理请求时发生错误，请稍后重试；如持续出现请联系系统管理员"),
        };

        // .NET 10 no longer logs exceptions that a handler reports as handled, so log here.
        if (status >= 500)
        {
            log.LogError(exception, "Unhandled API error on {Method} {Path}", http.Request.Method, http.Request.Path);
        }
        else
        {
            log.LogInformation("API request refused with {Status}: {Reason}", status, exception.GetType().Name);
        }

        http.Response.StatusCode = status;
        if (status == StatusCodes.Status503ServiceUnavailable)
        {
            http.Response.Headers.RetryAfter = DatabaseOutage.RetryAfterSeconds;
        }

        var problem = exception is BadHttpRequestException request && FieldOf(request) is { } field
            ? new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [detail] }) { Title = "提交的数据有误" }
            : new ProblemDetails { Title = ApiProblems.ChineseTitle(status) };
        (problem.Status, problem.Detail) = (status, detail);
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem });
    }

    /// <summary>The field a binding failure is about: the JSON path of the body, or the query/route parameter's name.</summary>
    private static string? FieldOf(BadHttpRequestException bad)
    {
        if (bad.InnerException is System.Text.Json.JsonException { Path: { Length: > 1 } path })
        {
            return path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
        }

        var match = System.Text.RegularExpressions.Regex.Match(bad.Message, "parameter \"[^\"]*? (\\w+)\"");
        return match.Success ? match.Groups[1].Value : null;
    }

    private static string BadRequestDetail(BadHttpRequestException bad) => bad.StatusCode switch
    {
        StatusCodes.Status413PayloadTooLarge => "上传内容超过允许的大小",
        StatusCodes.Status415UnsupportedMediaType => "请求的内容类型不受支持，请使用 application/json",
        _ when bad.InnerException is System.Text.Json.JsonException { Path: { Length: > 1 } } json =>
            $"字段“{FieldOf(bad)}”的值类型不正确（如数字、日期、是/否应按接口说明填写）",
        _ when bad.InnerException is System.Text.Json.JsonException => "请求体不是有效的JSON",
        _ when FieldOf(bad) is { } field => $"参数“{field}”缺失或格式不正确",
        _ => "请求格式不正确：缺少必填参数或参数格式错误",
    };
}
