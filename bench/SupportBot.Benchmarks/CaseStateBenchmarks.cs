using System.Text;
using BenchmarkDotNet.Attributes;
using SupportBot.Core.Activities;
using SupportBot.Core.Bot;
using SupportBot.Core.Cases;
using SupportBot.Core.State;

namespace SupportBot.Benchmarks;

/// <summary>
/// A turn's work on the conversation's case (about 1 KB of JSON, a real case from the load): the state read, the case
/// deserialized, changed and written back, once through the generated code the app uses (<see cref="CaseState"/>),
/// once through the state's reflection (a property of the same name without it).
/// Run: <c>dotnet run -c Release --project bench/SupportBot.Benchmarks -- --filter '*CaseStateBenchmarks*'</c>
/// </summary>
[MemoryDiagnoser]
public class CaseStateBenchmarks
{
    private const string Case = """
        {"case":{"caseId":"case-20261203-fdcfa111","fullName":"Dana Reyes","firstName":"Dana","customerId":"user-load-1-0","channelId":"bench","conversationId":"c1","tier":"standard","nameAsked":false,"askedForPersonFirst":false,"complaint":"I am furious, the package from order 55120 was lost, I paid $45 three weeks ago","mirrored":"you are furious, the package from order 55120 was lost","target":"your package","category":"delivery","categoryTitle":"Delivery late or missing","categoryAsked":false,"suggestion":false,"answers":[{"questionId":"order_number","question":"What's the order number? It's in your confirmation email.","answer":"55120","saysNothing":false},{"questionId":"when","question":"When did this happen?","answer":"three weeks ago","saysNothing":false},{"questionId":"tried","question":"Have you already tried anything to sort it out, such as contacting us before? I don't want you to repeat anything.","answer":"I emailed twice already","saysNothing":false}],"wantsTheFix":false,"underlyingIssues":[],"moods":[{"turn":1,"label":"negative","compound":-0.747,"intensity":0.747,"emotions":["frustration","anxiety","anger"],"feeling":"furious","heat":3},{"turn":2,"label":"negative","compound":-0.06,"intensity":0.35,"emotions":["frustration"],"feeling":"mild","heat":1}],"usedPromptIds":["furious-frustration-1","layers-ask-2"],"remediesOffered":["a replacement sent by express delivery, at no cost","a full refund","a credit on your account for the trouble"],"remedyId":"express_reshipment","remedyWanted":"a replacement sent by express delivery, at no cost","amount":45,"currency":"USD","otherAmounts":[],"actionsUnderway":[],"outcomesTold":[],"resolved":false,"nothingWanted":false,"followsOpenCase":false,"openedAt":"2026-12-03T20:17:59.7463358+00:00","withColleague":false,"granted":[],"linesSinceNamed":0}}
        """;

    private readonly Activity _activity = Activity.CreateMessage("5") with { ChannelId = "bench", Conversation = new ConversationAccount { Id = "c1" }, From = new ChannelAccount { Id = "u1" } };
    private ConversationState _state = null!;
    private CaseState _generated = null!;
    private StatePropertyAccessor<SupportCase> _reflection = null!;

    [GlobalSetup]
    public void Setup()
    {
        var storage = new MemoryStorage();
        _state = new ConversationState(storage);
        _generated = new CaseState(_state, new UserState(storage));
        _reflection = _state.CreateProperty<SupportCase>("case");
        storage.WriteAsync(new Dictionary<string, StoreItem> { [_state.GetStorageKey(_activity)!] = new(Encoding.UTF8.GetBytes(Case), "*") }, CancellationToken.None).GetAwaiter().GetResult();
    }

    [Benchmark(Baseline = true)]
    public async Task<int> Reflection()
    {
        var turn = new TurnContext(_activity, TimeProvider.System);
        var supportCase = (await _reflection.GetOrNullAsync(turn, CancellationToken.None))!;
        supportCase.Rating = 5;
        return _state.GetChanges(turn)!.Value.Value.Utf8.Length;
    }

    [Benchmark]
    public async Task<int> Generated()
    {
        var turn = new TurnContext(_activity, TimeProvider.System);
        var supportCase = await _generated.CaseAsync(turn, CancellationToken.None);
        supportCase.Rating = 5;
        return _state.GetChanges(turn)!.Value.Value.Utf8.Length;
    }
}
