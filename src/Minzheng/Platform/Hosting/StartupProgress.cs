namespace Minzheng.Platform.Hosting;

/// <summary>
/// How far the start of the application has come. The web server listens first and the database is brought up to date
/// (and, in demo mode, seeded) in the background: pages say what is happening until then, and background work waits
/// for <see cref="DatabaseReady"/> before it touches the database.
/// </summary>
public sealed class StartupProgress
{
    private readonly TaskCompletionSource _databaseReady = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _completed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Migrated, with roles and accounts: people can sign in.</summary>
    public Task DatabaseReady => _databaseReady.Task;

    /// <summary>Everything done, demo data included.</summary>
    public Task Completed => _completed.Task;

    public bool IsDatabaseReady => _databaseReady.Task.IsCompletedSuccessfully;

    public bool IsCompleted => _completed.Task.IsCompletedSuccessfully;

    /// <summary>What is being done now, in Chinese, for the login page.</summary>
    public string Stage { get; private set; } = "正在启动";

    /// <summary>Why the start failed, in Chinese; null while it has not.</summary>
    public string? Failure { get; private set; }

    public void Report(string stage) => Stage = stage;

    public void MarkDatabaseReady() => _databaseReady.TrySetResult();

    public void MarkCompleted()
    {
        Stage = "已就绪";
        _databaseReady.TrySetResult();
        _completed.TrySetResult();
    }

    public void MarkFailed(Exception e)
    {
        Failure = e.Message;
        Stage = "启动失败";
        _databaseReady.TrySetException(e);
        _completed.TrySetException(e);
    }
}
