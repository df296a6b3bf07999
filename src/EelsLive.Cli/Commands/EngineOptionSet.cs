using System.CommandLine;
using System.Globalization;
using EelsLive.Alarms;
using EelsLive.Engine;
using EelsLive.Model;
using EelsLive.Pipeline;

namespace EelsLive.Cli.Commands;

/// <summary>The pipeline and model options shared by <c>monitor</c> and <c>analyze</c>, so both compute the same thing.</summary>
internal sealed class EngineOptionSet
{
    public Option<string?> Windows { get; } = new("--windows")
    {
        Description = "Energy windows as \"name:lo:hi,...\" in eV (default \"pi_pi:1:3,c_c:4:7,c_o:10:15,m_o:20:25\").",
    };

    public Option<bool> NoAlign { get; } = new("--no-align")
    {
        Description = "Do not align each frame's zero-loss peak to 0 eV before integrating.",
    };

    public Option<double?> DoseRate { get; } = new("--dose-rate")
    {
        Description = "Dose rate in e/Å²/s for frames that carry no dose information (lowest precedence).",
    };

    public Option<string> ModelName { get; } = new("--model")
    {
        Description = "Damage model: physics (physics-constrained, default), classical (stretched-exponential fit) or none.",
        DefaultValueFactory = _ => "physics",
    };

    public Option<double> Threshold { get; } = new("--threshold")
    {
        Description = "Integrity threshold θ whose crossing is forecast and alarmed (0–1).",
        DefaultValueFactory = _ => 0.5,
    };

    public Option<double> LeadDose { get; } = new("--lead-dose")
    {
        Description = "Lead dose L in e/Å²: warn when a window may reach θ within the next L e/Å².",
        DefaultValueFactory = _ => 200,
    };

    public Option<double> AlarmProbability { get; } = new("--alarm-probability")
    {
        Description = "Warn when the probability that a window reaches θ within the lead dose is at least this (0–1).",
        DefaultValueFactory = _ => new AlarmOptions().AlarmProbability,
    };

    public Option<string?> AlarmWindows { get; } = new("--alarm-windows")
    {
        Description = "Comma-separated windows that can raise the damage alarm (default \"c_c,c_o,m_o\", those of them that are windows; π–π* rises with dose, so it is not in the default).",
    };

    public Option<double?> BudgetDose { get; } = new("--budget-dose")
    {
        Description = "The session's dose budget in e/Å²: alerts at 80% and 100% with the time left at the current dose rate.",
    };

    public Option<int> Seed { get; } = new("--seed")
    {
        Description = "Seed of the model's ensemble (results are reproducible for a seed).",
        DefaultValueFactory = _ => 12345,
    };

    public Option<double> SearchZlp { get; } = new("--zlp-search-ev")
    {
        Description = "Half-width in eV of the range around 0 eV searched for the zero-loss peak.",
        DefaultValueFactory = _ => 3.0,
    };

    public void AddTo(Command command)
    {
        command.Add(Windows);
        command.Add(NoAlign);
        command.Add(DoseRate);
        command.Add(ModelName);
        command.Add(Threshold);
        command.Add(LeadDose);
        command.Add(AlarmProbability);
        command.Add(AlarmWindows);
        command.Add(BudgetDose);
        command.Add(Seed);
        command.Add(SearchZlp);
    }

    /// <summary>Builds validated options; throws <see cref="ArgumentException"/> or <see cref="FormatException"/> with a clear message.</summary>
    public MonitorOptions Build(ParseResult parse)
    {
        string? windowsText = parse.GetValue(Windows);
        var windows = windowsText is null ? EnergyWindow.Defaults : EnergyWindow.ParseList(windowsText);
        ModelKind? kind = parse.GetValue(ModelName)?.ToLowerInvariant() switch
        {
            "physics" => ModelKind.Physics,
            "classical" => ModelKind.Classical,
            "none" => null,
            var other => throw new ArgumentException($"--model must be physics, classical or none, got '{other}'."),
        };

        double threshold = parse.GetValue(Threshold);
        if (!(threshold > 0 && threshold < 1))
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"--threshold must be between 0 and 1, got {threshold}."));
        }

        double lead = parse.GetValue(LeadDose);
        if (!(lead > 0) || !double.IsFinite(lead))
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"--lead-dose must be > 0 e/Å², got {lead}."));
        }

        var names = windows.Select(w => w.Name).ToHashSet(StringComparer.Ordinal);
        var alarmWindows = parse.GetValue(AlarmWindows) is { } listed
            ? listed.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            : new AlarmOptions().AlarmWindows.Where(names.Contains).ToArray();
        if (alarmWindows.Length == 0)
        {
            alarmWindows = parse.GetValue(AlarmWindows) is null ? names.ToArray() : throw new ArgumentException("--alarm-windows names no window.");
        }

        foreach (string name in alarmWindows)
        {
            if (!names.Contains(name))
            {
                throw new ArgumentException($"--alarm-windows names '{name}', which is not one of the windows ({string.Join(", ", names)}).");
            }
        }

        double probability = parse.GetValue(AlarmProbability);
        if (!(probability > 0 && probability < 1))
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"--alarm-probability must be between 0 and 1, got {probability}."));
        }

        if (parse.GetValue(BudgetDose) is { } budget && !(budget > 0 && double.IsFinite(budget)))
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"--budget-dose must be > 0 e/Å², got {budget}."));
        }

        var defaults = new ModelOptions();
        var options = new MonitorOptions
        {
            Pipeline = new PipelineOptions
            {
                Windows = windows,
                AlignZeroLoss = !parse.GetValue(NoAlign),
                ConfiguredDoseRateEA2PerS = parse.GetValue(DoseRate),
                ZeroLossSearchEv = parse.GetValue(SearchZlp),
            },
            Model = kind,
            Alarms = new AlarmOptions
            {
                Threshold = threshold,
                LeadDoseEA2 = lead,
                AlarmProbability = probability,
                AlarmWindows = alarmWindows,
                BudgetDoseEA2 = parse.GetValue(BudgetDose),
            },
            ModelOptions = defaults with
            {
                Threshold = threshold,
                LeadDoseEA2 = lead,
                Seed = parse.GetValue(Seed),
                OrderingPriors = defaults.OrderingPriors.Where(p => names.Contains(p.MoreSensitive) && names.Contains(p.LessSensitive)).ToArray(),
            },
        };
        return options.Validate();
    }
}
