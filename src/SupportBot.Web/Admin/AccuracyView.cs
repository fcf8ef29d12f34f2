namespace SupportBot.Web.Admin;

/// <summary>The accuracy shown: the latest report, and whether a newer one is being computed (the files changed since).</summary>
public sealed record AccuracyView(bool Computing, bool Current, AccuracyReport? Report);
