namespace SupportBot.Core.Activities;

/// <summary>The wire values of <see cref="Activity.InputHint"/> (not the spec text's short forms).</summary>
public static class InputHints
{
    public const string AcceptingInput = "acceptingInput";
    public const string ExpectingInput = "expectingInput";
    public const string IgnoringInput = "ignoringInput";
}
