using System.Text.Json;

namespace EelsLive.Cli.Tests.Hosting;

/// <summary>The runtime settings <c>eelslive</c> is built with (its runtimeconfig.json).</summary>
public sealed class RuntimeSettingsTests
{
    [Fact]
    public void Eelslive_compiles_its_code_optimised_at_the_first_call_so_a_sessions_first_refits_are_not_slow()
    {
        // Without it the first 0.5–1 s of refits run unoptimised tier-0 code at 2–6 ms each (docs/benchmarks.md, "Refits from the first frame").
        var path = Path.Combine(AppContext.BaseDirectory, "eelslive.runtimeconfig.json");
        using var config = JsonDocument.Parse(File.ReadAllText(path));

        var properties = config.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties");

        Assert.True(properties.TryGetProperty("System.Runtime.TieredCompilation.QuickJit", out var quickJit), $"{path} does not set QuickJit");
        Assert.Equal(JsonValueKind.False, quickJit.ValueKind);
    }
}
