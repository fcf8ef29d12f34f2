using System.Security.Claims;
using SupportBot.Core.Activities;
using SupportBot.Core.Cases;
using SupportBot.Core.Handoff;
using SupportBot.Core.Transcripts;

namespace SupportBot.Web.Agents;

/// <summary>
/// The console's cases (<c>/agent/api/cases</c>): the queue and each case's brief, transcript and messages to the
/// customer; accept (one winner), live chat, approve / modify / deny, hand back, close, notes. A colleague's action
/// commits once, with what the customer hears of it queued in the same commit; it is delivered at once when the
/// customer's channel can be reached (<c>200</c>/<c>204</c>), and otherwise the action still stands (<c>202</c> with
/// where the message stands) and the message is tried again from the outbox, the console showing it pending or failed.
/// </summary>
public static class CaseEndpoints
{
    public static RouteGroupBuilder MapCases(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/cases", ListAsync);
        api.MapGet("/cases/{caseId}", GetAsync);
        api.MapPost("/cases/{caseId}/accept", AcceptAsync);
        api.MapPost("/cases/{caseId}/messages", MessageAsync);
        api.MapPost("/cases/{caseId}/typing", TypingAsync);
        api.MapPost("/cases/{caseId}/decision", DecideAsync);
        api.MapPost("/cases/{caseId}/handback", HandBackAsync);
        api.MapPost("/cases/{caseId}/close", CloseAsync);
        api.MapPost("/cases/{caseId}/notes", NoteAsync);
        api.MapPost("/cases/{caseId}/deliveries/{deliveryId}/send", SendAgainAsync);
        return api;
    }

    /// <summary>
    /// The queue: the open cases, and the closed ones whose customer has not heard the last of it yet (a message still
    /// on its way, or given up), each with where what the desk owes its customer stands.
    /// </summary>
    private static async Task<IResult> ListAsync(ClaimsPrincipal user, HandoffDesk desk, DeskDeliveries deliveries, TimeProvider time, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var cases = (await desk.OpenCasesAsync(cancellationToken).ConfigureAwait(false)).ToList();
        var untold = (await deliveries.UndeliveredAsync(cancellationToken).ConfigureAwait(false))
            .GroupBy(d => d.CaseId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Any(d => d.Status == DeskDeliveryStatus.Failed) ? DeskDeliveryStatus.Failed : DeskDeliveryStatus.Pending, StringComparer.Ordinal);
        foreach (var caseId in untold.Keys.Where(id => !cases.Exists(c => c.CaseId == id)))
        {
            if (await desk.GetAsync(caseId, cancellationToken).ConfigureAwait(false) is { } closed)
            {
                cases.Add(closed);
            }
        }

        var login = Login(user);
        return Results.Json(
            cases.OrderBy(c => c.CreatedAt).Select(c => (Case: c, Brief: c.Brief())).Select(c => new CaseRow(
                c.Case.CaseId, c.Brief.CustomerName, c.Brief.ChannelId, c.Brief.CategoryTitle, c.Brief.Problem, c.Case.Status, c.Case.AgentName,
                c.Case.AgentLogin == login, (int)(now - c.Case.CreatedAt).TotalSeconds, c.Brief.RemedyWithAmount(), c.Brief.ApprovalReason, c.Case.CallbackContact)
            { Delivery = untold.TryGetValue(c.Case.CaseId, out var delivery) ? delivery : null }).ToList(),
            AgentJson.Default.ListCaseRow);
    }

    private static async Task<IResult> GetAsync(string caseId, ClaimsPrincipal user, HandoffDesk desk, DeskDeliveries deliveries, ITranscriptStore transcripts, CancellationToken cancellationToken)
    {
        if (await desk.GetAsync(caseId, cancellationToken).ConfigureAwait(false) is not { } deskCase)
        {
            return Results.NotFound();
        }

        var reference = deskCase.Reference;
        var activities = await transcripts.GetTranscriptAsync(reference.ChannelId!, reference.Conversation!.Id!, cancellationToken).ConfigureAwait(false);
        var lines = activities
            .Where(a => a.Type == ActivityTypes.Message && !string.IsNullOrEmpty(a.Text))
            .Select(a => new TranscriptLine(
                ColleagueAccount.IsFrom(a) ? "agent" : a.From?.Role == "bot" || a.From?.Id == reference.Bot?.Id ? "bot" : "customer",
                a.From?.Name,
                PiiMasker.Mask(a.Text!),
                a.Timestamp))
            .ToList();
        var told = (await deliveries.ForCaseAsync(caseId, cancellationToken).ConfigureAwait(false)).Select(DeliveryView.Of).ToList();
        return Results.Json(new CaseDetail(deskCase, deskCase.Brief(), deskCase.AgentLogin == Login(user), lines) { Deliveries = told }, AgentJson.Default.CaseDetail);
    }

    private static async Task<IResult> AcceptAsync(string caseId, ClaimsPrincipal user, AgentDirectory agents, HandoffDesk desk, DeskRelay relay, CancellationToken cancellationToken)
    {
        if (Speaker(user, agents, caseId) is not { Agent: { } name } speaker)
        {
            return NameNeeded();
        }

        var (outcome, deskCase, joined) = await desk.AcceptAsync(caseId, Login(user), name, then: null, (DeskEvents.AgentJoined, speaker), cancellationToken).ConfigureAwait(false);
        switch (outcome)
        {
            case AcceptOutcome.NotFound:
                return Results.NotFound();
            case AcceptOutcome.TakenByAnother:
                return Results.Json(new Taken(deskCase!.AgentName ?? deskCase.AgentLogin!), AgentJson.Default.Taken, statusCode: StatusCodes.Status409Conflict);
            default:
                var told = await relay.DeliverAsync(joined, cancellationToken).ConfigureAwait(false);
                return Results.Json(deskCase, AgentJson.Default.DeskCase, statusCode: Through(told) ? StatusCodes.Status200OK : StatusCodes.Status202Accepted);
        }
    }

    private static Task<IResult> MessageAsync(string caseId, AgentText body, ClaimsPrincipal user, AgentDirectory agents, HandoffDesk desk, DeskRelay relay, CancellationToken cancellationToken) =>
        WithOwnCaseAsync(caseId, user, desk, async deskCase =>
        {
            if (string.IsNullOrWhiteSpace(body.Text) || body.Text.Length > 4000)
            {
                return Results.Problem("Write a message of 1 to 4,000 characters.", statusCode: StatusCodes.Status400BadRequest);
            }

            return Told(await relay.SendAsync(caseId, deskCase.Reference, DeskEvents.AgentMessage, SpeakerOrAgent(user, agents, caseId, deskCase) with { Text = body.Text.Trim() }, cancellationToken).ConfigureAwait(false));
        }, cancellationToken);

    private static Task<IResult> TypingAsync(string caseId, ClaimsPrincipal user, AgentDirectory agents, HandoffDesk desk, DeskRelay relay, CancellationToken cancellationToken) =>
        WithOwnCaseAsync(caseId, user, desk, async deskCase =>
        {
            await relay.TypingAsync(deskCase.Reference, SpeakerOrAgent(user, agents, caseId, deskCase), cancellationToken).ConfigureAwait(false);
            return Results.NoContent();
        }, cancellationToken);

    /// <summary>
    /// Approve, modify or deny the remedy. A waiting case is taken on the way, without joining the chat: the bot tells
    /// the customer and carries on. The case is taken and closed, and the customer's message queued, in one commit.
    /// </summary>
    private static async Task<IResult> DecideAsync(string caseId, DecisionRequest body, ClaimsPrincipal user, AgentDirectory agents, HandoffDesk desk, DeskRelay relay, TimeProvider time, CancellationToken cancellationToken)
    {
        if (Speaker(user, agents, caseId) is not { Agent: { } name } speaker)
        {
            return NameNeeded();
        }

        if (body.Decision is not { } decision)
        {
            return Results.Problem("decision must be approved, modified or denied.", statusCode: StatusCodes.Status400BadRequest);
        }

        if (decision == AgentDecision.Denied && string.IsNullOrWhiteSpace(body.Note))
        {
            return Results.Problem("Say why it is denied: the customer deserves the reason.", statusCode: StatusCodes.Status400BadRequest);
        }

        if (await desk.GetAsync(caseId, cancellationToken).ConfigureAwait(false) is not { } current)
        {
            return Results.NotFound();
        }

        var remedy = string.IsNullOrWhiteSpace(body.Remedy) ? current.Case.RemedyWanted : body.Remedy.Trim();
        var note = $"{decision.ToString().ToLowerInvariant()}: {remedy}{(string.IsNullOrWhiteSpace(body.Note) ? string.Empty : $" ({body.Note.Trim()})")}";
        var (outcome, deskCase, decided) = await desk.AcceptAsync(
            caseId, Login(user), name, c => Closed(c, note, time), (DeskEvents.Decision, speaker with { Decision = decision, Remedy = remedy, Note = body.Note?.Trim() }), cancellationToken).ConfigureAwait(false);
        return outcome switch
        {
            AcceptOutcome.NotFound => Results.NotFound(),
            AcceptOutcome.TakenByAnother => Results.Json(new Taken(deskCase!.AgentName ?? deskCase.AgentLogin!), AgentJson.Default.Taken, statusCode: StatusCodes.Status409Conflict),
            _ => Told(await relay.DeliverAsync(decided, cancellationToken).ConfigureAwait(false)),
        };
    }

    private static Task<IResult> HandBackAsync(string caseId, AgentText body, ClaimsPrincipal user, AgentDirectory agents, HandoffDesk desk, DeskRelay relay, TimeProvider time, CancellationToken cancellationToken) =>
        WithOwnCaseAsync(caseId, user, desk, deskCase =>
        {
            var recap = string.IsNullOrWhiteSpace(body.Text) ? null : body.Text.Trim();
            return CloseCaseAsync(desk, relay, time, user, caseId, $"handed back to the bot: {recap ?? "(no recap)"}", (DeskEvents.HandBack, SpeakerOrAgent(user, agents, caseId, deskCase) with { Recap = recap }), cancellationToken);
        }, cancellationToken);

    private static Task<IResult> CloseAsync(string caseId, AgentText body, ClaimsPrincipal user, AgentDirectory agents, HandoffDesk desk, DeskRelay relay, TimeProvider time, CancellationToken cancellationToken) =>
        WithOwnCaseAsync(caseId, user, desk, deskCase =>
            CloseCaseAsync(desk, relay, time, user, caseId, $"closed: {body.Text?.Trim() ?? "(no wrap-up note)"}", (DeskEvents.Closed, SpeakerOrAgent(user, agents, caseId, deskCase)), cancellationToken),
            cancellationToken);

    private static Task<IResult> NoteAsync(string caseId, AgentText body, ClaimsPrincipal user, HandoffDesk desk, CancellationToken cancellationToken) =>
        WithOwnCaseAsync(caseId, user, desk, async _ =>
        {
            if (!string.IsNullOrWhiteSpace(body.Text))
            {
                await desk.ChangeAsync(caseId, c => c with { Notes = [.. c.Notes, PiiMasker.Mask(body.Text.Trim())] }, tell: null, cancellationToken).ConfigureAwait(false);
            }

            return Results.NoContent();
        }, cancellationToken);

    /// <summary>Sends again a message to the case's customer that was given up on; any signed-in agent may, the case closed or not.</summary>
    private static async Task<IResult> SendAgainAsync(string caseId, string deliveryId, DeskDeliveries deliveries, CancellationToken cancellationToken)
    {
        if (await deliveries.GetAsync(deliveryId, cancellationToken).ConfigureAwait(false) is not { } delivery || delivery.CaseId != caseId)
        {
            return Results.NotFound();
        }

        return delivery.Status != DeskDeliveryStatus.Failed
            ? Results.Problem("Only a message that could not be delivered can be sent again.", statusCode: StatusCodes.Status409Conflict)
            : Told(await deliveries.SendAgainAsync(deliveryId, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>Closes the agent's own case and queues what the customer hears of it, in one commit.</summary>
    private static async Task<IResult> CloseCaseAsync(HandoffDesk desk, DeskRelay relay, TimeProvider time, ClaimsPrincipal user, string caseId, string note, (string Name, DeskEventValue Value) tell, CancellationToken cancellationToken)
    {
        var login = Login(user);
        var (current, changed, told) = await desk.ChangeAsync(caseId, c => c.Status != CaseStatus.Closed && c.AgentLogin == login ? Closed(c, note, time) : null, tell, cancellationToken).ConfigureAwait(false);
        return changed ? Told(await relay.DeliverAsync(told, cancellationToken).ConfigureAwait(false))
            : current is null || current.Status == CaseStatus.Closed ? Results.NotFound()
            : Results.Problem($"{current.AgentName} has this case.", statusCode: StatusCodes.Status409Conflict);
    }

    private static DeskCase Closed(DeskCase deskCase, string note, TimeProvider time) =>
        deskCase with { Status = CaseStatus.Closed, ClosedAt = time.GetUtcNow(), Notes = [.. deskCase.Notes, PiiMasker.Mask(note)] };

    /// <summary>Whether the customer has heard what the action owed them (or it owed them nothing).</summary>
    private static bool Through(DeskDelivery? told) => told is null or { Status: DeskDeliveryStatus.Delivered };

    /// <summary>204 once the customer has heard it; 202 with where it stands when their channel could not be reached (the action stands, and it is tried again).</summary>
    private static IResult Told(DeskDelivery? told) =>
        Through(told) ? Results.NoContent() : Results.Json(DeliveryView.Of(told!), AgentJson.Default.DeliveryView, statusCode: StatusCodes.Status202Accepted);

    /// <summary>Runs <paramref name="action"/> when the signed-in agent has the case; 404 or 409 otherwise.</summary>
    private static async Task<IResult> WithOwnCaseAsync(string caseId, ClaimsPrincipal user, HandoffDesk desk, Func<DeskCase, Task<IResult>> action, CancellationToken cancellationToken)
    {
        var deskCase = await desk.GetAsync(caseId, cancellationToken).ConfigureAwait(false);
        if (deskCase is null || deskCase.Status == CaseStatus.Closed)
        {
            return Results.NotFound();
        }

        return deskCase.AgentLogin != Login(user)
            ? Results.Problem(deskCase.AgentLogin is null ? "Accept the case first." : $"{deskCase.AgentName} has this case.", statusCode: StatusCodes.Status409Conflict)
            : await action(deskCase).ConfigureAwait(false);
    }

    /// <summary>What a desk event says of the colleague: their name (null until they have one) and their id in the conversation.</summary>
    private static DeskEventValue Speaker(ClaimsPrincipal user, AgentDirectory agents, string caseId) =>
        new() { CaseId = caseId, Agent = AgentEndpoints.AgentName(user, agents), AgentId = AgentDirectory.PublicId(Login(user)) };

    // On a case already taken, the name it was taken under stands in for a name since removed from the settings.
    private static DeskEventValue SpeakerOrAgent(ClaimsPrincipal user, AgentDirectory agents, string caseId, DeskCase deskCase)
    {
        var speaker = Speaker(user, agents, caseId);
        return speaker.Agent is null ? speaker with { Agent = deskCase.AgentName } : speaker;
    }

    private static IResult NameNeeded() =>
        Results.Problem(
            "Customers see your name when you join their chat: add it at the top of the console, then take the case.",
            statusCode: StatusCodes.Status409Conflict,
            extensions: new Dictionary<string, object?> { ["field"] = "name" });

    private static string Login(ClaimsPrincipal user) => AgentEndpoints.Login(user);
}
