using EelsLive.Alarms;

namespace EelsLive.Model.Tests;

public class ModelOptionsTests
{
    public static TheoryData<ModelOptions> BadOptions => new()
    {
        new ModelOptions { Threshold = 1 },
        new ModelOptions { Threshold = 0 },
        new ModelOptions { LeadDoseEA2 = -5 },
        new ModelOptions { EnsembleSize = 1 },
        new ModelOptions { IterationsPerRefit = 0 },
        new ModelOptions { MaxFramesPerRefit = 0 },
        new ModelOptions { MaxFramesPerRefit = 1001 },
        new ModelOptions { RefitTimeBudget = TimeSpan.Zero },
        new ModelOptions { LearningRate = 0 },
        new ModelOptions { BinsPerDecade = 0 },
        new ModelOptions { MaxBinDoseEA2 = 2, MinBinDoseEA2 = 1 },
        new ModelOptions { CrossedConfidence = 1 },
        new ModelOptions { UnexplainedChiSquare = 1 },
        new ModelOptions { RefitParallelism = 0 },
        new ModelOptions { KineticsSelectionMargin = -1 },
        new ModelOptions { KineticsSelectionMargin = double.NaN },
        new ModelOptions { UnexplainedChiSquare = double.NaN },
        new ModelOptions { OrderingPriors = [new OrderingPrior("c_o", "c_o")] },
        new ModelOptions { OrderingPriors = [new OrderingPrior("c_o", "nope")] },
    };

    [Theory]
    [MemberData(nameof(BadOptions))]
    public void Invalid_model_options_are_rejected_with_a_message(ModelOptions options)
    {
        var exception = Assert.Throws<ArgumentException>(() => DamageModels.Create(ModelKind.Physics, ModelOptions.DefaultWindowNames, options));
        Assert.Contains(nameof(ModelOptions), exception.Message + exception.ParamName + nameof(ModelOptions));
        Assert.False(string.IsNullOrWhiteSpace(exception.Message));
    }

    public static TheoryData<IReadOnlyList<KnownOrder>, string> BadKnownOrders => new()
    {
        { [new KnownOrder("nope", 2)], "names window 'nope', which is not one of [pi_pi, c_c, c_o, m_o]" },
        { [new KnownOrder("c_c", 0.5)], "order of 'c_c' must be between 1 and 3, was 0.5" },
        { [new KnownOrder("c_c", double.NaN)], "order of 'c_c' must be between 1 and 3" },
        { [new KnownOrder("c_c", 1.5), new KnownOrder("c_c", 2)], "must name each window at most once" },
        { [new KnownOrder(" ", 2)], "entries must name a window" },
        { [new KnownOrder("c_o", 2, -0.1)], "uncertainty of the order of 'c_o' must be between 0 and 2, was -0.1" },
        { [new KnownOrder("c_o", 2, double.PositiveInfinity)], "uncertainty of the order of 'c_o' must be between 0 and 2" },
    };

    [Theory]
    [MemberData(nameof(BadKnownOrders))]
    public void A_known_order_that_cannot_apply_is_rejected_naming_it(IReadOnlyList<KnownOrder> orders, string message)
    {
        var options = new ModelOptions { KnownOrders = orders };
        foreach (var kind in new[] { ModelKind.Physics, ModelKind.Classical })
        {
            var exception = Assert.Throws<ArgumentException>(() => DamageModels.Create(kind, ModelOptions.DefaultWindowNames, options));
            Assert.Contains(message, exception.Message, StringComparison.Ordinal);
            Assert.Equal(nameof(ModelOptions.KnownOrders), exception.ParamName);
        }
    }

    [Fact]
    public void Defaults_are_valid_and_window_names_must_be_unique()
    {
        new ModelOptions().Validate(ModelOptions.DefaultWindowNames);
        Assert.Throws<ArgumentException>(() => DamageModels.Create(ModelKind.Classical, ["c_c", "c_c"], new ModelOptions { OrderingPriors = [] }));
        Assert.Throws<ArgumentException>(() => DamageModels.Create(ModelKind.Classical, [], new ModelOptions { OrderingPriors = [] }));
    }

    [Fact]
    public void Invalid_alarm_options_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => new AlarmEvaluator(new AlarmOptions { AlarmProbability = 1 }));
        Assert.Throws<ArgumentException>(() => new AlarmEvaluator(new AlarmOptions { ClearMargin = 0.9 }));
        Assert.Throws<ArgumentException>(() => new AlarmEvaluator(new AlarmOptions { ClearEvaluations = 0 }));
        Assert.Throws<ArgumentException>(() => new AlarmEvaluator(new AlarmOptions { ClearProbability = 1 }));
        Assert.Throws<ArgumentException>(() => new AlarmEvaluator(new AlarmOptions { ClearProbability = -0.01 }));
        Assert.Throws<ArgumentException>(() => new AlarmEvaluator(new AlarmOptions { CriticalConfirmEvaluations = 0 }));
        Assert.Throws<ArgumentException>(() => new AlarmEvaluator(new AlarmOptions { AlarmWindows = [] }));
        Assert.Throws<ArgumentException>(() => new AlarmEvaluator(new AlarmOptions { BudgetDoseEA2 = 0 }));
    }
}
