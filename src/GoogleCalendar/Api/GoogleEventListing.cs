namespace OO.GoogleCalendar.Api;

/// <summary>Every page of one <c>events.list</c>: the events, and the token for the next incremental sync.</summary>
/// <param name="Events">The events of all pages, in Google's order.</param>
/// <param name="NextSyncToken">The sync token of the last page; null if Google gave none (or the page bound cut the listing).</param>
public sealed record GoogleEventListing(IReadOnlyList<GoogleEvent> Events, string? NextSyncToken);
