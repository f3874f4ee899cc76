namespace OO.Api.Auth;

/// <summary>Where to send a person after signing in: a path on this site, never another site.</summary>
public static class ReturnUrl
{
    /// <summary>The given URL when it is a local path; otherwise <c>/</c>.</summary>
    public static string LocalOrRoot(string? url)
    {
        if (string.IsNullOrEmpty(url) || url[0] != '/' || url.Length > 2048)
        {
            return "/";
        }

        // "//host" and "/\host" are protocol-relative to browsers: another site.
        if (url.Length > 1 && (url[1] == '/' || url[1] == '\\'))
        {
            return "/";
        }

        return url.Any(char.IsControl) || !Uri.TryCreate(url, UriKind.Relative, out _) ? "/" : url;
    }
}
