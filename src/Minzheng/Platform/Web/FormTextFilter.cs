using System.ComponentModel.DataAnnotations;
using System.Reflection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Minzheng.Platform.Web;

/// <summary>
/// The pages' side of <see cref="TextRules"/>: every posted form field is checked before a handler runs, so a page can
/// no more store a control character or an over-long note than the API can. A field's limit and whether it spans lines
/// come from the bound page property (<see cref="MaxLengthAttribute"/>, <see cref="DataType.MultilineText"/>) or else
/// from its name, as for the API.
/// </summary>
public sealed class FormTextFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var request = context.HttpContext.Request;
        if (request.HasFormContentType && HttpMethods.IsPost(request.Method))
        {
            var form = await request.ReadFormAsync(context.HttpContext.RequestAborted);
            foreach (var (field, values) in form)
            {
                if (field == "__RequestVerificationToken")
                {
                    continue;
                }

                var property = BoundProperty(context.HandlerInstance.GetType(), field);
                var multiLine = TextRules.IsMultiLine(field) || property?.GetCustomAttribute<DataTypeAttribute>()?.DataType == DataType.MultilineText;
                var max = property?.GetCustomAttribute<MaxLengthAttribute>()?.Length;
                foreach (var value in values)
                {
                    if (TextRules.Check(value, $"“{field}”栏", multiLine, max) is { } problem)
                    {
                        context.Result = new ContentResult
                        {
                            StatusCode = StatusCodes.Status400BadRequest,
                            ContentType = "text/plain; charset=utf-8",
                            Content = $"提交的内容有误：{problem}。请返回上一页修改后重新提交。",
                        };
                        return;
                    }
                }
            }
        }

        await next();
    }

    /// <summary>The page property a form field binds to: <c>Text</c>, or <c>Input.Note</c> on the nested input model.</summary>
    private static PropertyInfo? BoundProperty(Type page, string field)
    {
        var type = page;
        PropertyInfo? property = null;
        foreach (var part in field.Split('.'))
        {
            property = type.GetProperty(part.Split('[')[0], BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
            if (property is null)
            {
                return null;
            }

            type = property.PropertyType;
        }

        return property;
    }
}
