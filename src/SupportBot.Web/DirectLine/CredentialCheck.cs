namespace SupportBot.Web.DirectLine;

/// <summary>The outcome of checking a bearer credential.</summary>
public enum CredentialCheck
{
    Valid,
    Expired,
    Invalid,
}
