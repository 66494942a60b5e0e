using Minzheng.Modules.SampleLine.SampleLineRecords;
using Minzheng.Platform.Deadlines;
using Minzheng.Platform.Modules;
using Minzheng.Platform.Security;

namespace Minzheng.Modules.SampleLine;

/// <summary>示例业务: one kind of record with a procedure, its API, its page, its permission and its deadlines.</summary>
public sealed class SampleLineModule : IMinzhengModule
{
    public const string Work = "SampleLineWork";

    public string Name => "示例业务";

    public IReadOnlyList<Permission> Permissions { get; } =
        [new(Work, "办理示例业务", [Roles.County, Roles.CountyApprover, Roles.Township, Roles.TownshipReviewer])];

    public IReadOnlyList<NavigationSection> Navigation { get; } =
        [new("示例业务", [new("示例业务登记", "/SampleLineRecords", [Roles.County, Roles.CountyApprover, Roles.Township, Roles.TownshipReviewer])])];

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<SampleLineRecordService>();
        services.AddScoped<IDeadlineSource, SampleLineRecordDeadlines>();
    }

    public void MapApi(RouteGroupBuilder api) => api.MapSampleLineRecords();
}
