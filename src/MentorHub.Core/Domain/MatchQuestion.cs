namespace MentorHub.Core.Domain;

public enum QuestionKind
{
    /// <summary>One option: agreement is 1 when both chose the same, else 0.</summary>
    SingleChoice,

    /// <summary>Any options: agreement is the share of the chosen options both chose (Jaccard).</summary>
    MultipleChoice,

    /// <summary>All options in order of preference: agreement is how close the two orders are (Spearman's footrule).</summary>
    Ranked,

    /// <summary>A point from 1 to 5: agreement falls by a quarter for each point apart.</summary>
    Scale,
}

/// <summary>
/// A program's matching question about values or work style, besides competencies: both sides answer it on their
/// profile, and a pair's agreement on it counts with its weight. A deal-breaker threshold keeps apart any pair that
/// agrees less than that (when both have answered).
/// </summary>
public class MatchQuestion
{
    public const int MaxOptions = 8;
    public const int ScalePoints = 5;

    private MatchQuestion() { }

    public MatchQuestion(string text, QuestionKind kind, IEnumerable<string> options, int weight, int? dealBreakerBelow)
    {
        Text = text.Trim();
        Kind = kind;
        SetOptions(options);
        SetWeighting(weight, dealBreakerBelow);
        if (Text.Length is 0 or > 200) throw new DomainException("A question has a text of 1 to 200 characters.");
    }

    public int Id { get; private set; }
    public int ProgramId { get; private set; }
    public string Text { get; private set; } = "";
    public QuestionKind Kind { get; private set; }

    /// <summary>The options, one per line (none for a 1-5 scale).</summary>
    public string Options { get; private set; } = "";

    /// <summary>0 to 10, like the competency and availability weights.</summary>
    public int Weight { get; private set; }

    /// <summary>A pair that agrees less than this (0-100%) is never proposed; null: no deal-breaker.</summary>
    public int? DealBreakerBelow { get; private set; }
    public int SortOrder { get; set; }

    public IReadOnlyList<string> OptionList => Options.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>How many values an answer may hold and their range: options for choices and rankings, 1-5 for a scale.</summary>
    public int Choices => Kind is QuestionKind.Scale ? ScalePoints : OptionList.Count;

    public void SetWeighting(int weight, int? dealBreakerBelow)
    {
        if (weight is < 0 or > 10) throw new DomainException("A question's weight is from 0 to 10.");
        if (dealBreakerBelow is < 1 or > 100) throw new DomainException("A deal-breaker threshold is from 1% to 100% agreement, or none.");
        Weight = weight;
        DealBreakerBelow = dealBreakerBelow;
    }

    private void SetOptions(IEnumerable<string> options)
    {
        var list = options.Select(o => o.Trim()).Where(o => o.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (Kind is QuestionKind.Scale)
        {
            Options = "";
            return;
        }
        if (list.Count is < 2 or > MaxOptions) throw new DomainException($"A choice or ranking needs 2 to {MaxOptions} different options, one per line.");
        if (list.Any(o => o.Length > 80)) throw new DomainException("Each option is at most 80 characters.");
        Options = string.Join('\n', list);
    }

    /// <summary>
    /// Checks an answer's values (option numbers from 0, or a scale point from 1 to 5) and returns them as stored; a
    /// ranking must order every option once.
    /// </summary>
    public string Normalize(IReadOnlyList<int> values)
    {
        var ok = Kind switch
        {
            QuestionKind.SingleChoice => values.Count == 1 && values[0] >= 0 && values[0] < Choices,
            QuestionKind.MultipleChoice => values.Count >= 1 && values.All(v => v >= 0 && v < Choices) && values.Distinct().Count() == values.Count,
            QuestionKind.Ranked => values.Count == Choices && values.Order().SequenceEqual(Enumerable.Range(0, Choices)),
            _ => values.Count == 1 && values[0] is >= 1 and <= ScalePoints,
        };
        if (!ok)
            throw new DomainException(Kind switch
            {
                QuestionKind.Ranked => $"Rank every option of “{Text}” once, from 1 to {Choices}.",
                QuestionKind.Scale => $"Answer “{Text}” with a point from 1 to {ScalePoints}.",
                _ => $"Choose from the options of “{Text}”.",
            });
        return string.Join(",", Kind is QuestionKind.MultipleChoice ? values.Order() : values.AsEnumerable());
    }
}

/// <summary>A participant's answer to one of the program's matching questions, as the values <see cref="MatchQuestion.Normalize"/> stores.</summary>
public class MatchAnswer(int questionId, string values)
{
    public int Id { get; private set; }
    public int EnrollmentId { get; private set; }
    public int QuestionId { get; private set; } = questionId;
    public string Values { get; set; } = values;

    public static int[] Parse(string values) => values.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(v => int.Parse(v, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
}
