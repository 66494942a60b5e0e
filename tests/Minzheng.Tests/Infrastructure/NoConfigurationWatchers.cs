using System.Runtime.CompilerServices;

namespace Minzheng.Tests.Infrastructure;

/// <summary>
/// Test hosts never watch their configuration files: each watcher holds an inotify instance, and a suite of a hundred
/// hosts ran out of Debian's default 128 per user while other .NET processes ran (issue 23). The host builder reads
/// this from the DOTNET_ environment before any host is built.
/// </summary>
internal static class NoConfigurationWatchers
{
    [ModuleInitializer]
    internal static void Disable() => Environment.SetEnvironmentVariable("DOTNET_hostBuilder__reloadConfigOnChange", "false");
}
