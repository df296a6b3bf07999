using Spectre.Console;
using Spectre.Console.Rendering;

namespace EelsLive.Cli.Console;

/// <summary>A renderable built for the width it is given, so one view fits both a wide and an 80-column terminal.</summary>
internal sealed class WidthDependent : IRenderable
{
    private readonly Func<int, IRenderable> _build;

    /// <summary>Wraps <paramref name="build"/>, called with the available width at each measure and render.</summary>
    public WidthDependent(Func<int, IRenderable> build) => _build = build ?? throw new ArgumentNullException(nameof(build));

    /// <inheritdoc/>
    public Measurement Measure(RenderOptions options, int maxWidth) => _build(maxWidth).Measure(options, maxWidth);

    /// <inheritdoc/>
    public IEnumerable<Segment> Render(RenderOptions options, int maxWidth) => _build(maxWidth).Render(options, maxWidth);
}
