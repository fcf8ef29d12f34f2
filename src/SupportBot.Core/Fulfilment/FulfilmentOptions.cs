namespace SupportBot.Core.Fulfilment;

/// <summary>The <c>Fulfilment</c> section: how granted remedies are carried out.</summary>
public sealed class FulfilmentOptions
{
    public const string Section = "Fulfilment";

    /// <summary>The business systems' webhooks, by the name <c>remedies.yaml</c> gives them (<c>fulfil: { webhook: NAME }</c>).</summary>
    public Dictionary<string, WebhookOptions> Webhooks { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// How long the customer's turn waits for the webhook's answer. Only an answer within it lets the bot say "done"
    /// at once; a later one is told in the same conversation when it comes.
    /// </summary>
    public double TurnBudgetSeconds { get; set; } = 3;

    /// <summary>How many times an action is sent at most before a colleague takes it over.</summary>
    public int Attempts { get; set; } = 6;

    /// <summary>The wait before the first retry; each next one waits twice as long (with jitter), up to <see cref="MaxRetrySeconds"/>.</summary>
    public double FirstRetrySeconds { get; set; } = 10;

    /// <summary>The longest wait between two attempts, <c>Retry-After</c> included.</summary>
    public double MaxRetrySeconds { get; set; } = 3600;

    /// <summary>How long a business system that answered 202 Accepted has to call back before a colleague takes the action over.</summary>
    public double CallbackHours { get; set; } = 48;

    /// <summary>How often the outbox is looked at for actions due (retries, callbacks overdue, outcomes to tell).</summary>
    public double CheckSeconds { get; set; } = 2;

    /// <summary>The webhook <paramref name="name"/>, when it is configured and on.</summary>
    public WebhookOptions? Webhook(string? name) =>
        name is not null && Webhooks.TryGetValue(name, out var webhook) && webhook.Enabled ? webhook : null;

    /// <summary>
    /// How long a new action waits for its turn's own attempt before the background sends it: past the turn's
    /// budget and the attempt's timeout, so it is sent again only when the process stopped before sending it.
    /// </summary>
    public TimeSpan Reserve(string? webhook) => TimeSpan.FromSeconds(TurnBudgetSeconds + (Webhook(webhook)?.TimeoutSeconds ?? 0) + 5);

    /// <summary>What is wrong with these settings, or null.</summary>
    public string? Problem()
    {
        if (TurnBudgetSeconds is < 0 or > 30)
        {
            return "Fulfilment:TurnBudgetSeconds must be from 0 to 30.";
        }

        if (Attempts is < 1 or > 50 || FirstRetrySeconds <= 0 || MaxRetrySeconds < FirstRetrySeconds || CallbackHours <= 0 || CheckSeconds <= 0)
        {
            return "Fulfilment: Attempts must be from 1 to 50, FirstRetrySeconds above 0, MaxRetrySeconds at least FirstRetrySeconds, CallbackHours and CheckSeconds above 0.";
        }

        return Webhooks.Select(w => w.Value.Problem(w.Key)).FirstOrDefault(p => p is not null);
    }
}
