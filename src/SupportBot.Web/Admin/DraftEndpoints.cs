using System.Security.Claims;
using SupportBot.Core.PromptFiles;

namespace SupportBot.Web.Admin;

/// <summary>
/// Draft and try: the draft's changes (<c>GET /admin/api/draft</c>), publishing them all at once or throwing them
/// away, and the test chat (<c>POST /admin/api/test-chat</c>), Web Chat on the studio's page talking to the real bot
/// on the draft's files (or the live ones without a draft), in conversations of its own.
/// </summary>
public static class DraftEndpoints
{
    public static RouteGroupBuilder MapDraft(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/draft", View);
        api.MapPost("/draft/publish", PublishAsync);
        api.MapPost("/draft/discard", Discard);
        api.MapPost("/test-chat", TestChatAsync);
        return api;
    }

    private static IResult View(DraftFolder draft) =>
        Results.Json(
            new DraftView(draft.Exists, [.. draft.Changes().Select(c => new DraftFile(c.File, LineDiff.Of(c.Base ?? string.Empty, c.Draft)))]),
            AdminJson.Default.DraftView);

    private static async Task<IResult> PublishAsync(ClaimsPrincipal user, StudioFiles files, CancellationToken cancellationToken)
    {
        if (!files.Draft.Exists)
        {
            return Results.Problem("There is no draft to publish.", statusCode: StatusCodes.Status404NotFound);
        }

        var result = await files.PublishDraftAsync(AdminEndpoints.Who(user), cancellationToken).ConfigureAwait(false);
        return Results.Json(result, AdminJson.Default.SaveResult, statusCode: result.StatusCode);
    }

    private static IResult Discard(DraftFolder draft)
    {
        draft.Discard();
        return Results.NoContent();
    }

    private static async Task<IResult> TestChatAsync(TestChatRequest body, SandboxBots sandboxes, TestChats chats, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(body.ConversationId) || body.ConversationId.Length > 64)
        {
            return AdminEndpoints.FieldProblem("conversationId", "Send the test chat's conversation id (up to 64 characters).");
        }

        if (!body.Join && (string.IsNullOrWhiteSpace(body.Text) || body.Text.Length > 4000))
        {
            return AdminEndpoints.FieldProblem("text", "Write a message of 1 to 4,000 characters.");
        }

        SandboxBot? draft;
        try
        {
            draft = await sandboxes.DraftAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (PromptFilesInvalidException ex)
        {
            return Results.Problem($"The draft fails the checks, so the test chat cannot run on it: {ex.Message}", statusCode: StatusCodes.Status409Conflict);
        }

        var bot = draft ?? chats.Live(sandboxes);
        var conversation = "test-" + body.ConversationId;
        var replies = body.Join
            ? await bot.JoinAsync(conversation, body.Name, cancellationToken).ConfigureAwait(false)
            : await bot.SayAsync(conversation, body.Name, body.Text!.Trim(), cancellationToken).ConfigureAwait(false);
        return Results.Json(new TestChatReply(draft is null ? "live" : "draft", replies), AdminJson.Default.TestChatReply);
    }
}
