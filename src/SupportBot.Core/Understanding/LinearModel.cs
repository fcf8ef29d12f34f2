using System.Numerics;

namespace SupportBot.Core.Understanding;

/// <summary>
/// A multinomial logistic regression over hashed sparse features: its softmax gives each label a probability. It
/// is trained by stochastic gradient descent in a fixed, seeded order on one thread, so the same examples always
/// give the same weights. Rare labels are weighted up (by the square root of how rare they are), so a label with a
/// dozen examples is not drowned by one with hundreds. Once trained it keeps only the rows of the features it saw
/// (under a tenth of the hashed space; the rest are zero and add nothing), found through one bit per feature: reading
/// a message touches a few kilobytes of index, which stay in the processor's cache, instead of megabytes of zeros.
/// </summary>
public sealed class LinearModel
{
    /// <summary>One bit per feature of the space: set when the feature has a row in <see cref="_weights"/>.</summary>
    private readonly ulong[] _present;

    /// <summary>For each word of <see cref="_present"/>, how many rows come before it.</summary>
    private readonly int[] _rowsBefore;

    /// <summary>The rows kept, in feature order, <see cref="_labels"/> weights each.</summary>
    private readonly float[] _weights;
    private readonly float[] _bias;
    private readonly int _labels;

    private LinearModel(IReadOnlyList<string> labels, ulong[] present, float[] weights, float[] bias)
    {
        Labels = labels;
        _labels = labels.Count;
        _present = present;
        _rowsBefore = new int[present.Length];
        for (var word = 1; word < present.Length; word++)
        {
            _rowsBefore[word] = _rowsBefore[word - 1] + BitOperations.PopCount(present[word - 1]);
        }

        _weights = weights;
        _bias = bias;
    }

    /// <summary>How many features have a row of weights (the others add nothing).</summary>
    public int Rows => _weights.Length / Math.Max(_labels, 1);

    /// <summary>The labels, in the order of the probabilities <see cref="Predict"/> writes.</summary>
    public IReadOnlyList<string> Labels { get; }

    /// <summary>Trains a model. Each example is its feature indices (from <see cref="TextFeaturizer"/>) and a label index.</summary>
    /// <param name="examples">The training examples; their order matters only through <paramref name="settings"/>' seed.</param>
    /// <param name="labels">The label names; a label without examples is never predicted.</param>
    /// <param name="dimension">The feature space's width.</param>
    /// <param name="settings">Epochs, learning rate, regularization and seed.</param>
    public static LinearModel Train(IReadOnlyList<(int[] Features, int Label)> examples, IReadOnlyList<string> labels, int dimension, LinearModelSettings settings)
    {
        ArgumentNullException.ThrowIfNull(examples);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(settings);
        var k = labels.Count;
        var weights = new float[dimension * k];
        var bias = new float[k];
        var counts = new int[k];
        foreach (var (_, label) in examples)
        {
            counts[label]++;
        }

        var present = counts.Count(c => c > 0);
        var classWeight = counts.Select(c => c == 0 ? 0 : Math.Sqrt(examples.Count / (double)(present * c))).ToArray();
        for (var c = 0; c < k; c++)
        {
            // Labels nobody wrote an example for start (and stay) far below the others.
            bias[c] = counts[c] == 0 ? -20f : 0f;
        }

        var order = Enumerable.Range(0, examples.Count).ToArray();
        var random = settings.Seed;
        var probabilities = new double[k];
        var gradient = new double[k];
        for (var epoch = 0; epoch < settings.Epochs; epoch++)
        {
            for (var i = order.Length - 1; i > 0; i--)
            {
                var j = (int)(Next(ref random) % (ulong)(i + 1));
                (order[i], order[j]) = (order[j], order[i]);
            }

            var rate = settings.LearningRate / (1 + (settings.Decay * epoch));
            foreach (var index in order)
            {
                var (features, label) = examples[index];
                if (features.Length == 0)
                {
                    continue;
                }

                var scale = 1 / Math.Sqrt(features.Length);
                Scores(weights, bias, k, features, scale, probabilities);
                Softmax(probabilities);
                for (var c = 0; c < k; c++)
                {
                    gradient[c] = (probabilities[c] - (c == label ? 1 : 0)) * classWeight[label];
                }

                var shrink = (float)(1 - (rate * settings.L2));
                foreach (var feature in features)
                {
                    var row = feature * k;
                    for (var c = 0; c < k; c++)
                    {
                        weights[row + c] = (weights[row + c] * shrink) - (float)(rate * gradient[c] * scale);
                    }
                }

                for (var c = 0; c < k; c++)
                {
                    bias[c] -= (float)(rate * gradient[c] * 0.1);
                }
            }
        }

        // Keep the rows of the features that have a weight: the others are all zeros and would change no sum.
        var withRow = new ulong[(dimension + 63) / 64];
        var kept = new List<float>();
        for (var feature = 0; feature < dimension; feature++)
        {
            var row = weights.AsSpan(feature * k, k);
            if (row.ContainsAnyExcept(0f))
            {
                withRow[feature >> 6] |= 1UL << (feature & 63);
                kept.AddRange(row);
            }
        }

        return new LinearModel(labels, withRow, [.. kept], bias);
    }

    /// <summary>
    /// Writes the model compactly, to be read back by <see cref="Read"/>: each weight as one of 255 steps of the
    /// model's largest weight, and only the rows with a weight of at least <paramref name="minimum"/> (a row whose
    /// weights all round to zero adds nothing). The same model always writes the same bytes.
    /// </summary>
    public void Write(BinaryWriter writer, double minimum = 0)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(_labels);
        foreach (var label in Labels)
        {
            writer.Write(label);
        }

        writer.Write(_present.Length);
        foreach (var b in _bias)
        {
            writer.Write(b);
        }

        var largest = 0f;
        foreach (var w in _weights)
        {
            largest = Math.Max(largest, Math.Abs(w));
        }

        var step = largest == 0 ? 1f : largest / 127f;
        writer.Write(step);
        var rows = new List<(int Feature, int Row)>();
        var row = 0;
        for (var word = 0; word < _present.Length; word++)
        {
            for (var bits = _present[word]; bits != 0; bits &= bits - 1)
            {
                var weights = _weights.AsSpan(row++ * _labels, _labels);
                var kept = false;
                foreach (var w in weights)
                {
                    kept |= Math.Abs(w) >= minimum && Math.Round(w / step) != 0;
                }

                if (kept)
                {
                    rows.Add(((word * 64) + BitOperations.TrailingZeroCount(bits), row - 1));
                }
            }
        }

        writer.Write(rows.Count);
        var previous = 0;
        foreach (var (feature, kept) in rows)
        {
            writer.Write7BitEncodedInt(feature - previous);
            previous = feature;
            foreach (var w in _weights.AsSpan(kept * _labels, _labels))
            {
                writer.Write((sbyte)Math.Clamp(Math.Round(w / step), -127, 127));
            }
        }
    }

    /// <summary>Reads a model <see cref="Write"/> wrote.</summary>
    public static LinearModel Read(BinaryReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var k = reader.ReadInt32();
        var labels = new string[k];
        for (var c = 0; c < k; c++)
        {
            labels[c] = reader.ReadString();
        }

        var present = new ulong[reader.ReadInt32()];
        var bias = new float[k];
        for (var c = 0; c < k; c++)
        {
            bias[c] = reader.ReadSingle();
        }

        var step = reader.ReadSingle();
        var rows = reader.ReadInt32();
        var weights = new float[rows * k];
        var feature = 0;
        for (var row = 0; row < rows; row++)
        {
            feature += reader.Read7BitEncodedInt();
            present[feature >> 6] |= 1UL << (feature & 63);
            for (var c = 0; c < k; c++)
            {
                weights[(row * k) + c] = reader.ReadSByte() * step;
            }
        }

        return new LinearModel(labels, present, weights, bias);
    }

    /// <summary>Writes each label's probability for <paramref name="features"/> into <paramref name="probabilities"/>.</summary>
    public void Predict(ReadOnlySpan<int> features, Span<double> probabilities)
    {
        var k = _labels;
        Span<float> sums = stackalloc float[k];
        sums.Clear();
        foreach (var feature in features)
        {
            var word = _present[feature >> 6];
            var bit = 1UL << (feature & 63);
            if ((word & bit) != 0)
            {
                var index = _rowsBefore[feature >> 6] + BitOperations.PopCount(word & (bit - 1));
                var row = _weights.AsSpan(index * k, k);
                for (var c = 0; c < k; c++)
                {
                    sums[c] += row[c];
                }
            }
        }

        var scale = features.Length == 0 ? 0 : 1 / Math.Sqrt(features.Length);
        Total(sums, _bias, scale, probabilities);
        Softmax(probabilities[..k]);
    }

    /// <summary>The scores while training, over the whole (dense) weight table.</summary>
    private static void Scores(float[] weights, float[] bias, int k, ReadOnlySpan<int> features, double scale, Span<double> scores)
    {
        Span<float> sums = stackalloc float[k];
        sums.Clear();
        foreach (var feature in features)
        {
            var row = weights.AsSpan(feature * k, k);
            for (var c = 0; c < k; c++)
            {
                sums[c] += row[c];
            }
        }

        Total(sums, bias, scale, scores);
    }

    private static void Total(ReadOnlySpan<float> sums, float[] bias, double scale, Span<double> scores)
    {
        for (var c = 0; c < sums.Length; c++)
        {
            scores[c] = bias[c] + (sums[c] * scale);
        }
    }

    private static void Softmax(Span<double> scores)
    {
        var max = double.NegativeInfinity;
        foreach (var s in scores)
        {
            max = Math.Max(max, s);
        }

        double sum = 0;
        for (var c = 0; c < scores.Length; c++)
        {
            scores[c] = Math.Exp(scores[c] - max);
            sum += scores[c];
        }

        for (var c = 0; c < scores.Length; c++)
        {
            scores[c] /= sum;
        }
    }

    private static ulong Next(ref ulong state)
    {
        // SplitMix64: a fixed generator, so the order is the same on every runtime.
        var z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
