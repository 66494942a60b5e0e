using Mono.Cecil;
using Mono.Cecil.Cil;

namespace Minzheng.Tests.Architecture;

/// <summary>
/// Reads the compiled assembly (signatures, attributes and every instruction of every method body, Razor pages
/// included) and reports each reference that breaks the layout of ADR 0005: Platform never uses a module; a module
/// uses the Platform, itself, and only the <c>Contracts</c> of other modules. The module list
/// (<c>Minzheng.Modules.MinzhengModules</c>) is the one place allowed to name every module.
/// </summary>
public static class DependencyRules
{
    public sealed record Violation(string From, string To)
    {
        public override string ToString() => $"{From} → {To}";
    }

    /// <summary>The part a type belongs to: "Platform", "Modules.&lt;Line&gt;", "ModuleList", or null (outside the rules).</summary>
    public static string? PartOf(string typeFullName)
    {
        // Razor compiles pages into AspNetCoreGeneratedDocument.Modules_SocialAssistance_Cases_Detail and the like.
        var name = typeFullName.StartsWith("AspNetCoreGeneratedDocument.", StringComparison.Ordinal)
            ? "Minzheng." + typeFullName["AspNetCoreGeneratedDocument.".Length..].Replace('_', '.')
            : typeFullName;
        if (name.StartsWith("Minzheng.Platform.", StringComparison.Ordinal))
        {
            return "Platform";
        }

        if (name.StartsWith("Minzheng.Modules.MinzhengModules", StringComparison.Ordinal)
            || name.StartsWith("Minzheng.Modules.SqliteDesignTimeFactory", StringComparison.Ordinal)
            || name.StartsWith("Minzheng.Modules.PostgresDesignTimeFactory", StringComparison.Ordinal))
        {
            return "ModuleList";
        }

        if (name.StartsWith("Minzheng.Modules.", StringComparison.Ordinal))
        {
            var rest = name["Minzheng.Modules.".Length..];
            var dot = rest.IndexOf('.', StringComparison.Ordinal);
            return "Modules." + (dot < 0 ? rest : rest[..dot]);
        }

        return null;
    }

    private static bool IsContract(string typeFullName) =>
        PartOf(typeFullName) is { } part && part.StartsWith("Modules.", StringComparison.Ordinal)
        && typeFullName.StartsWith("Minzheng." + part + ".Contracts.", StringComparison.Ordinal);

    public static bool Allowed(string from, string to)
    {
        var (a, b) = (PartOf(from), PartOf(to));
        if (a is null || b is null || a == b || b == "Platform" || a == "ModuleList")
        {
            return true;
        }

        return a != "Platform" && b != "ModuleList" && IsContract(to);
    }

    public static IReadOnlyList<Violation> Check(ModuleDefinition module) =>
        Dependencies(module).Where(d => !Allowed(d.From, d.To)).Distinct().OrderBy(d => d.From, StringComparer.Ordinal).ToList();

    /// <summary>Every (type, referenced type) pair of the assembly; nested and compiler-generated types count as their outermost type.</summary>
    public static IEnumerable<Violation> Dependencies(ModuleDefinition module)
    {
        foreach (var type in module.GetTypes())
        {
            var from = Outermost(type).FullName;
            foreach (var to in ReferencedTypes(type))
            {
                yield return new Violation(from, to);
            }
        }
    }

    /// <summary>The (outermost) types whose code calls a method of this name.</summary>
    public static IReadOnlyList<string> CallersOf(ModuleDefinition module, string methodName) =>
        module.GetTypes().Where(t => t.Methods.Any(m => m.HasBody
                && m.Body.Instructions.Any(i => i.Operand is MethodReference called && called.Name == methodName)))
            .Select(t => Outermost(t).FullName).Distinct().Order(StringComparer.Ordinal).ToList();

    private static TypeReference Outermost(TypeReference type) => type.DeclaringType is { } outer ? Outermost(outer) : type;

    private static IEnumerable<string> ReferencedTypes(TypeDefinition type)
    {
        var found = new List<TypeReference?> { type.BaseType };
        found.AddRange(type.Interfaces.Select(i => i.InterfaceType));
        found.AddRange(type.CustomAttributes.Select(a => a.AttributeType));
        found.AddRange(type.Fields.Select(f => f.FieldType));
        found.AddRange(type.Properties.Select(p => p.PropertyType));
        foreach (var method in type.Methods)
        {
            found.Add(method.ReturnType);
            found.AddRange(method.Parameters.Select(p => p.ParameterType));
            found.AddRange(method.CustomAttributes.Select(a => a.AttributeType));
            if (!method.HasBody)
            {
                continue;
            }

            found.AddRange(method.Body.Variables.Select(v => v.VariableType));
            foreach (var instruction in method.Body.Instructions)
            {
                found.AddRange(instruction.Operand switch
                {
                    TypeReference t => [t],
                    MethodReference m => [m.DeclaringType, m.ReturnType, .. m.Parameters.Select(p => p.ParameterType)],
                    FieldReference f => [f.DeclaringType, f.FieldType],
                    _ => [],
                });
            }
        }

        return found.OfType<TypeReference>().SelectMany(Flatten).Select(t => Outermost(t).FullName).Distinct();
    }

    // Generic arguments, arrays and by-ref types name the types inside them.
    private static IEnumerable<TypeReference> Flatten(TypeReference type) => type switch
    {
        GenericInstanceType g => [g.ElementType, .. g.GenericArguments.SelectMany(Flatten)],
        TypeSpecification s => Flatten(s.ElementType),
        GenericParameter => [],
        _ => [type],
    };
}
