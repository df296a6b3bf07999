using System.CommandLine;
using System.Globalization;
using EelsLive.Alarms;
using EelsLive.Cli.Hosting;
using EelsLive.Engine;
using EelsLive.Model;
using EelsLive.Pipeline;
using Microsoft.Extensions.Configuration;

namespace EelsLive.Cli.Commands;

/// <summary>
/// The pipeline, model and alarm options shared by <c>monitor</c>, <c>analyze</c> and <c>demo</c>, so all compute the
/// same thing. Each option is also a setting (<c>--lead-dose</c> is <c>EelsLive:LeadDose</c> in appsettings.json and
/// <c>EelsLive__LeadDose</c> in the environment); the command line wins.
/// </summary>
internal sealed class EngineOptionSet
{
    public Option<string?> Windows { get; } = new("--windows")
    {
        Description = "Energy windows as \"name:lo:hi,...\" in eV [default: pi_pi:1:3,c_c:4:7,c_o:10:15,m_o:20:25].",
    };

    public Option<bool> NoAlign { get; } = new("--no-align")
    {
        Description = "Do not align each frame's zero-loss peak to 0 eV before integrating.",
    };

    public Option<string?> Normalise { get; } = new("--normalise")
    {
        Description = "Divide window integrals by the zero-loss peak's integral (zlp) or by all counts (total) [default: zlp].",
    };

    public Option<double?> DoseRate { get; } = new("--dose-rate")
    {
        Description = "Dose rate in e/Å²/s for frames that carry no dose information (lowest precedence) [default: none; such frames are rejected].",
    };

    public Option<string?> ModelName { get; } = new("--model")
    {
        Description = "Damage model: physics (physics-constrained), classical (stretched-exponential fit) or none [default: physics].",
    };

    public Option<double?> Threshold { get; } = new("--threshold")
    {
        Description = "Integrity threshold θ whose crossing is forecast and alarmed, between 0 and 1 [default: 0.5].",
    };

    public Option<double?> LeadDose { get; } = new("--lead-dose")
    {
        Description = "Lead dose L in e/Å²: warn when a window may reach θ within the next L e/Å² [default: 200].",
    };

    public Option<double?> AlarmProbability { get; } = new("--alarm-probability")
    {
        Description = "Warn when the probability that a window reaches θ within the lead dose is at least this [default: 0.5].",
    };

    public Option<string?> AlarmWindows { get; } = new("--alarm-windows")
    {
        Description = "Comma-separated windows that can raise the damage alarm [default: c_c,c_o,m_o — those that are windows; π–π* rises with dose].",
    };

    public Option<double?> BudgetDose { get; } = new("--budget-dose")
    {
        Description = "The session's dose budget in e/Å²: alerts at 80% and 100% with the time left at the current rate [default: none].",
    };

    public Option<string?> OrderingPriors { get; } = new("--ordering-priors")
    {
        Description = "Soft priors that one window is damaged at least as fast as another, as \"more>less\" pairs, e.g. c_o>c_c; \"none\" for no ordering [default: c_o>c_c, where both windows exist].",
    };

    public Option<string?> KineticOrder { get; } = new("--kinetic-order")
    {
        Description = "Kinetic order p (1–3) of windows whose kinetics are known from earlier sessions of the same material, as \"name=p±σ,...\" (or p+-σ), e.g. c_c=1.6±0.2,c_o=1.8±0.2: the order is held near p (the data can overrule it), which brings warnings closer to L before the crossing; without ±σ it is fixed exactly. A wrong order biases the forecast [default: none; every order is estimated].",
    };

    public Option<int?> Seed { get; } = new("--seed")
    {
        Description = "Seed of the model's ensemble; results are reproducible for a seed [default: 12345].",
    };

    public Option<double?> ZlpSearchEv { get; } = new("--zlp-search-ev")
    {
        Description = "Half-width in eV of the range around 0 eV searched for the zero-loss peak [default: 3].",
    };

    private IEnumerable<Option> All => [Windows, NoAlign, Normalise, DoseRate, ModelName, Threshold, LeadDose, AlarmProbability, AlarmWindows, BudgetDose, OrderingPriors, KineticOrder, Seed, ZlpSearchEv];

    public void AddTo(Command command)
    {
        foreach (var option in All)
        {
            command.Add(option);
        }
    }

    /// <summary>The options given on the command line, as configuration keys and values.</summary>
    public IEnumerable<KeyValuePair<string, string?>> CommandLineSettings(ParseResult parse)
    {
        foreach (var option in All)
        {
            if (parse.GetResult(option) is not { Implicit: false } result)
            {
                continue;
            }

            if (option == NoAlign)
            {
                yield return new(SettingsReader.KeyOf("--align"), parse.GetValue(NoAlign) ? "false" : "true");
                continue;
            }

            string? text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : null;
            yield return new(SettingsReader.KeyOf(option.Name), text);
        }
    }

    /// <summary>Builds validated engine options from the layered configuration; throws <see cref="ArgumentException"/> or <see cref="FormatException"/> with a clear message.</summary>
    public static MonitorOptions Build(IConfiguration configuration)
    {
        var settings = new SettingsReader(configuration);
        var windows = settings.Text("--windows") is { } windowsText ? EnergyWindow.ParseList(windowsText) : EnergyWindow.Defaults;
        ModelKind? kind = (settings.Text("--model") ?? "physics").ToLowerInvariant() switch
        {
            "physics" => ModelKind.Physics,
            "classical" => ModelKind.Classical,
            "none" => null,
            var other => throw new ArgumentException($"--model must be physics, classical or none, got '{other}'."),
        };

        var defaults = new AlarmOptions();
        double threshold = settings.Number("--threshold") ?? defaults.Threshold;
        Require(threshold is > 0 and < 1, $"--threshold must be between 0 and 1, got {Format(threshold)}.");
        double lead = settings.Number("--lead-dose") ?? defaults.LeadDoseEA2;
        Require(lead > 0 && double.IsFinite(lead), $"--lead-dose must be > 0 e/Å², got {Format(lead)}.");
        double probability = settings.Number("--alarm-probability") ?? defaults.AlarmProbability;
        Require(probability is > 0 and < 1, $"--alarm-probability must be between 0 and 1, got {Format(probability)}.");
        double? budget = settings.Number("--budget-dose");
        Require(budget is null || (budget > 0 && double.IsFinite(budget.Value)), $"--budget-dose must be > 0 e/Å², got {Format(budget ?? 0)}.");
        double? doseRate = settings.Number("--dose-rate");
        Require(doseRate is null || (doseRate >= 0 && double.IsFinite(doseRate.Value)), $"--dose-rate must be >= 0 e/Å²/s, got {Format(doseRate ?? 0)}.");
        double zlpSearch = settings.Number("--zlp-search-ev") ?? 3.0;
        Require(zlpSearch > 0 && double.IsFinite(zlpSearch), $"--zlp-search-ev must be > 0 eV, got {Format(zlpSearch)}.");

        var names = windows.Select(w => w.Name).ToHashSet(StringComparer.Ordinal);
        string[] alarmWindows;
        if (settings.Text("--alarm-windows") is { } listed)
        {
            alarmWindows = listed.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            Require(alarmWindows.Length > 0, "--alarm-windows names no window.");
            foreach (string name in alarmWindows)
            {
                Require(names.Contains(name), $"--alarm-windows names '{name}', which is not one of the windows ({string.Join(", ", names)}).");
            }
        }
        else
        {
            alarmWindows = defaults.AlarmWindows.Where(names.Contains).ToArray();
            if (alarmWindows.Length == 0)
            {
                alarmWindows = [.. names];
            }
        }

        var normalisation = (settings.Text("--normalise") ?? "zlp").ToLowerInvariant() switch
        {
            "zlp" => Normalisation.ZeroLoss,
            "total" => Normalisation.Total,
            var other => throw new ArgumentException($"--normalise must be zlp or total, got '{other}'."),
        };

        var modelDefaults = new ModelOptions();
        IReadOnlyList<OrderingPrior> ordering;
        if (settings.Text("--ordering-priors") is { } orderingText)
        {
            try
            {
                ordering = OrderingPrior.ParseList(orderingText);
            }
            catch (FormatException ex)
            {
                throw new FormatException($"--ordering-priors: {ex.Message}", ex);
            }

            foreach (var name in ordering.SelectMany(p => new[] { p.MoreSensitive, p.LessSensitive }))
            {
                Require(names.Contains(name), $"--ordering-priors names '{name}', which is not one of the windows ({string.Join(", ", names)}).");
            }
        }
        else
        {
            ordering = modelDefaults.OrderingPriors.Where(p => names.Contains(p.MoreSensitive) && names.Contains(p.LessSensitive)).ToArray();
        }

        IReadOnlyList<KnownOrder> knownOrders = [];
        if (settings.Text("--kinetic-order") is { } ordersText)
        {
            try
            {
                knownOrders = KnownOrder.ParseList(ordersText);
            }
            catch (FormatException ex)
            {
                throw new FormatException($"--kinetic-order: {ex.Message}", ex);
            }

            foreach (var known in knownOrders)
            {
                Require(names.Contains(known.Window), $"--kinetic-order names '{known.Window}', which is not one of the windows ({string.Join(", ", names)}).");
            }
        }

        var options = new MonitorOptions
        {
            Pipeline = new PipelineOptions
            {
                Windows = windows,
                AlignZeroLoss = settings.Flag("--align") ?? true,
                ConfiguredDoseRateEA2PerS = doseRate,
                ZeroLossSearchEv = zlpSearch,
                Normalisation = normalisation,
            },
            Model = kind,
            ModelOptions = modelDefaults with
            {
                Threshold = threshold,
                LeadDoseEA2 = lead,
                Seed = settings.Integer("--seed") ?? modelDefaults.Seed,
                OrderingPriors = ordering,
                KnownOrders = knownOrders,
            },
            Alarms = new AlarmOptions
            {
                Threshold = threshold,
                LeadDoseEA2 = lead,
                AlarmProbability = probability,
                AlarmWindows = alarmWindows,
                BudgetDoseEA2 = budget,
            },
        };
        return options.Validate();
    }

    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new ArgumentException(message);
        }
    }

    private static string Format(double value) => value.ToString("G", CultureInfo.InvariantCulture);
}
