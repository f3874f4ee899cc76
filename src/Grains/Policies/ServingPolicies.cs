using Microsoft.Extensions.Options;
using OO.Grains.Interfaces.Learning;
using OO.Grains.Learning;
using OO.Learning.Policies;

namespace OO.Grains.Policies;

/// <summary>
/// This silo's view of the cluster-wide serving and shadow policies: the configured start-up default until the
/// policy-config grain says otherwise. Read on every tip from memory; kept fresh by <see cref="PolicyViewRefresh"/>
/// and at once on the silo where a change is made.
/// </summary>
public sealed class ServingPolicies(IOptions<LearningOptions> options)
{
    private PolicyConfig _current = Default(options.Value);

    public PolicyConfig Current => Volatile.Read(ref _current);

    /// <summary>
    /// Takes <paramref name="config"/> unless this silo already holds a later revision. A stored name this version
    /// does not know (a policy since removed) is never served: such an active policy leaves the view as it is, and
    /// such shadows are left out.
    /// </summary>
    public void Apply(PolicyConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        if (!PolicyFactory.Names.Contains(config.Active))
        {
            return;
        }

        config = config with { Shadows = [.. config.Shadows.Where(PolicyFactory.Names.Contains)] };
        var seen = Current;
        while (config.Revision >= seen.Revision)
        {
            var before = Interlocked.CompareExchange(ref _current, config, seen);
            if (ReferenceEquals(before, seen))
            {
                return;
            }

            seen = before;
        }
    }

    /// <summary>The configuration before anyone changed it: <c>OO:Learning:ActivePolicy</c> and <c>ShadowPolicies</c>.</summary>
    public static PolicyConfig Default(LearningOptions options) =>
        new(options.ActivePolicy, [.. options.ShadowPolicies], Revision: 0, ChangedAt: null, ChangedBy: null);
}
