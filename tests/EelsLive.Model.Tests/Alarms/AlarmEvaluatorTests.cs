using EelsLive.Alarms;
using EelsLive.Model.Tests.Simulation;

namespace EelsLive.Model.Tests.Alarms;

public class AlarmEvaluatorTests
{
    private static ModelSnapshot Snapshot(double dose, double probability, bool crossed = false, double? crossDose = null) => new(
        [
            new WindowEstimate("c_c", 0.03, 0.7, 0.6, 0.8, null, 100, null, crossDose, probability, crossed, false, 10),
            new WindowEstimate("c_o", 0.02, 0.9, 0.8, 0.95, null, 100, null, null, 0, false, false, 1),
            new WindowEstimate("m_o", 0.04, 1, 0.99, 1, null, 100, null, null, 0, false, false, 0),
        ],
        dose,
        10,
        0.5,
        200,
        0.1);

    [Fact]
    public void Warning_needs_the_probability_and_clears_only_after_consecutive_low_evaluations()
    {
        // ClearProbability above p − margin: here p − margin (0.65) alone decides when the warning may clear.
        var evaluator = new AlarmEvaluator(new AlarmOptions { AlarmProbability = 0.8, ClearEvaluations = 3, ClearProbability = 0.9 });
        Assert.Equal(AlarmLevel.Ok, evaluator.Evaluate(Snapshot(10, 0.79), 10, 1).Level);
        var raised = evaluator.Evaluate(Snapshot(20, 0.8), 20, 1);
        Assert.Equal(AlarmLevel.Warning, raised.Level);
        Assert.True(raised.Changed);
        Assert.Equal(["c_c"], raised.AlarmWindows);

        // Two evaluations below p − margin, then one inside the margin: the count restarts.
        Assert.Equal(AlarmLevel.Warning, evaluator.Evaluate(Snapshot(30, 0.5), 30, 1).Level);
        Assert.Equal(AlarmLevel.Warning, evaluator.Evaluate(Snapshot(40, 0.5), 40, 1).Level);
        Assert.Equal(AlarmLevel.Warning, evaluator.Evaluate(Snapshot(50, 0.7), 50, 1).Level);
        Assert.Equal(AlarmLevel.Warning, evaluator.Evaluate(Snapshot(55, 0.5), 55, 1).Level);
        Assert.False(evaluator.Evaluate(Snapshot(60, 0.5), 60, 1).Changed);
        var cleared = evaluator.Evaluate(Snapshot(70, 0.1), 70, 1);
        Assert.Equal(AlarmLevel.Ok, cleared.Level);
        Assert.True(cleared.Changed);
        Assert.Empty(cleared.AlarmWindows);
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(0.3)]
    [InlineData(0.8)]
    public void By_default_a_warning_stays_until_the_model_gives_the_window_almost_no_chance_of_crossing(double p)
    {
        var evaluator = new AlarmEvaluator(new AlarmOptions { AlarmProbability = p });
        Assert.Equal(AlarmLevel.Warning, evaluator.Evaluate(Snapshot(10, p), 10, 1).Level);
        for (var i = 0; i < 50; i++)
        {
            // Far below p − ClearMargin, but the window may still cross: the warning stays.
            Assert.Equal(AlarmLevel.Warning, evaluator.Evaluate(Snapshot(20 + i, 0.06), 20 + i, 1).Level);
        }

        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(AlarmLevel.Warning, evaluator.Evaluate(Snapshot(100 + i, 0.04), 100 + i, 1).Level);
        }

        Assert.Equal(AlarmLevel.Ok, evaluator.Evaluate(Snapshot(105, 0.04), 105, 1).Level);
    }

    [Fact]
    public void A_change_the_model_cannot_explain_warns_even_at_low_probability_and_clears_once_explained()
    {
        var evaluator = new AlarmEvaluator(new AlarmOptions { ClearEvaluations = 2 });
        Assert.Equal(AlarmLevel.Ok, evaluator.Evaluate(Snapshot(10, 0.01), 10, 1).Level);
        var unexplained = Snapshot(20, 0.01);
        unexplained = unexplained with { Windows = [unexplained.Windows[0] with { Unexplained = true, ReducedChiSquare = 7 }, .. unexplained.Windows.Skip(1)] };
        var raised = evaluator.Evaluate(unexplained, 20, 1);
        Assert.Equal(AlarmLevel.Warning, raised.Level);
        Assert.Equal(["c_c"], raised.AlarmWindows);
        Assert.Equal(AlarmLevel.Warning, evaluator.Evaluate(Snapshot(30, 0.01), 30, 1).Level);
        Assert.Equal(AlarmLevel.Ok, evaluator.Evaluate(Snapshot(40, 0.01), 40, 1).Level);
    }

    [Fact]
    public void Noisy_probability_around_the_threshold_does_not_flap()
    {
        var evaluator = new AlarmEvaluator(new AlarmOptions { AlarmProbability = 0.8 });
        var random = new Random(5);
        var changes = 0;
        for (var i = 0; i < 500; i++)
        {
            var probability = Math.Clamp(0.8 + 0.08 * (random.NextDouble() - 0.5) * 2, 0, 1);
            if (evaluator.Evaluate(Snapshot(i, probability), i, 1).Changed)
            {
                changes++;
            }
        }

        Assert.Equal(1, changes);
    }

    [Fact]
    public void Critical_needs_consecutive_crossed_evaluations_and_a_single_one_only_warns()
    {
        var evaluator = new AlarmEvaluator(new AlarmOptions { CriticalConfirmEvaluations = 3 });
        // A lone crossed judgement (here with a low forecast probability) warns but does not latch.
        Assert.Equal(AlarmLevel.Warning, evaluator.Evaluate(Snapshot(10, 0.1, crossed: true), 10, 1).Level);
        Assert.Equal(AlarmLevel.Warning, evaluator.Evaluate(Snapshot(20, 1, crossed: true), 20, 1).Level);
        Assert.Equal(AlarmLevel.Warning, evaluator.Evaluate(Snapshot(30, 1), 30, 1).Level);
        Assert.Equal(AlarmLevel.Warning, evaluator.Evaluate(Snapshot(40, 1, crossed: true), 40, 1).Level);
        Assert.Equal(AlarmLevel.Warning, evaluator.Evaluate(Snapshot(50, 1, crossed: true), 50, 1).Level);
        var confirmed = evaluator.Evaluate(Snapshot(60, 1, crossed: true), 60, 1);
        Assert.Equal(AlarmLevel.Critical, confirmed.Level);
        Assert.True(confirmed.Changed);
    }

    [Fact]
    public void Critical_latches_for_the_session()
    {
        var evaluator = new AlarmEvaluator(new AlarmOptions { CriticalConfirmEvaluations = 1 });
        Assert.Equal(AlarmLevel.Critical, evaluator.Evaluate(Snapshot(10, 1, crossed: true), 10, 1).Level);
        var later = evaluator.Evaluate(Snapshot(20, 0), 20, 1);
        Assert.Equal(AlarmLevel.Critical, later.Level);
        Assert.False(later.Changed);
        Assert.Equal("critical", later.Level.ToWireName());
    }

    [Fact]
    public void Forecast_and_budget_use_the_dose_rate()
    {
        var evaluator = new AlarmEvaluator(new AlarmOptions { BudgetDoseEA2 = 1000 });
        var status = evaluator.Evaluate(Snapshot(850, 0.2, crossDose: 1050), 850, 20);
        Assert.Equal(200.0 / 20, status.Windows[0].SecondsToCross!.Value, 9);
        Assert.Null(status.Windows[1].SecondsToCross);
        Assert.Equal(0.85, status.BudgetUsed!.Value, 9);
        Assert.Equal(BudgetAlert.Approaching, status.Budget);
        Assert.Equal("80%", status.Budget.ToWireName());
        Assert.Equal(150.0 / 20, status.BudgetSecondsLeft!.Value, 9);
        Assert.Equal(BudgetAlert.Exhausted, evaluator.Evaluate(Snapshot(1001, 0.2), 1001, 20).Budget);
        Assert.Null(new AlarmEvaluator(new AlarmOptions()).Evaluate(Snapshot(5, 0), 5, 1).BudgetUsed);
    }

    [Fact]
    public void Mismatched_threshold_or_missing_window_is_rejected()
    {
        Assert.Throws<ArgumentException>(() => new AlarmEvaluator(new AlarmOptions { Threshold = 0.6 }).Evaluate(Snapshot(1, 0), 1, 1));
        Assert.Throws<ArgumentException>(() => new AlarmEvaluator(new AlarmOptions { AlarmWindows = ["x"] }).Evaluate(Snapshot(1, 0), 1, 1));
    }

    [Theory]
    [InlineData(ModelKind.Physics)]
    [InlineData(ModelKind.Classical)]
    public void Beam_resistant_sample_raises_no_alarm(ModelKind kind)
    {
        var session = SyntheticSession.BeamResistant(frames: 1000);
        var model = DamageModels.Create(kind, session.Names, new ModelOptions());
        var evaluator = new AlarmEvaluator(new AlarmOptions());
        foreach (var snapshot in SessionRunner.Run(model, session, seed: 31, refitEvery: kind == ModelKind.Physics ? 5 : 25))
        {
            var status = evaluator.Evaluate(snapshot, snapshot.CurrentDoseEA2, 50);
            Assert.Equal(AlarmLevel.Ok, status.Level);
            Assert.All(snapshot.Windows, w => Assert.False(w.Crossed));
        }
    }

    [Fact]
    public void With_the_default_probability_a_decaying_sample_warns_before_every_true_crossing()
    {
        var options = new AlarmOptions();
        var leads = DecayingSessionLeads(options);
        Assert.All(leads, lead => Assert.True(lead.Lead > 0, $"{lead.Run}: warned {-lead.Lead:F0} e/Å² after the crossing"));
        // The leads are longer than the issue's 2L on these data, as over the validation suite (docs/validation.md, "How early
        // can any alarm be?": no forecaster that must estimate the order meets 2L there). This bound catches a regression to
        // warnings that come at the start of the session; 2L held here only while a refit after five frames did one frame's work.
        var median = leads.Select(l => l.Lead).Order().ElementAt(leads.Count / 2);
        Assert.True(median <= 4 * options.LeadDoseEA2, $"median lead {median:F0} e/Å² > 4L ({Describe(leads)})");
    }

    [Fact]
    public void A_higher_alarm_probability_warns_later_never_earlier_and_still_warns_every_window()
    {
        // p = 0.8 waits for four-to-one odds. While the kinetic order is unresolved the band is wide (the bagged members
        // spread over the allowed orders), so on these clean sessions most such warnings come after the crossing: that is
        // the price of a higher p, and why the default is 0.5 (docs/validation.md, "The order ridge").
        var atDefault = DecayingSessionLeads(new AlarmOptions()).ToDictionary(l => l.Run, l => l.Lead);
        var atHigh = DecayingSessionLeads(new AlarmOptions { AlarmProbability = 0.8 });
        Assert.Equal(atDefault.Count, atHigh.Count);
        Assert.All(atHigh, high => Assert.True(
            high.Lead <= atDefault[high.Run],
            $"{high.Run}: p = 0.8 warned {high.Lead:F0} e/Å² before the crossing, earlier than p = 0.5 ({atDefault[high.Run]:F0})"));
    }

    private static string Describe(IEnumerable<(string Run, double Lead)> leads) => string.Join(", ", leads.Select(l => $"{l.Run}:{l.Lead:F0}"));

    /// <summary>Dose between the first warning and the true crossing of C–C and C–O in four clean single-exponential sessions.</summary>
    private static List<(string Run, double Lead)> DecayingSessionLeads(AlarmOptions options)
    {
        var leads = new List<(string Run, double Lead)>();
        foreach (var seed in new[] { 1, 2, 3, 4 })
        {
            var session = SyntheticSession.MixedResponse(IntegrityCurve.SingleExponential(1000), IntegrityCurve.SingleExponential(900), frames: 400, relativeNoise: 0.005);
            var model = DamageModels.Create(ModelKind.Physics, session.Names, new ModelOptions { Seed = seed });
            var evaluator = new AlarmEvaluator(options);
            var firstWarning = new Dictionary<string, double>();
            double? critical = null;
            foreach (var snapshot in SessionRunner.Run(model, session, seed))
            {
                var status = evaluator.Evaluate(snapshot, snapshot.CurrentDoseEA2, 50);
                foreach (var name in status.AlarmWindows)
                {
                    firstWarning.TryAdd(name, snapshot.CurrentDoseEA2);
                }

                if (status.Level == AlarmLevel.Critical)
                {
                    critical ??= snapshot.CurrentDoseEA2;
                }
            }

            Assert.DoesNotContain("m_o", firstWarning.Keys);
            Assert.NotNull(critical);
            foreach (var name in new[] { "c_c", "c_o" })
            {
                var truth = session.Windows.Single(w => w.Name == name).Curve.CrossingDose(options.Threshold)!.Value;
                Assert.True(firstWarning.ContainsKey(name), $"seed {seed} {name}: no warning");
                leads.Add(($"{seed}/{name}", truth - firstWarning[name]));
            }
        }

        return leads;
    }
}
