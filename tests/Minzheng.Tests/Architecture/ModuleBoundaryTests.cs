using Mono.Cecil;

namespace Minzheng.Tests.Architecture;

/// <summary>ADR 0005: modules use only the Platform and other modules' Contracts/; the Platform never uses a module.</summary>
public sealed class ModuleBoundaryTests
{
    [Fact]
    public void TheApplication_KeepsItsModulesApart()
    {
        using var assembly = AssemblyDefinition.ReadAssembly(typeof(Minzheng.Modules.MinzhengModules).Assembly.Location);

        var violations = DependencyRules.Check(assembly.MainModule);

        Assert.True(violations.Count == 0, "Module boundaries broken:\n" + string.Join('\n', violations.Take(50)));
    }

    [Fact]
    public void TheAnalysis_SeesModulesAndPlatformAtAll()
    {
        // Guards the test above against passing because it reads nothing.
        using var assembly = AssemblyDefinition.ReadAssembly(typeof(Minzheng.Modules.MinzhengModules).Assembly.Location);
        var parts = DependencyRules.Dependencies(assembly.MainModule).Select(d => DependencyRules.PartOf(d.From)).ToHashSet();

        Assert.Contains("Platform", parts);
        Assert.Contains("Modules.SocialAssistance", parts);
        Assert.Contains("Modules.Administration", parts);
        Assert.Contains("ModuleList", parts);
    }

    [Fact]
    public void AModuleReachingIntoAnotherModulesInternals_IsReported()
    {
        // A made-up marriage module that keeps a social-assistance case in a field and calls its service.
        using var probe = Probe(out var module);
        var intruder = new TypeDefinition("Minzheng.Modules.Marriage", "MarriageService", TypeAttributes.Public | TypeAttributes.Class,
            module.TypeSystem.Object);
        intruder.Fields.Add(new FieldDefinition("_case", FieldAttributes.Private,
            module.ImportReference(typeof(Minzheng.Modules.SocialAssistance.Cases.AssistanceCase))));
        module.Types.Add(intruder);

        var violations = DependencyRules.Check(module);

        var violation = Assert.Single(violations);
        Assert.Equal("Minzheng.Modules.Marriage.MarriageService", violation.From);
        Assert.Equal("Minzheng.Modules.SocialAssistance.Cases.AssistanceCase", violation.To);
    }

    [Fact]
    public void ThePlatformUsingAModule_IsReported_AndContractsAreAllowed()
    {
        using var probe = Probe(out var module);
        var platform = new TypeDefinition("Minzheng.Platform.Workflow", "Board", TypeAttributes.Public | TypeAttributes.Class, module.TypeSystem.Object);
        platform.Fields.Add(new FieldDefinition("_service", FieldAttributes.Private,
            module.ImportReference(typeof(Minzheng.Modules.SocialAssistance.Cases.CaseService))));
        module.Types.Add(platform);

        Assert.Single(DependencyRules.Check(module));
        Assert.True(DependencyRules.Allowed("Minzheng.Modules.Marriage.MarriageService", "Minzheng.Modules.SocialAssistance.Contracts.EnrolmentView"));
        Assert.True(DependencyRules.Allowed("Minzheng.Modules.Marriage.MarriageService", "Minzheng.Platform.Kernel.Outcome"));
        Assert.False(DependencyRules.Allowed("Minzheng.Platform.Kernel.Outcome", "Minzheng.Modules.SocialAssistance.Contracts.EnrolmentView"));
        Assert.False(DependencyRules.Allowed("AspNetCoreGeneratedDocument.Modules_Marriage_Index", "Minzheng.Modules.SocialAssistance.Cases.CaseService"));
    }

    private static AssemblyDefinition Probe(out ModuleDefinition module)
    {
        var assembly = AssemblyDefinition.CreateAssembly(new AssemblyNameDefinition("Probe", new Version(1, 0)), "Probe", ModuleKind.Dll);
        module = assembly.MainModule;
        return assembly;
    }

    [Fact]
    public void TheRegionFilter_IsBypassedOnlyThroughAcrossRegions()
    {
        using var assembly = AssemblyDefinition.ReadAssembly(typeof(Minzheng.Modules.MinzhengModules).Assembly.Location);

        var callers = DependencyRules.CallersOf(assembly.MainModule, "IgnoreQueryFilters");

        Assert.Equal(["Minzheng.Platform.Data.RegionScopeBypass"], callers);
        Assert.True(DependencyRules.CallersOf(assembly.MainModule, "AcrossRegions").Count > 10, "the bypasses are found where they are");
    }
}
