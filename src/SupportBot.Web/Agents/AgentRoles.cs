namespace SupportBot.Web.Agents;

/// <summary>The roles a colleague can have: agents work cases; admins also see the admin page and prompt health.</summary>
public static class AgentRoles
{
    public const string Agent = "agent";
    public const string Admin = "admin";
}
