namespace EelsLive.Cli.Validation;

/// <summary>One pass/fail target of the validation, with what was measured.</summary>
internal sealed record ValidationCheck(string Target, bool Passed, string Measured);
