using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Minzheng.Platform.Kernel;

namespace Minzheng.Platform.Web;

/// <summary>
/// The Chinese ProblemDetails of the API. Every error answer goes through <see cref="IProblemDetailsService"/>
/// (so traceId and the Chinese default titles of <see cref="ChineseTitle"/> apply), never a hand-made body.
/// </summary>
public static class ApiProblems
{
    public static ProblemHttpResult Problem(int status, string detail, string? title = null) =>
        TypedResults.Problem(detail: detail, statusCode: status, title: title ?? ChineseTitle(status));

    public static ProblemHttpResult NotFound(string detail = "请求的记录不存在或不在您的管辖范围内") =>
        Problem(StatusCodes.Status404NotFound, detail);

    public static ProblemHttpResult Conflict(string detail) => Problem(StatusCodes.Status409Conflict, detail);

    /// <summary>The one status of each domain outcome (docs/api-errors.md).</summary>
    public static int StatusOf(Outcome outcome) => outcome switch
    {
        Outcome.Done => StatusCodes.Status200OK,
        Outcome.NotFound => StatusCodes.Status404NotFound,
        Outcome.Invalid => StatusCodes.Status400BadRequest,
        Outcome.Conflict => StatusCodes.Status409Conflict,
        Outcome.Rejected => StatusCodes.Status422UnprocessableEntity,
    };

    /// <summary>The problem answer of a failed outcome, with the reason as detail.</summary>
    public static ProblemHttpResult For(Outcome outcome, string detail) => Problem(StatusOf(outcome), detail);

    /// <summary>The answer of a step that returns nothing: 204, or the outcome's problem with the reason.</summary>
    public static Results<NoContent, ProblemHttpResult> NoContentOr((Outcome Outcome, string? Message) result) =>
        result.Outcome == Outcome.Done ? TypedResults.NoContent() : For(result.Outcome, result.Message!);

    /// <summary>400 with <c>errors</c> keyed by field (camelCase, as the JSON the client sent).</summary>
    public static ValidationProblem Validation(IDictionary<string, string[]> errors, string? detail = null) =>
        TypedResults.ValidationProblem(errors, detail: detail ?? string.Join("；", errors.SelectMany(e => e.Value)),
            title: "提交的数据有误");

    public static ValidationProblem Validation(string field, string message) =>
        Validation(new Dictionary<string, string[]> { [field] = [message] });

    public static string ChineseTitle(int status) => status switch
    {
        400 => "请求无效",
        401 => "未登录或登录已失效",
        403 => "没有权限执行此操作",
        404 => "未找到",
        405 => "不支持的请求方法",
        409 => "数据冲突",
        413 => "上传内容过大",
        415 => "不支持的内容类型",
        422 => "数据无法处理",
        423 => "账户已锁定",
        429 => "请求过于频繁",
        503 => "服务暂时不可用",
        _ when status >= 500 => "服务器内部错误",
        _ => "请求失败",
    };
}

/// <summary>Collects field errors while validating a request body.</summary>
public sealed class FieldErrors
{
    private readonly Dictionary<string, List<string>> _errors = [];

    public bool Any => _errors.Count > 0;

    /// <summary>Every message, for a page's error list or a one-line detail.</summary>
    public IEnumerable<string> Messages => _errors.SelectMany(e => e.Value);

    public void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list))
        {
            _errors[field] = list = [];
        }

        list.Add(message);
    }

    public Dictionary<string, string[]> ToDictionary() => _errors.ToDictionary(e => e.Key, e => e.Value.ToArray());

    public ValidationProblem ToProblem() => ApiProblems.Validation(_errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));
}
