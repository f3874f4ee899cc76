namespace OO.Api.Auth;

/// <summary>Sign-in settings (section <c>OO:Auth</c>).</summary>
public sealed class AuthOptions
{
    public const string Section = "OO:Auth";

    /// <summary>
    /// Enables <c>POST /auth/dev</c>, which signs in any email from a loopback caller.
    /// Default: on in the Development environment only (set by the host).
    /// </summary>
    public bool DevSignIn { get; set; }

    /// <summary>Comma-separated emails of the administrators. Default: none.</summary>
    public string AdminEmails { get; set; } = "";

    /// <summary>
    /// Makes the first person to sign in an administrator; the place is never handed on. Default: on for the
    /// embedded default (SQLite) in the Development environment, off otherwise (set by the host). Outside
    /// Development it is an opt-in for a first start only: whoever reaches the sign-in page first administers,
    /// so prefer <see cref="AdminEmails"/>.
    /// </summary>
    public bool FirstUserIsAdmin { get; set; }

    public bool IsAdminEmail(string email) =>
        AdminEmails.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Contains(email, StringComparer.OrdinalIgnoreCase);
}
