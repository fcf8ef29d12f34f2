using SupportBot.Core.Understanding;

namespace SupportBot.Core.Tests.Understanding;

/// <summary>The model keeps only the rows of trained features; these check that each is still found, and the rest add nothing.</summary>
public sealed class LinearModelTests
{
    private const int Dimension = 1 << 18;

    // Several features in one 64-bit word of the index, neighbours across words, and both ends of the space.
    private static readonly int[] Features = [0, 1, 2, 63, 64, 65, 127, 130, 4095, 70_000, 70_001, Dimension - 1];

    [Fact]
    public void Predict_EachTrainedFeature_ReadsItsOwnLabel()
    {
        var model = Train();

        for (var i = 0; i < Features.Length; i++)
        {
            var probabilities = new double[Features.Length];
            model.Predict([Features[i]], probabilities);

            Assert.True(IndexOfMax(probabilities) == i, $"feature {Features[i]} read as {model.Labels[IndexOfMax(probabilities)]}");
        }
    }

    [Fact]
    public void Predict_FeaturesNeverTrained_AddNothing()
    {
        var model = Train();
        var none = new double[Features.Length];
        var unseen = new double[Features.Length];

        model.Predict([], none);
        model.Predict([3, 66, 129, 70_002, Dimension - 2], unseen);

        Assert.Equal(none, unseen);
    }

    [Fact]
    public void Predict_TrainedAndUnseenTogether_SameLeaderAsTrainedAlone()
    {
        var model = Train();
        var probabilities = new double[Features.Length];

        model.Predict([64, 3, 66], probabilities);

        Assert.Equal(Array.IndexOf(Features, 64), IndexOfMax(probabilities));
    }

    [Fact]
    public void WriteThenRead_SameLeaderForEveryFeature_AndTheSameBytesAgain()
    {
        var model = Train();
        using var first = new MemoryStream();
        using (var writer = new BinaryWriter(first, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            model.Write(writer);
        }

        first.Position = 0;
        var read = LinearModel.Read(new BinaryReader(first));
        using var second = new MemoryStream();
        using (var writer = new BinaryWriter(second, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            read.Write(writer);
        }

        Assert.Equal(model.Labels, read.Labels);
        Assert.Equal(first.ToArray(), second.ToArray());
        for (var i = 0; i < Features.Length; i++)
        {
            var probabilities = new double[Features.Length];
            read.Predict([Features[i]], probabilities);
            Assert.Equal(i, IndexOfMax(probabilities));
        }
    }

    [Fact]
    public void Write_RowsBelowTheMinimum_AreLeftOut()
    {
        var model = Train();
        using var all = new MemoryStream();
        using var fewer = new MemoryStream();

        model.Write(new BinaryWriter(all));
        model.Write(new BinaryWriter(fewer), minimum: 1e6);

        Assert.True(fewer.Length < all.Length);
        fewer.Position = 0;
        Assert.Equal(0, LinearModel.Read(new BinaryReader(fewer)).Rows);
    }

    private static LinearModel Train()
    {
        var examples = Features.SelectMany((feature, label) => Enumerable.Repeat((new[] { feature }, label), 3)).ToList();
        return LinearModel.Train(examples, [.. Features.Select(f => $"label-{f}")], Dimension, new LinearModelSettings());
    }

    private static int IndexOfMax(double[] values) => Array.IndexOf(values, values.Max());
}
