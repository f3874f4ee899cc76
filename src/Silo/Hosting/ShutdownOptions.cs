namespace OO.Silo.Hosting;

/// <summary>How the process stops on SIGTERM (section <c>OO:Shutdown</c>).</summary>
public sealed class ShutdownOptions
{
    public const string Section = "OO:Shutdown";

    /// <summary>
    /// How long the silo keeps serving HTTP after SIGTERM with <c>/readyz</c> already answering 503, so a
    /// load balancer (a Kubernetes Service, whose endpoints follow readiness) stops sending requests
    /// before the listener closes. Default: zero, no wait (a person stopping <c>dotnet run</c>);
    /// <c>k8s/silo.yaml</c> sets 5 s.
    /// </summary>
    public TimeSpan DrainDelay { get; set; } = TimeSpan.Zero;

    /// <summary>
    /// The whole stop, drain included: requests in flight finish, then the silo hands off and leaves the
    /// cluster. Default: 30 s; Kubernetes' <c>terminationGracePeriodSeconds</c> must be longer.
    /// </summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}
