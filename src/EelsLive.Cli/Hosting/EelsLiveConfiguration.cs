using Microsoft.Extensions.Configuration;

namespace EelsLive.Cli.Hosting;

/// <summary>
/// Builds the configuration in order of increasing precedence: <c>appsettings.json</c> beside the program, then in the
/// working folder, then environment variables (<c>EelsLive__LeadDose=300</c>), then the options given on the command line.
/// </summary>
internal static class EelsLiveConfiguration
{
    public const string FileName = "appsettings.json";

    public static IConfigurationRoot Build(IEnumerable<KeyValuePair<string, string?>> commandLine)
    {
        var builder = new ConfigurationBuilder();
        builder.AddJsonFile(Path.Combine(AppContext.BaseDirectory, FileName), optional: true, reloadOnChange: false);
        string local = Path.Combine(Directory.GetCurrentDirectory(), FileName);
        if (!string.Equals(Path.GetFullPath(local), Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, FileName)), StringComparison.Ordinal))
        {
            builder.AddJsonFile(local, optional: true, reloadOnChange: false);
        }

        builder.AddEnvironmentVariables();
        builder.AddInMemoryCollection(commandLine);
        IConfigurationRoot configuration;
        try
        {
            configuration = builder.Build();
        }
        catch (InvalidDataException ex)
        {
            throw new ArgumentException($"{FileName} could not be read: {ex.Message}", ex);
        }
        catch (FormatException ex)
        {
            throw new ArgumentException($"{FileName} is not valid JSON: {ex.Message}", ex);
        }

        UnknownSettings.Check(configuration);
        return configuration;
    }
}
