using SuperKube.Scheduling.Framework;

namespace SuperKube.Scheduling.Plugins;

/// <summary>Upstream's default normalisation: scale to 0..100 by the highest score, optionally reversed.</summary>
internal static class ScoreNormalizer
{
    public static void Default(Span<NodeScore> scores, bool reverse)
    {
        long max = 0;
        foreach (var s in scores)
        {
            max = Math.Max(max, s.Score);
        }

        for (var i = 0; i < scores.Length; i++)
        {
            var score = max == 0 ? 0 : NodeScore.MaxScore * scores[i].Score / max;
            scores[i].Score = reverse ? NodeScore.MaxScore - score : score;
        }
    }
}
