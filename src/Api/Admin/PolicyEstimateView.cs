namespace OO.Api.Admin;

/// <summary>One known policy's offline estimates from the recent log: replay, IPS and SNIPS (the one promotion is judged on).</summary>
public sealed record PolicyEstimateView(string Policy, EstimateView Replay, EstimateView Ips, EstimateView Snips);
