using System.Collections;
using System.Collections.Concurrent;
using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Text.Json;

namespace Minzheng.Platform.Web;

/// <summary>
/// Checks every text an API call brings — body fields (nested records and lists too), query and route values —
/// against <see cref="TextRules"/> before any endpoint runs, and answers 400 naming each field. One place, so no
/// endpoint can forget it. A field's limit is its <see cref="MaxLengthAttribute"/> or <see cref="StringLengthAttribute"/>,
/// else the one-line or multi-line default.
/// </summary>
public sealed class TextInputFilter : IEndpointFilter
{
    private const int MaxDepth = 4;
    private static readonly ConcurrentDictionary<Type, (PropertyInfo Property, string Name, int? Max)[]> Shapes = new();

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var errors = new FieldErrors();
        var services = context.HttpContext.RequestServices.GetService<IServiceProviderIsService>();
        var parameters = context.HttpContext.GetEndpoint()?.Metadata.GetMetadata<MethodInfo>()?.GetParameters();
        for (var i = 0; i < context.Arguments.Count; i++)
        {
            var name = parameters is not null && i < parameters.Length ? parameters[i].Name ?? $"arg{i}" : $"arg{i}";
            if (context.Arguments[i] is { } argument && services?.IsService(argument.GetType()) != true)
            {
                Visit(argument, name, null, errors, 0);
            }
        }

        return errors.Any ? errors.ToProblem() : await next(context);
    }

    private static void Visit(object? value, string field, int? max, FieldErrors errors, int depth)
    {
        switch (value)
        {
            case null:
                return;
            case string text:
                if (TextRules.Check(text, $"字段“{field}”", TextRules.IsMultiLine(field), max) is { } problem)
                {
                    errors.Add(field, problem);
                }

                return;
            case IEnumerable items when depth < MaxDepth && value is not IDictionary:
                var index = 0;
                foreach (var item in items)
                {
                    Visit(item, $"{field}[{index++}]", max, errors, depth + 1);
                }

                return;
        }

        var type = value.GetType();
        if (depth >= MaxDepth || type.Namespace?.StartsWith("Minzheng", StringComparison.Ordinal) != true || type.IsEnum)
        {
            return; // services, the principal, streams and forms are not user text
        }

        foreach (var (property, name, limit) in Shapes.GetOrAdd(type, Describe))
        {
            var path = depth == 0 ? name : $"{field}.{name}";
            Visit(property.GetValue(value), path, limit, errors, depth + 1);
        }
    }

    private static (PropertyInfo, string, int?)[] Describe(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0 && p.CanRead
                        && (p.PropertyType == typeof(string) || typeof(IEnumerable).IsAssignableFrom(p.PropertyType)
                            || p.PropertyType.Namespace?.StartsWith("Minzheng", StringComparison.Ordinal) == true))
            .Select(p => (p, JsonNamingPolicy.CamelCase.ConvertName(p.Name),
                p.GetCustomAttribute<MaxLengthAttribute>()?.Length ?? p.GetCustomAttribute<StringLengthAttribute>()?.MaximumLength))
            .ToArray();
}
