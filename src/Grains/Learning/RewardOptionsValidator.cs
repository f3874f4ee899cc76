using Microsoft.Extensions.Options;

namespace OO.Grains.Learning;

/// <summary>
/// Fails start-up on a reward the learner cannot use: one that is not a finite number in [<see cref="RewardOptions.Min"/>,
/// <see cref="RewardOptions.Max"/>] would otherwise make learning throw on every reaction it applies to.
/// </summary>
internal sealed class RewardOptionsValidator : IValidateOptions<RewardOptions>
{
    public ValidateOptionsResult Validate(string? name, RewardOptions options)
    {
        var failures = options.Rewards()
            .Where(r => !double.IsFinite(r.Value) || r.Value is < RewardOptions.Min or > RewardOptions.Max)
            .Select(r => FormattableString.Invariant($"{RewardOptions.Section}:{r.Key} must be a number between {RewardOptions.Min} and {RewardOptions.Max}; it is {r.Value}."))
            .ToList();
        if (options.MagicZoneStart < TimeSpan.Zero || options.MagicZoneEnd < options.MagicZoneStart)
        {
            failures.Add($"{RewardOptions.Section}:MagicZoneStart must not be negative and MagicZoneEnd must not come before it.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
