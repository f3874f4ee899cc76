using System.Reflection;
using OO.Grains.Interfaces.Admin;
using OO.Grains.Interfaces.Users;

namespace OO.Api.Http;

/// <summary>
/// The grain calls the API may send again after their silo was lost: reads, and calls whose repeat has
/// the effect of one. <c>GetTip</c> serves the current tip, so a repeat finds the tip the first try
/// chose, or chooses one as the first try would have; <c>React</c> names its tip, and a repeat that finds
/// the reaction recorded is answered as the first (see <c>FeedbackOutcome.Previous</c>). Everything else
/// (sign-in, connect, delete, settings writes) is never repeated: its caller sees the failure.
/// </summary>
public static class SafeGrainCalls
{
    private static readonly HashSet<MethodInfo> Methods =
    [
        Method<IUserGrain>(nameof(IUserGrain.GetSessionStamp)),
        Method<IUserGrain>(nameof(IUserGrain.GetTip)),
        Method<IUserGrain>(nameof(IUserGrain.AwaitTipState)),
        Method<IUserGrain>(nameof(IUserGrain.React)),
        Method<IUserGrain>(nameof(IUserGrain.GetSummary)),
        Method<IUserGrain>(nameof(IUserGrain.GetSettings)),
        Method<IUserGrain>(nameof(IUserGrain.GetIntegrations)),
        Method<IUserAdmin>(nameof(IUserAdmin.GetAdminView)),
        Method<IUserAdmin>(nameof(IUserAdmin.GetProfile)),
    ];

    /// <summary>True when a call of <paramref name="interfaceMethod"/> may be sent again.</summary>
    public static bool MayRepeat(MethodInfo interfaceMethod) => Methods.Contains(interfaceMethod);

    private static MethodInfo Method<T>(string name) =>
        typeof(T).GetMethod(name) ?? throw new InvalidOperationException($"{typeof(T).Name} has no method {name}.");
}
