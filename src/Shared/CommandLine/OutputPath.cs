namespace EelsLive.CommandLine;

/// <summary>
/// Prepares what an output option names before the command starts work: a missing folder is created (as for
/// <c>report --out</c>), and a path that cannot be written is refused with the option, the path and the reason.
/// </summary>
internal static class OutputPath
{
    /// <summary>Creates the folder that <paramref name="path"/>, a file written by <paramref name="option"/>, goes into; refuses a folder given as the file.</summary>
    /// <returns><paramref name="path"/>.</returns>
    /// <exception cref="UnusableSettingException">The path is a folder, or its folder cannot be created.</exception>
    public static string File(string option, string path)
    {
        if (Directory.Exists(path))
        {
            throw new UnusableSettingException($"{option} {path}: this is a folder; give the name of a file to write, in it or elsewhere.");
        }

        CreateFolder(option, path, Path.GetDirectoryName(Path.GetFullPath(path)));
        return path;
    }

    /// <summary>Creates <paramref name="path"/>, a folder written into by <paramref name="option"/>; refuses a file given as the folder.</summary>
    /// <returns><paramref name="path"/>.</returns>
    /// <exception cref="UnusableSettingException">The path is a file, or the folder cannot be created.</exception>
    public static string Folder(string option, string path)
    {
        if (System.IO.File.Exists(path))
        {
            throw new UnusableSettingException($"{option} {path}: this is a file; give a folder to write into.");
        }

        CreateFolder(option, path, Path.GetFullPath(path));
        return path;
    }

    /// <summary>Opens <paramref name="path"/> with <paramref name="open"/>, naming <paramref name="option"/> when it cannot be written.</summary>
    /// <exception cref="UnusableSettingException">The file cannot be created or opened for writing.</exception>
    public static T Open<T>(string option, string path, Func<string, T> open)
    {
        try
        {
            return open(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            // InvalidDataException: SessionFileWriter refuses to append to a file that is not a recording.
            throw new UnusableSettingException($"{option} {path}: cannot write it: {ex.Message}", ex);
        }
    }

    private static void CreateFolder(string option, string path, string? folder)
    {
        if (folder is null)
        {
            return;
        }

        try
        {
            Directory.CreateDirectory(folder);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new UnusableSettingException($"{option} {path}: cannot create the folder {folder}: {ex.Message}", ex);
        }
    }
}
