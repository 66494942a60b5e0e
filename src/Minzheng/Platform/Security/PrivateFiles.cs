namespace Minzheng.Platform.Security;

/// <summary>
/// The data folder holds the database and the keys: only the account that runs Minzheng may read it (folders 0700,
/// files 0600). SQLite creates its files with the process umask (often 0644), so they are tightened after creation.
/// </summary>
public static class PrivateFiles
{
    private const UnixFileMode OwnerOnlyFolder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;

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
    /// name and then moved into place, so a second instance starting at the same moment reads either nothing or all of
    /// it. False when another process created the file first: read that one.
    /// </summary>
    public static bool TryCreate(string file, string contents)
    {
        EnsureFolder(Path.GetDirectoryName(file)!);
        var temporary = $"{file}.{Guid.NewGuid():N}.tmp";
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerOnlyFile;
        }

        using (var writer = new StreamWriter(temporary, System.Text.Encoding.UTF8, options))
        {
            writer.Write(contents);
        }

        try
        {
            File.Move(temporary, file, overwrite: false);
            return true;
        }
        catch (IOException) when (File.Exists(file))
        {
            File.Delete(temporary);
            return false;
        }
    }

    private static bool IsSystemFolder(string path)
    {
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
        string[] system = ["/", "/tmp", "/var/tmp", "/root", "/home", Path.TrimEndingDirectorySeparator(Path.GetTempPath()),
            Environment.GetFolderPath(Environment.SpecialFolder.UserProfile)];
        return system.Any(s => string.Equals(full, s, StringComparison.Ordinal));
    }
}
