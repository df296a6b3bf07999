using EelsLive.Cli.Tests.Support;
using EelsLive.CommandLine;

namespace EelsLive.Cli.Tests.Shared;

/// <summary>Output paths are prepared before a command starts work: missing folders are created, unusable paths refused with the option named.</summary>
public class OutputPathTests
{
    [Fact]
    public void A_file_in_a_missing_folder_gets_its_folder_and_a_folder_gets_itself()
    {
        using var dir = new TempDir();
        string file = dir.File(Path.Combine("a", "b", "results.jsonl"));
        string folder = dir.File(Path.Combine("c", "report"));

        Assert.Equal(file, OutputPath.File("--out", file));
        Assert.Equal(folder, OutputPath.Folder("--report", folder));

        Assert.True(Directory.Exists(dir.File(Path.Combine("a", "b"))));
        Assert.False(File.Exists(file), "only the folder is made; the file is the command's to write");
        Assert.True(Directory.Exists(folder));
    }

    [Fact]
    public void A_folder_given_as_a_file_a_file_given_as_a_folder_and_a_file_in_the_way_are_refused_with_the_option()
    {
        using var dir = new TempDir();
        string file = dir.File("taken");
        File.WriteAllText(file, "x");

        Assert.Equal($"--out {dir.Path}: this is a folder; give the name of a file to write, in it or elsewhere.", Assert.Throws<UnusableSettingException>(() => OutputPath.File("--out", dir.Path)).Message);
        Assert.Equal($"--report {file}: this is a file; give a folder to write into.", Assert.Throws<UnusableSettingException>(() => OutputPath.Folder("--report", file)).Message);
        string below = Path.Combine(file, "x.jsonl");
        Assert.StartsWith($"--record {below}: cannot create the folder {file}: ", Assert.Throws<UnusableSettingException>(() => OutputPath.File("--record", below)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_that_cannot_be_opened_names_the_option()
    {
        var ex = Assert.Throws<UnusableSettingException>(() => OutputPath.Open<int>("--record", "/x.eelsrec", _ => throw new InvalidDataException("not a recording")));
        Assert.Equal("--record /x.eelsrec: cannot write it: not a recording", ex.Message);
    }
}
