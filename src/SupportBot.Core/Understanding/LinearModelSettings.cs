namespace SupportBot.Core.Understanding;

/// <summary>How <see cref="LinearModel"/> trains. The defaults were tuned by cross-validation on labeled customer messages.</summary>
public sealed record LinearModelSettings
{
    /// <summary>Passes over the examples.</summary>
    public int Epochs { get; init; } = 20;

    /// <summary>The first epoch's step size; later epochs take smaller steps (<see cref="Decay"/>).</summary>
    public double LearningRate { get; init; } = 0.5;

    /// <summary>How fast the step size shrinks per epoch.</summary>
    public double Decay { get; init; } = 0.3;

    /// <summary>L2 shrinkage of the weights an example touches; keeps probabilities from growing overconfident.</summary>
    public double L2 { get; init; } = 1e-4;

    /// <summary>The seed of the example order: the same seed and examples give the same model.</summary>
    public ulong Seed { get; init; } = 20240611;
}
