namespace EelsLive.Cli.Console;

/// <summary>How the terminal dashboard draws: a live Spectre.Console view, or plain lines for logs and redirected output.</summary>
internal enum DashboardMode
{
    /// <summary>A live view redrawn in place a few times a second (interactive ANSI terminal).</summary>
    Live,

    /// <summary>One summary line a second plus a line per alarm change, as before the dashboard existed.</summary>
    Plain,
}
