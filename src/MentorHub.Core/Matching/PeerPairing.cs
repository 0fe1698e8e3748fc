namespace MentorHub.Core.Matching;

public sealed record PeerPair(MatchParticipant First, MatchParticipant Second, double Score, string Explanation, bool IsPinned);

public sealed record PeerProposal(IReadOnlyList<PeerPair> Pairs, IReadOnlyList<UnmatchedParticipant> Unmatched, IReadOnlyList<string> Warnings)
{
    public double TotalScore => Math.Round(Pairs.Sum(p => p.Score), 2);
}

/// <summary>
/// Pairs peers with no mentor/mentee direction: a pair's score is the mean of what each offers the other.
/// Exact (maximum total score) for up to <see cref="ExactLimit"/> peers by dynamic programming over subsets; above
/// that, best-first pairing improved by swapping partners between pairs until no swap raises the total.
/// </summary>
public static class PeerPairing
{
    public const int ExactLimit = 18;

    public static PeerProposal Pair(IReadOnlyList<MatchParticipant> peers, MatchScorer scorer, MatchConstraints constraints)
    {
        var warnings = new List<string>();
        var byId = peers.ToDictionary(p => p.Id);
        var pairs = new List<PeerPair>();
        var taken = new HashSet<int>();
        foreach (var pin in constraints.Pinned)
        {
            if (!byId.TryGetValue(pin.MenteeId, out var a) || !byId.TryGetValue(pin.MentorId, out var b) || a.Id == b.Id) continue;
            if ((constraints.ConflictOf(a.Id, b.Id) ?? constraints.ConflictOf(b.Id, a.Id)) is { } conflict)
            {
                warnings.Add($"{a.Name} and {b.Name} are pinned together, but they cannot be matched: {conflict}. The pin is left out.");
                continue;
            }
            if (scorer.DealBreaker(a, b) is { } question)
            {
                warnings.Add($"{a.Name} and {b.Name} are pinned together, but their answers to “{question.Text}” are a deal-breaker. The pin is left out.");
                continue;
            }
            if (taken.Contains(a.Id) || taken.Contains(b.Id))
            {
                warnings.Add($"{a.Name} and {b.Name} are pinned together, but one of them is already pinned to someone else.");
                continue;
            }
            taken.Add(a.Id);
            taken.Add(b.Id);
            pairs.Add(Describe(a, b, scorer, isPinned: true));
        }

        var open = peers.Where(p => !taken.Contains(p.Id)).ToList();
        var n = open.Count;
        var weight = new long[n, n];
        for (var i = 0; i < n; i++)
        {
            for (var j = i + 1; j < n; j++)
            {
                var forbidden = constraints.IsForbidden(open[i].Id, open[j].Id) || constraints.IsForbidden(open[j].Id, open[i].Id)
                    || constraints.ConflictOf(open[i].Id, open[j].Id) is not null || constraints.ConflictOf(open[j].Id, open[i].Id) is not null
                    || scorer.DealBreaker(open[i], open[j]) is not null;
                weight[i, j] = weight[j, i] = forbidden ? 0 : (long)Math.Round(PairScore(open[i], open[j], scorer) * 100);
            }
        }
        var partner = n <= ExactLimit ? Exact(weight, n) : Improved(weight, n);
        var unmatched = new List<UnmatchedParticipant>();
        for (var i = 0; i < n; i++)
        {
            if (partner[i] > i) pairs.Add(Describe(open[i], open[partner[i]], scorer, isPinned: false));
            else if (partner[i] < 0)
                unmatched.Add(new UnmatchedParticipant(open[i], n % 2 == 1 && unmatched.Count == 0
                    ? "An odd number of peers: one is left for the coordinator to place (a group of three, or the next cohort)."
                    : "No possible partner: every pairing is forbidden, a conflict of interest, a deal-breaker or scores nothing."));
        }
        return new PeerProposal(pairs, unmatched, warnings);
    }

    public static double PairScore(MatchParticipant a, MatchParticipant b, MatchScorer scorer) => (scorer.Total(a, b) + scorer.Total(b, a)) / 2;

    private static PeerPair Describe(MatchParticipant a, MatchParticipant b, MatchScorer scorer, bool isPinned)
    {
        var ab = scorer.Score(a, b);
        var ba = scorer.Score(b, a);
        return new PeerPair(a, b, Math.Round((ab.Total + ba.Total) / 2, 2), $"For {a.Name}: {ab.Explain()}. For {b.Name}: {ba.Explain()}.", isPinned);
    }

    /// <summary>best[mask] = the highest total pairing the peers in mask; each peer is paired or left out.</summary>
    private static int[] Exact(long[,] weight, int n)
    {
        var size = 1 << n;
        var best = new long[size];
        var choice = new int[size];
        for (var mask = 1; mask < size; mask++)
        {
            var i = System.Numerics.BitOperations.TrailingZeroCount(mask);
            var rest = mask & ~(1 << i);
            best[mask] = best[rest];
            choice[mask] = -1;
            for (var j = i + 1; j < n; j++)
            {
                if ((rest & (1 << j)) == 0 || weight[i, j] <= 0) continue;
                var total = weight[i, j] + best[rest & ~(1 << j)];
                if (total > best[mask])
                {
                    best[mask] = total;
                    choice[mask] = j;
                }
            }
        }
        var partner = Enumerable.Repeat(-1, n).ToArray();
        for (var mask = size - 1; mask != 0;)
        {
            var i = System.Numerics.BitOperations.TrailingZeroCount(mask);
            var j = choice[mask];
            mask &= ~(1 << i);
            if (j >= 0)
            {
                partner[i] = j;
                partner[j] = i;
                mask &= ~(1 << j);
            }
        }
        return partner;
    }

    private static int[] Improved(long[,] weight, int n)
    {
        var partner = Enumerable.Repeat(-1, n).ToArray();
        var edges = new List<(long Weight, int I, int J)>();
        for (var i = 0; i < n; i++)
            for (var j = i + 1; j < n; j++)
                if (weight[i, j] > 0) edges.Add((weight[i, j], i, j));
        foreach (var (_, i, j) in edges.OrderByDescending(e => e.Weight))
        {
            if (partner[i] >= 0 || partner[j] >= 0) continue;
            partner[i] = j;
            partner[j] = i;
        }
        long W(int a, int b) => a < 0 || b < 0 ? 0 : weight[a, b];
        for (var improved = true; improved;)
        {
            improved = false;
            for (var a = 0; a < n; a++)
            {
                for (var c = a + 1; c < n; c++)
                {
                    var b = partner[a];
                    var d = partner[c];
                    if (b == c) continue;
                    var now = W(a, b) + W(c, d);
                    if (W(a, c) + W(b, d) > now && W(a, c) > 0) { Swap(a, c, b, d); improved = true; }
                    else if (W(a, d) + W(b, c) > now && W(a, d) > 0 && d >= 0) { Swap(a, d, b, c); improved = true; }
                }
            }
        }
        return partner;

        void Swap(int a, int b, int c, int d)
        {
            foreach (var x in new[] { a, b, c, d }) if (x >= 0) partner[x] = -1;
            partner[a] = b;
            partner[b] = a;
            if (c >= 0 && d >= 0 && weight[c, d] > 0)
            {
                partner[c] = d;
                partner[d] = c;
            }
        }
    }
}
