using System.Text.Json;
using System.Text.Json.Serialization;

namespace SupportBot.Web.Admin;

/// <summary>The studio's JSON (its API and its history in storage), source-generated.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, UseStringEnumConverter = true)]
[JsonSerializable(typeof(PromptBook))]
[JsonSerializable(typeof(PromptEdit))]
[JsonSerializable(typeof(CheckResult))]
[JsonSerializable(typeof(PreviewRequest))]
[JsonSerializable(typeof(PreviewResult))]
[JsonSerializable(typeof(SampleSet))]
[JsonSerializable(typeof(SaveResult))]
[JsonSerializable(typeof(HistoryTexts))]
[JsonSerializable(typeof(List<HistoryEntry>))]
[JsonSerializable(typeof(IReadOnlyList<HistoryEntry>))]
[JsonSerializable(typeof(TrialRequest))]
[JsonSerializable(typeof(TrialResult))]
[JsonSerializable(typeof(AdminView))]
[JsonSerializable(typeof(RemedyBook))]
[JsonSerializable(typeof(RemedyEdit))]
[JsonSerializable(typeof(RuleImpact))]
[JsonSerializable(typeof(UnderstandingView))]
[JsonSerializable(typeof(ExampleAdd))]
[JsonSerializable(typeof(KeywordsEdit))]
[JsonSerializable(typeof(DraftView))]
[JsonSerializable(typeof(TestChatRequest))]
[JsonSerializable(typeof(TestChatReply))]
public sealed partial class AdminJson : JsonSerializerContext;
