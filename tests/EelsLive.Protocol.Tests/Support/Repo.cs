namespace EelsLive.Protocol.Tests.Support;

/// <summary>Paths inside the repository, found by walking up from the test binaries to EelsLive.sln.</summary>
internal static class Repo
{
    private static readonly Lazy<string> RootPath = new(FindRoot);

    public static string Root => RootPath.Value;

    public static string Golden => Path.Combine(Root, "protocols", "golden");

    public static string PythonDir => Path.Combine(Root, "protocols", "python");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "EelsLive.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"no EelsLive.sln above {AppContext.BaseDirectory}");
    }
}
