namespace SupportBot.Testing;

/// <summary>A scripted conversation did not go as expected.</summary>
public sealed class TestFlowException : Exception
{
    public TestFlowException()
    {
    }

    public TestFlowException(string message)
        : base(message)
    {
    }

    public TestFlowException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
