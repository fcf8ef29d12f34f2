namespace SupportBot.Web.Admin;

/// <summary>A wording to preview for a sample customer.</summary>
/// <param name="Key">The prompt it is a variant of (its variables' fallbacks apply).</param>
/// <param name="Text">The wording, with its <c>{variables}</c>.</param>
/// <param name="Name">The customer's name, e.g. Dana Reyes.</param>
/// <param name="Category">The category of their problem.</param>
/// <param name="Amount">The amount the case is about, e.g. £89.</param>
/// <param name="Band">How they feel: calm, mild, upset, furious or positive (picks a sample message when none is given).</param>
/// <param name="Message">What they wrote; empty for a sample message of the category and band.</param>
public sealed record PreviewRequest(string? Key, string? Text, string? Name, string? Category, string? Amount, string? Band, string? Message);
