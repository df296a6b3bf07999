using System.CommandLine;
using EelsLive.Cli.Tests.Support;
using EelsLive.CommandLine;

namespace EelsLive.Cli.Tests.Shared;

/// <summary>A command line that does not parse is bad input: exit code 2, the error in words, a pointer to --help and no help text.</summary>
public class UsageErrorsTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    [Theory]
    [InlineData("monitor --threshold abc", "error: --threshold expects a number, got 'abc'.", "eelslive monitor")]
    [InlineData("monitor --http 80.5", "error: --http expects a whole number, got '80.5'.", "eelslive monitor")]
    [InlineData("validate --seeds 99999999999", "error: --seeds expects a whole number between -2147483648 and 2147483647, got '99999999999'.", "eelslive validate")]
    [InlineData("analyze x.eelsrec --out x.jsonl --lead-dose 1,5", "error: --lead-dose expects a number, got '1,5'.", "eelslive analyze")]
    [InlineData("monitor --no-such-option", "error: Unrecognized command or argument '--no-such-option'.", "eelslive monitor")]
    [InlineData("no-such-command", "error: Unrecognized command or argument 'no-such-command'.", "eelslive")]
    [InlineData("montor --connect tcp://127.0.0.1:5556", "error: Unrecognized command or argument 'montor'. Did you mean 'monitor'?", "eelslive")]
    [InlineData("monitor --treshold 0.4", "error: Unrecognized command or argument '--treshold'. Did you mean '--threshold'?", "eelslive monitor")]
    [InlineData("demo --lead 300", "error: Unrecognized command or argument '--lead'. Did you mean '--lead-dose'?", "eelslive demo")]
    public async Task A_command_line_that_does_not_parse_exits_2_with_the_error_and_a_pointer_to_help(string args, string firstLine, string command)
    {
        var (run, lines) = await Refused(args.Split(' '));

        Assert.Equal(firstLine, lines[0]);
        Assert.Equal($"Run '{command} --help' to see the usage.", lines[^1]);
        Assert.DoesNotContain("System.", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Usage:", run.Stdout + run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_misspelt_option_is_one_error_with_what_it_probably_meant_and_not_its_value_again()
    {
        var (_, lines) = await Refused("analyze", "x.eelsrec", "--out", "x.jsonl", "--treshold", "0.4", "--budget-doze", "5000");

        Assert.Equal(
            [
                "error: Unrecognized command or argument '--treshold'. Did you mean '--threshold'?",
                "error: Unrecognized command or argument '--budget-doze'. Did you mean '--budget-dose'?",
                "Run 'eelslive analyze --help' to see the usage.",
            ],
            lines);
    }

    [Theory]
    [InlineData("analyze --treshold 0.4 x.eelsrec --out x.jsonl", "error: Unrecognized command or argument '--treshold'. Did you mean '--threshold'?", "eelslive analyze")]
    [InlineData("report --bogus", "error: Unrecognized command or argument '--bogus'.", "eelslive report")]
    [InlineData("kinetic-orders a.eelsrec -x b.eelsrec", "error: Unrecognized command or argument '-x'.", "eelslive kinetic-orders")]
    public async Task An_unknown_option_the_parser_took_for_a_file_is_reported_alone(string args, string only, string command)
    {
        var (_, lines) = await Refused(args.Split(' '));

        Assert.Equal([only, $"Run '{command} --help' to see the usage."], lines);
    }

    [Fact]
    public async Task A_negative_number_given_as_an_argument_is_not_taken_for_an_option()
    {
        var number = new Argument<double>("value");
        double seen = 0;
        var root = new RootCommand { number };
        root.SetAction(parse => { seen = parse.GetValue(number); return 0; });

        int ran = await new UsageErrors("tool", "tool: ", 5).InvokeAsync(root, ["-1.5"], new InvocationConfiguration { Error = TextWriter.Null, Output = TextWriter.Null });

        Assert.Equal(0, ran);
        Assert.Equal(-1.5, seen);
    }

    [Fact]
    public async Task The_tool_typed_alone_lists_its_commands_and_exits_2()
    {
        var run = await CliProcess.RunAsync("eelslive", Limit);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Usage:", run.Stdout, StringComparison.Ordinal);
        foreach (var command in new[] { "monitor", "analyze", "demo", "validate", "report", "kinetic-orders" })
        {
            Assert.Contains(command, run.Stdout, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("Required command", run.Stdout + run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Errors_go_to_the_given_writer_and_a_command_line_that_parses_is_invoked()
    {
        var number = new Option<double?>("--number");
        var count = new Option<int>("--count") { DefaultValueFactory = _ => 7 };
        double? seen = null;
        int seenCount = 0;
        var root = NumberParsers.ApplyTo(new RootCommand { number, count });
        root.SetAction(parse =>
        {
            seen = parse.GetValue(number);
            seenCount = parse.GetValue(count);
            return 0;
        });
        var usage = new UsageErrors("tool", "tool: ", 5);

        var error = new StringWriter();
        int failed = await usage.InvokeAsync(root, ["--number", "x", "--count", "2.5"], new InvocationConfiguration { Error = error, Output = TextWriter.Null });
        Assert.Equal(5, failed);
        Assert.Equal(
            ["tool: --number expects a number, got 'x'.", "tool: --count expects a whole number, got '2.5'.", "Run 'tool --help' to see the usage."],
            error.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
        Assert.Null(seen);

        int ran = await usage.InvokeAsync(root, ["--number", "-1.5e3"], new InvocationConfiguration { Error = error, Output = TextWriter.Null });
        Assert.Equal(0, ran);
        Assert.Equal(-1500, seen);
        Assert.Equal(7, seenCount); // an option not given keeps its default
    }

    /// <summary>Runs eelslive with <paramref name="args"/>, asserts that it refused them (exit code 2), and returns its error lines.</summary>
    private static async Task<((int ExitCode, string Stdout, string Stderr) Run, string[] Lines)> Refused(params string[] args)
    {
        var run = await CliProcess.RunAsync("eelslive", Limit, args);
        Assert.Equal(2, run.ExitCode);
        return (run, run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }
}
