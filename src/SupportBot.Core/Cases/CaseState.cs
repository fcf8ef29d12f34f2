using SupportBot.Core.Bot;
using SupportBot.Core.State;

namespace SupportBot.Core.Cases;

/// <summary>Where a conversation keeps its case (conversation state) and what is remembered of the customer (user state).</summary>
public sealed class CaseState
{
    private readonly StatePropertyAccessor<SupportCase> _case;
    private readonly StatePropertyAccessor<UserProfile> _profile;

    public CaseState(ConversationState conversationState, UserState userState)
    {
        ArgumentNullException.ThrowIfNull(conversationState);
        ArgumentNullException.ThrowIfNull(userState);
        _case = conversationState.CreateProperty("case", CaseJson.Default.SupportCase);
        _profile = userState.CreateProperty("profile", CaseJson.Default.UserProfile);
    }

    /// <summary>The conversation's case, or null before the first one opens.</summary>
    public Task<SupportCase?> CaseOrNullAsync(TurnContext turnContext, CancellationToken cancellationToken) =>
        _case.GetOrNullAsync(turnContext, cancellationToken);

    /// <summary>The conversation's case; an empty one (to be filled) when none has opened.</summary>
    public Task<SupportCase> CaseAsync(TurnContext turnContext, CancellationToken cancellationToken) =>
        _case.GetAsync(turnContext, () => new SupportCase(), cancellationToken);

    /// <summary>Makes <paramref name="supportCase"/> the conversation's case (a new one, or one brought back by a check-in).</summary>
    public Task SetCaseAsync(TurnContext turnContext, SupportCase supportCase, CancellationToken cancellationToken) =>
        _case.SetAsync(turnContext, supportCase, cancellationToken);

    /// <summary>The customer's profile.</summary>
    public Task<UserProfile> ProfileAsync(TurnContext turnContext, CancellationToken cancellationToken) =>
        _profile.GetAsync(turnContext, () => new UserProfile(), cancellationToken);
}
