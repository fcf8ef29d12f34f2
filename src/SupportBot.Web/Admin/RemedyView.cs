namespace SupportBot.Web.Admin;

/// <summary>A remedy of the catalog as the studio edits it.</summary>
/// <param name="Id">Its id.</param>
/// <param name="Title">How it is named to the customer.</param>
/// <param name="PaysFor">item or delivery for one that pays money.</param>
/// <param name="Fulfil">Who carries it out: a webhook's name, "colleague", or "information only".</param>
/// <param name="Asked">What the customer is told until it is confirmed.</param>
/// <param name="Done">What they are told once it is.</param>
/// <param name="NextSteps">For information only: the steps.</param>
/// <param name="About">What it involves and how long it takes, told when a customer asks at the choice.</param>
/// <param name="Approval">When the bot grants it itself.</param>
/// <param name="Categories">The categories that offer it.</param>
public sealed record RemedyView(string Id, string Title, string? PaysFor, string Fulfil, string Asked, string Done, string NextSteps, string About, ApprovalView Approval, IReadOnlyList<string> Categories);
