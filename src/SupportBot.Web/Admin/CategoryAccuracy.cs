namespace SupportBot.Web.Admin;

/// <summary>How many of a category's examples the reader files under it when it did not learn from them (cross-validated).</summary>
public sealed record CategoryAccuracy(string Category, int Correct, int Total)
{
    public double Accuracy => Total == 0 ? 0 : Math.Round((double)Correct / Total, 3);
}
