namespace Minzheng.Platform.Security;

/// <summary>
/// The data folder holds the database and the keys: only the account that runs Minzheng may read it (folders 0700,
/// files 0600). SQLite creates its files with the process umask (often 0644), so they are tightened after creation.
/// </summary>
public static class PrivateFiles
{
    private const UnixFileMode OwnerOnlyFolder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>The lock file secret files are created under, one per folder.</summary>
    public const string LockFileName = ".create.lock";

    /// <summary>Creates the folder owner-only, or tightens an existing one (never a system folder such as /tmp).</summary>
    public static void EnsureFolder(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
            return;
        }

        if (!Directory.Exists(path))
        {
            Directory.CreateDirectory(path, OwnerOnlyFolder);
        }
        else if (!IsSystemFolder(path))
        {
            File.SetUnixFileMode(path, OwnerOnlyFolder);
        }
    }

    /// <summary>Tightens the files that exist among <paramref name="files"/> to owner read/write.</summary>
    public static void Restrict(params string[] files)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        foreach (var file in files.Where(File.Exists))
        {
            File.SetUnixFileMode(file, OwnerOnlyFile);
        }
    }

    /// <summary>
    /// Creates a secret file: owner-only from the start (never readable in between), written whole under a temporary
    /// name and then renamed into place, so an instance reading it sees nothing or all of it. False when another process
    /// created the file first: read that one. Creators take turns under an exclusive lock on a sibling file:
    /// <c>File.Move(…, overwrite: false)</c> checks for the target and then renames, so two instances starting at once
    /// could both "create" the file, and one would keep keys that were no longer on disk.
    /// </summary>
    public static bool TryCreate(string file, string contents)
    {
        var folder = Path.GetDirectoryName(file)!;
        EnsureFolder(folder);
        // One lock file per folder, kept: files made once per backup would otherwise each leave a lock file behind, and
        // deleting a lock file others may be waiting on would let two creators in.
        using var turn = ExclusiveLock(Path.Combine(folder, LockFileName));
        if (File.Exists(file))
        {
            return false;
        }

        var temporary = $"{file}.{Guid.NewGuid():N}.tmp";
        using (var writer = new StreamWriter(temporary, System.Text.Encoding.UTF8, OwnerOnlyNew(FileAccess.Write)))
        {
            writer.Write(contents);
        }

        File.Move(temporary, file, overwrite: true); // an atomic rename; no other creator runs while we hold the lock
        return true;
    }

    /// <summary>An open lock file no other process or thread can open until it is disposed (flock on Unix, share mode on Windows).</summary>
    private static FileStream ExclusiveLock(string path)
    {
        var options = OwnerOnlyNew(FileAccess.ReadWrite);
        options.Mode = FileMode.OpenOrCreate;
        options.Share = FileShare.None;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return new FileStream(path, options);
            }
            catch (IOException) when (attempt < 1000)
            {
                Thread.Sleep(10); // creating a key file takes milliseconds; ten seconds of waiting means something is stuck
            }
        }
    }

    private static FileStreamOptions OwnerOnlyNew(FileAccess access)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = access };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerOnlyFile;
        }

        return options;
    }

    private static bool IsSystemFolder(string path)
    {
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
        string[] system = ["/", "/tmp", "/var/tmp", "/root", "/home", Path.TrimEndingDirectorySeparator(Path.GetTempPath()),
            Environment.GetFolderPath(Environment.SpecialFolder.UserProfile)];
        return system.Any(s => string.Equals(full, s, StringComparison.Ordinal));
    }
}
