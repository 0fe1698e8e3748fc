using MentorHub.Core.Domain;

namespace MentorHub.Core.Matching;

/// <summary>A matching question as the scorer uses it: its weight, deal-breaker and how many values its answers hold.</summary>
public sealed record QuestionRule(int Id, string Text, QuestionKind Kind, int Choices, int Weight, int? DealBreakerBelow);

/// <summary>How much two answers to a question agree, from 0 (not at all) to 1 (fully).</summary>
public static class QuestionAgreement
{
    public static double Of(QuestionRule question, int[] a, int[] b)
    {
        switch (question.Kind)
        {
            case QuestionKind.SingleChoice:
                return a[0] == b[0] ? 1 : 0;
            case QuestionKind.MultipleChoice:
                // Options as bits (at most MatchQuestion.MaxOptions): the share chosen by both of those chosen by either.
                int maskA = 0, maskB = 0;
                foreach (var option in a) maskA |= 1 << option;
                foreach (var option in b) maskB |= 1 << option;
                return System.Numerics.BitOperations.PopCount((uint)(maskA & maskB)) / (double)System.Numerics.BitOperations.PopCount((uint)(maskA | maskB));
            case QuestionKind.Ranked:
                // Spearman's footrule: the sum of how far each option moved, against the most it can be (reversed order).
                var n = question.Choices;
                Span<int> rankA = stackalloc int[n];
                Span<int> rankB = stackalloc int[n];
                for (var i = 0; i < n; i++)
                {
                    rankA[a[i]] = i;
                    rankB[b[i]] = i;
                }
                var moved = 0;
                for (var option = 0; option < n; option++) moved += Math.Abs(rankA[option] - rankB[option]);
                var most = n * n / 2;
                return most == 0 ? 1 : 1 - moved / (double)most;
            default:
                return 1 - Math.Abs(a[0] - b[0]) / (double)(MatchQuestion.ScalePoints - 1);
        }
    }

    /// <summary>Whether the pair breaks the question's deal-breaker: both answered and they agree less than the threshold.</summary>
    public static bool Breaks(QuestionRule question, int[]? a, int[]? b) =>
        question.DealBreakerBelow is { } threshold && a is not null && b is not null && Of(question, a, b) * 100 < threshold - 1e-9;
}
