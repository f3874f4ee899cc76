namespace OO.Grains;

/// <summary>
/// The clock the product's grains read: a <see cref="TimeProvider"/> registered under
/// <see cref="ServiceKey"/>, which is the host's own <see cref="TimeProvider"/> unless a test puts
/// a fake there. Keyed because Orleans itself reads the unkeyed one (membership, timers): a test
/// that jumps the product's time to tomorrow 07:00 must not make the silo declare itself dead.
/// </summary>
public static class GrainClock
{
    /// <summary>The service key: <c>[FromKeyedServices(GrainClock.ServiceKey)] TimeProvider time</c>.</summary>
    public const string ServiceKey = "oo-grains";
}
