using System.Text.Json.Nodes;
using System.Threading.Channels;
using Microsoft.Extensions.Options;
using SupportBot.Core.Activities;
using SupportBot.Core.Handoff;
using SupportBot.Web.Channels;

namespace SupportBot.Web.Agents;

/// <summary>
/// The agents' Teams channel (<c>Handoff:TeamsChannel</c>): each new case is posted there proactively as an Adaptive
/// Card with the brief and an Accept button, and the card is updated in place when someone takes the case or it
/// closes. Accepting from Teams goes through the same one-winner rule as the console.
/// </summary>
public sealed partial class TeamsAgentCards(
    HandoffDesk desk,
    ConnectorClient connector,
    DeskRelay relay,
    IOptions<HandoffOptions> options,
    IOptions<Hosting.BotOptions> bot,
    ILogger<TeamsAgentCards> logger) : BackgroundService
{
    /// <summary>The <c>action</c> in the card's Accept data.</summary>
    public const string AcceptAction = "supportbot.accept";

    private readonly Channel<string> _changed = Channel.CreateUnbounded<string>();

    private TeamsChannelOptions Teams => options.Value.TeamsChannel;

    /// <summary>Whether <paramref name="activity"/> is an Accept clicked on one of our cards in the agents' channel.</summary>
    public bool IsAccept(Activity activity) =>
        Teams.Configured
        && activity.Type == ActivityTypes.Message
        && activity.Value is { ValueKind: System.Text.Json.JsonValueKind.Object } value
        && value.TryGetProperty("action", out var action) && action.ValueEquals(AcceptAction)
        && activity.Conversation?.Id is { } conversation && conversation.StartsWith(Teams.ConversationId, StringComparison.Ordinal);

    /// <summary>An agent clicked Accept in Teams: assign the case (one winner), tell the customer, and answer in the channel.</summary>
    public async Task<IReadOnlyList<Activity>> AcceptAsync(Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var caseId = activity.Value!.Value.TryGetProperty("caseId", out var id) ? id.GetString() ?? string.Empty : string.Empty;
        var agentName = activity.From?.Name ?? "A colleague";
        var login = "teams:" + (activity.From?.AadObjectId ?? activity.From?.Id);
        var (outcome, deskCase, joined) = await desk.AcceptAsync(caseId, login, agentName, then: null, (DeskEvents.AgentJoined, new DeskEventValue { Agent = agentName }), cancellationToken).ConfigureAwait(false);
        string text;
        switch (outcome)
        {
            case AcceptOutcome.Accepted:
                var told = await relay.DeliverAsync(joined, cancellationToken).ConfigureAwait(false);
                text = $"{agentName}, {deskCase!.Brief().CustomerName}'s case is yours. Open the agent console to chat with them; "
                    + (told is null or { Status: DeskDeliveryStatus.Delivered } ? "they've been told you're joining." : "their chat can't be reached just now, so they'll be told you're joining as soon as it can.");
                break;
            case AcceptOutcome.TakenByAnother:
                text = $"{deskCase!.AgentName} took {deskCase.Brief().CustomerName}'s case first.";
                break;
            default:
                text = "That case is closed or no longer exists.";
                break;
        }

        return [activity.AddressReply(Activity.CreateMessage(text))];
    }

    /// <summary>Queues a look at a case whose state changed (called from <see cref="HandoffDesk.Changed"/>).</summary>
    public void OnChanged(string caseId)
    {
        if (Teams.Configured)
        {
            _changed.Writer.TryWrite(caseId);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var caseId in _changed.Reader.ReadAllAsync(stoppingToken).ConfigureAwait(false))
        {
            try
            {
                await SyncAsync(caseId, stoppingToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is ConnectorException or HttpRequestException or TimeoutException or Polly.Timeout.TimeoutRejectedException)
            {
                LogCardFailed(logger, caseId, ex.Message);
            }
        }
    }

    /// <summary>Posts the card for a new case, or updates it when who has the case changed.</summary>
    private async Task SyncAsync(string caseId, CancellationToken cancellationToken)
    {
        if (await desk.GetAsync(caseId, cancellationToken).ConfigureAwait(false) is not { } deskCase)
        {
            return;
        }

        var state = deskCase.Status == CaseStatus.Closed ? "closed" : deskCase.AgentName ?? "waiting";
        if (deskCase.TeamsCardState == state)
        {
            return;
        }

        var card = Card(deskCase);
        if (deskCase.TeamsCardId is { } cardId)
        {
            await connector.UpdateAsync(card, cardId, cancellationToken).ConfigureAwait(false);
        }
        else if (deskCase.Status == CaseStatus.Closed)
        {
            return;
        }
        else
        {
            cardId = await connector.SendAsync(card, cancellationToken).ConfigureAwait(false);
        }

        await desk.ChangeAsync(caseId, c => c with { TeamsCardId = cardId, TeamsCardState = state }, tell: null, cancellationToken).ConfigureAwait(false);
    }

    private Activity Card(DeskCase deskCase)
    {
        var summary = deskCase.Brief();
        var facts = new JsonArray();
        void Fact(string title, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                facts.Add(new JsonObject { ["title"] = title, ["value"] = value });
            }
        }

        Fact("Customer", $"{summary.CustomerName} ({summary.ChannelId})");
        Fact("Category", summary.CategoryTitle);
        Fact("In their words", summary.Complaint);
        Fact("Answers", string.Join("; ", summary.Answers.Select(a => $"{a.QuestionId.Replace('_', ' ')}: {a.Answer}")));
        Fact("Also bothering them", string.Join("; ", summary.UnderlyingIssues));
        Fact("Remedy wanted", summary.RemedyWithAmount());
        Fact("Amount", summary.AmountText);
        Fact("Other amounts", string.Join("; ", summary.OtherAmounts));
        Fact("Needs approval because", summary.ApprovalReason);
        Fact("They added", summary.CustomerAddition);
        Fact("Feeling", summary.FeelingLine);
        var status = deskCase.Status == CaseStatus.Closed
            ? "Closed."
            : deskCase.AgentName is { } agent ? $"Taken by {agent}." : "Waiting for a colleague.";
        var content = new JsonObject
        {
            ["type"] = "AdaptiveCard",
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["version"] = "1.5",
            ["body"] = new JsonArray
            {
                new JsonObject { ["type"] = "TextBlock", ["size"] = "Medium", ["weight"] = "Bolder", ["wrap"] = true, ["text"] = $"{summary.CustomerName} needs a colleague: {summary.Problem}" },
                new JsonObject { ["type"] = "TextBlock", ["wrap"] = true, ["text"] = status },
                new JsonObject { ["type"] = "FactSet", ["facts"] = facts },
            },
        };
        if (deskCase.AgentName is null && deskCase.Status != CaseStatus.Closed)
        {
            content["actions"] = new JsonArray
            {
                new JsonObject { ["type"] = "Action.Submit", ["title"] = "Accept", ["data"] = new JsonObject { ["action"] = AcceptAction, ["caseId"] = deskCase.CaseId } },
            };
        }

        var botAccount = new ChannelAccount { Id = string.IsNullOrEmpty(bot.Value.MicrosoftAppId) ? bot.Value.Name : bot.Value.MicrosoftAppId, Name = bot.Value.Name };
        return new Activity
        {
            Type = ActivityTypes.Message,
            ChannelId = "msteams",
            ServiceUrl = Teams.ServiceUrl,
            Conversation = new ConversationAccount { Id = Teams.ConversationId, IsGroup = true, TenantId = string.IsNullOrEmpty(Teams.TenantId) ? null : Teams.TenantId },
            From = botAccount,
            Summary = $"{summary.CustomerName} needs a colleague",
            Attachments = [new Attachment { ContentType = "application/vnd.microsoft.card.adaptive", Content = content }],
        };
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The Teams card for case {CaseId} could not be posted or updated: {Reason}")]
    private static partial void LogCardFailed(ILogger logger, string caseId, string reason);
}
