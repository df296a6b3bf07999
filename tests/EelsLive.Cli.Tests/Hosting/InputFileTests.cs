using EelsLive.Cli.Hosting;
using EelsLive.Cli.Tests.Support;

namespace EelsLive.Cli.Tests.Hosting;

/// <summary>An input path that is missing or a folder is refused with its path and what the command wants, by every command that reads a file.</summary>
public class InputFileTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    [Fact]
    public void A_missing_file_and_a_folder_are_told_apart_and_an_existing_file_passes()
    {
        using var dir = new TempDir();
        string file = dir.File("session.eelsrec");
        File.WriteAllText(file, "x");

        Assert.Equal(file, InputFile.Require(file, "a recording"));
        var folder = Assert.Throws<IOException>(() => InputFile.Require(dir.Path, "a recording"));
        Assert.Equal($"'{dir.Path}' is a folder, not a file; give a recording.", folder.Message);
        var missing = Assert.Throws<IOException>(() => InputFile.Require(dir.File("none.eelsrec"), "a recording"));
        Assert.Equal($"'{dir.File("none.eelsrec")}' does not exist; give a recording.", missing.Message);
    }

    [Theory]
    [InlineData("analyze {0} --out {1}")]
    [InlineData("report {0} --out {1}")]
    [InlineData("kinetic-orders {0}")]
    [InlineData("report {2} --truth {0} --out {1}")]
    public async Task A_folder_given_as_the_input_file_is_refused_as_a_folder_with_exit_code_2(string command)
    {
        using var dir = new TempDir();
        string folder = Directory.CreateDirectory(dir.File("a-folder")).FullName;
        string results = dir.File("results.jsonl");
        await File.WriteAllTextAsync(results, "{\"series_id\":\"s1\"}\n");
        string[] args = string.Format(System.Globalization.CultureInfo.InvariantCulture, command, folder, dir.File("out"), results).Split(' ');

        var run = await CliProcess.RunAsync("eelslive", Limit, args);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"'{folder}' is a folder, not a file; give ", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", run.Stderr, StringComparison.Ordinal);
    }
}
