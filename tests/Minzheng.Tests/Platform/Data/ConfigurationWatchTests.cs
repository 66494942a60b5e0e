using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Minzheng.Tests.Platform.Data;

/// <summary>Test hosts hold no file watcher on their configuration (each is an inotify instance; issue 23).</summary>
public sealed class ConfigurationWatchTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public void NoConfigurationFile_IsWatchedForChanges()
    {
        var root = (IConfigurationRoot)app.Services.GetRequiredService<IConfiguration>();
        var files = root.Providers.OfType<FileConfigurationProvider>().ToList();
        Assert.NotEmpty(files); // appsettings.json is read…
        Assert.All(files, f => Assert.False(f.Source.ReloadOnChange, $"{f.Source.Path} is watched")); // …but never watched
    }
}
