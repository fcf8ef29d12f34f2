namespace SupportBot.Web.Endpoints;

/// <summary>A client mistake in a request body: the HTTP status, a short title, what is wrong and where.</summary>
public sealed record BodyFault(int Status, string Title, string Message, string Field);
