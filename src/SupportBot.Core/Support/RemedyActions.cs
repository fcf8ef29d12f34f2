using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using SupportBot.Core.Bot;
using SupportBot.Core.Cases;
using SupportBot.Core.Fulfilment;
using SupportBot.Core.State;

namespace SupportBot.Core.Support;

/// <summary>
/// Turns a granted remedy into the action that carries it out, queued in the turn's outbox so that it is committed
/// with the turn: to the business's webhook when one is configured and the case knows what it needs (the purchase,
/// the amount), otherwise to a colleague, with the reason shown in the console.
/// </summary>
public static class RemedyActions
{
    /// <summary>Queues the action for <paramref name="remedy"/> (an action, not information) on <paramref name="supportCase"/>.</summary>
    public static FulfilmentAction Queue(TurnContext context, SupportCase supportCase, Remedy remedy, FulfilmentOptions options)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(supportCase);
        ArgumentNullException.ThrowIfNull(remedy);
        ArgumentNullException.ThrowIfNull(options);
        var now = context.TimeProvider.GetUtcNow();
        var deliveryId = $"dlv_{Guid.NewGuid():N}";
        var reference = context.Activity.GetConversationReference();
        var amount = remedy.PaysFor is { } purpose ? CaseAmounts.For(supportCase, purpose) : null;
        var details = supportCase.Answers
            .Where(a => RemedyFacts.Answer(supportCase, a.QuestionId) is not null)
            .GroupBy(a => a.QuestionId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Last().Answer, StringComparer.Ordinal);
        var reason = ColleagueReason(remedy, supportCase, amount is not null, options);
        var action = new FulfilmentAction
        {
            DeliveryId = deliveryId,
            IdempotencyKey = $"{supportCase.CaseId}:{remedy.Id}:{deliveryId[4..16]}",
            CaseId = supportCase.CaseId,
            RemedyId = remedy.Id,
            RemedyTitle = remedy.Title,
            Amount = amount,
            CustomerName = supportCase.FullName,
            Details = details,
            Reference = reference,
            Webhook = reason is null ? remedy.Fulfil.Webhook : null,
            Status = reason is null ? FulfilmentStatus.Delivering : FulfilmentStatus.WithColleague,
            ColleagueReason = reason,
            CreatedAt = now,
        };
        action = action with { Body = Body(action, supportCase, now) };
        context.AddOutbox(FulfilmentOutbox.Row(action, now + options.Reserve(action.Webhook)));
        supportCase.ActionsUnderway.Add(deliveryId);
        return action;
    }

    /// <summary>Why a colleague rather than the business's system carries it out, or null when the system does.</summary>
    private static string? ColleagueReason(Remedy remedy, SupportCase supportCase, bool amountKnown, FulfilmentOptions options)
    {
        if (remedy.Fulfil.Webhook is not { } webhook)
        {
            return "carried out by a colleague (remedies.yaml: fulfil: { colleague: true })";
        }

        if (options.Webhook(webhook) is null)
        {
            return $"the webhook '{webhook}' is not configured (Fulfilment:Webhooks:{webhook}:Url)";
        }

        if (remedy.PaysFor is not null && !amountKnown)
        {
            return "the amount is not known, so the system cannot be asked to pay it";
        }

        return RemedyFacts.Missing(remedy, supportCase) is { Count: > 0 } missing
            ? $"{string.Join(" and ", missing)} is not known, so the system cannot find what to act on"
            : null;
    }

    /// <summary>The webhook's request body: the contract a business system reads (see the README).</summary>
    private static string Body(FulfilmentAction action, SupportCase supportCase, DateTimeOffset now)
    {
        var body = new JsonObject
        {
            ["deliveryId"] = action.DeliveryId,
            ["idempotencyKey"] = action.IdempotencyKey,
            ["caseId"] = action.CaseId,
            ["remedy"] = new JsonObject { ["id"] = action.RemedyId, ["title"] = action.RemedyTitle },
        };
        if (action.Amount is { } amount)
        {
            body["amount"] = new JsonObject { ["value"] = amount.Value, ["currency"] = amount.Currency };
        }

        body["customer"] = new JsonObject { ["name"] = supportCase.FullName, ["channel"] = action.Reference.ChannelId, ["userId"] = action.Reference.User?.Id };
        body["details"] = new JsonObject([.. action.Details.Select(d => KeyValuePair.Create(d.Key, (JsonNode?)d.Value))]);
        body["conversationReference"] = JsonSerializer.SerializeToNode(action.Reference, StateJson.Options);
        body["requestedAt"] = now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        return body.ToJsonString();
    }
}
