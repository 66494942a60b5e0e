using Minzheng.Platform.Data;

namespace Minzheng.Platform.Hosting;

/// <summary>
/// Runs the web application: it listens at once and brings the database up to date in the background (demo data
/// included, which took a minute on a busy machine), so a first start answers within seconds and says how far it is.
/// <c>Hosting:InitializeBeforeListening=true</c> keeps the old order (tests, and operators who prefer no early answers).
/// </summary>
public static class StartupRunner
{
    public static async Task<int> RunAsync(WebApplication app, Action printWelcome)
    {
        var progress = app.Services.GetRequiredService<StartupProgress>();
        var stopping = app.Lifetime.ApplicationStopping;
        if (app.Configuration.GetValue<bool>("Hosting:InitializeBeforeListening"))
        {
            try
            {
                await InitializeAsync(app.Services, progress, stopping);
            }
            catch (Installation.InstallationModeException e)
            {
                Console.Error.WriteLine(e.Message);
                return 1;
            }

            app.Lifetime.ApplicationStarted.Register(printWelcome);
            await app.RunAsync();
            return 0;
        }

        await app.StartAsync(stopping);
        printWelcome();
        var initialization = Task.Run(async () =>
        {
            try
            {
                await InitializeAsync(app.Services, progress, stopping);
                return 0;
            }
            catch (Exception e) when (!stopping.IsCancellationRequested)
            {
                // Without a database the application is of no use: stop, and say why (the unit manager restarts it).
                if (e is Installation.InstallationModeException)
                {
                    app.Logger.LogCritical("Start-up refused: {Message}", e.Message);
                }
                else
                {
                    app.Logger.LogCritical(e, "Start-up failed: {Message}", e.Message);
                }

                app.Lifetime.StopApplication();
                return 1;
            }
            catch (OperationCanceledException)
            {
                return 0;
            }
        }, CancellationToken.None);
        await app.WaitForShutdownAsync(CancellationToken.None);
        return await initialization;
    }

    private static async Task InitializeAsync(IServiceProvider services, StartupProgress progress, CancellationToken ct)
    {
        try
        {
            await using var scope = services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(ct);
            progress.MarkCompleted();
            // Operators and scripts (scripts/ha-test.sh) wait for this line: migrations and any demo seeding are done.
            services.GetRequiredService<ILoggerFactory>().CreateLogger("Minzheng").LogInformation("Start-up completed");
        }
        catch (Exception e)
        {
            progress.MarkFailed(e);
            throw;
        }
    }
}
