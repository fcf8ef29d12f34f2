using System.Text.Json.Serialization;

namespace SupportBot.Core.Cases;

/// <summary>Why a case goes to a person.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<HandoffReason>))]
public enum HandoffReason
{
    /// <summary>The remedy the customer wants needs a colleague's approval.</summary>
    RemedyNeedsApproval,

    /// <summary>The customer asked for a person.</summary>
    CustomerAsked,

    /// <summary>The customer's frustration kept rising over their turns.</summary>
    FrustrationRising,

    /// <summary>A question was asked several times without an answer the bot could use.</summary>
    NotUnderstood,

    /// <summary>The customer said the remedy did not sort it out.</summary>
    NotResolved,

    /// <summary>The customer came back about a case a colleague already has.</summary>
    OpenCaseFollowUp,

    /// <summary>Fraud or a risk to someone's safety: a person, at once (<see cref="Understanding.SeriousMatterReader"/>).</summary>
    Serious,

    /// <summary>The customer corrected the amount after a request that pays money had gone out with the earlier one.</summary>
    AmountCorrected,

    /// <summary>The customer asked for another remedy after the one they chose had gone out: a colleague switches it.</summary>
    RemedyChanged,

    /// <summary>The customer says they never wanted the remedy that had gone out ("I didn't ask for a credit"): a colleague stops it.</summary>
    RemedyUnwanted,
}
