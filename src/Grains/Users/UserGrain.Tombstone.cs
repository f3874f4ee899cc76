using OO.Grains.Interfaces.Admin;
using OO.Grains.Interfaces.Push;
using OO.Grains.Interfaces.Users;

namespace OO.Grains.Users;

/// <summary>
/// The one guard of a deleted account: every call of the user's contracts is refused with
/// <see cref="UserDeletedException"/> once <see cref="UserState.DeletedAt"/> is set, except the few that
/// are defined for a deleted user (they answer null, false or nothing). New methods are refused by default.
/// </summary>
public sealed partial class UserGrain : IIncomingGrainCallFilter
{
    /// <summary>Methods that answer a deleted user themselves: null, false or an idempotent no-op, never a change.</summary>
    private static readonly HashSet<string> AnsweredWhenDeleted = new(StringComparer.Ordinal)
    {
        nameof(IUserGrain.EnsureCreated),
        nameof(IUserGrain.GetSessionStamp),
        nameof(IUserGrain.Delete),
        nameof(IUserGrain.GetIntegrationTokens),
        nameof(IUserAdmin.GetAdminView),
        nameof(IUserAdmin.GetProfile),
        nameof(IUserAdmin.RebuildProfile),
        nameof(IUserAdmin.ResetBandit),
        nameof(IUserAdmin.SetPolicy),
    };

    /// <summary>True when the account exists and was not deleted.</summary>
    private bool Exists => state.RecordExists && State.DeletedAt is null;

    Task IIncomingGrainCallFilter.Invoke(IIncomingGrainCallContext context)
    {
        var contract = context.InterfaceMethod?.DeclaringType;
        if (State.DeletedAt is not null
            && (contract == typeof(IUserGrain) || contract == typeof(IUserAdmin) || contract == typeof(IUserPush))
            && !AnsweredWhenDeleted.Contains(context.InterfaceMethod!.Name))
        {
            throw new UserDeletedException();
        }

        return context.Invoke();
    }
}
