using MentorHub.Core.Matching;

namespace MentorHub.Tests.Matching;

public class OptimalAssignmentTests
{
    [Fact]
    public void Equals_the_brute_force_optimum_on_many_small_random_instances()
    {
        var random = new Random(42);
        for (var instance = 0; instance < 400; instance++)
        {
            var rows = random.Next(1, 7);
            var columns = random.Next(1, 4);
            var points = Enumerable.Range(0, rows).Select(_ => Enumerable.Range(0, columns)
                .Select(_ => random.Next(5) == 0 ? 0L : random.Next(1, 100)).ToArray()).ToList();
            var capacities = Enumerable.Range(0, columns).Select(_ => random.Next(0, 3)).ToArray();

            var assignment = OptimalAssignment.Solve(points, capacities);

            Assert.Equal(BruteForceBest(points, capacities), Total(points, assignment));
            AssertFeasible(points, capacities, assignment);
        }
    }

    [Fact]
    public void Never_exceeds_a_capacity_and_never_uses_a_forbidden_pair_on_larger_instances()
    {
        var random = new Random(7);
        var points = Enumerable.Range(0, 300).Select(_ => Enumerable.Range(0, 40).Select(_ => random.Next(-5, 100) * 1L).ToArray()).ToList();
        var capacities = Enumerable.Range(0, 40).Select(_ => random.Next(1, 6)).ToArray();

        var assignment = OptimalAssignment.Solve(points, capacities);

        AssertFeasible(points, capacities, assignment);
        Assert.Equal(Math.Min(300, capacities.Sum()), assignment.Count(a => a >= 0));
    }

    [Fact]
    public void Prefers_two_good_pairs_over_one_excellent_pair_that_blocks_them()
    {
        // Greedy would give row 0 the 100 and leave row 1 with nothing: 100. The optimum is 90 + 80 = 170.
        long[][] points = [[100, 90], [80, 0]];

        var assignment = OptimalAssignment.Solve(points, [1, 1]);

        Assert.Equal([1, 0], assignment);
    }

    private static void AssertFeasible(IReadOnlyList<long[]> points, int[] capacities, int[] assignment)
    {
        for (var column = 0; column < capacities.Length; column++) Assert.True(assignment.Count(a => a == column) <= capacities[column]);
        for (var row = 0; row < assignment.Length; row++) Assert.True(assignment[row] < 0 || points[row][assignment[row]] > 0);
    }

    private static long Total(IReadOnlyList<long[]> points, int[] assignment) =>
        assignment.Select((column, row) => column < 0 ? 0 : points[row][column]).Sum();

    private static long BruteForceBest(IReadOnlyList<long[]> points, int[] capacities)
    {
        long best = 0;
        var load = new int[capacities.Length];
        void Visit(int row, long total)
        {
            if (row == points.Count)
            {
                best = Math.Max(best, total);
                return;
            }
            Visit(row + 1, total);
            for (var column = 0; column < capacities.Length; column++)
            {
                if (points[row][column] <= 0 || load[column] >= capacities[column]) continue;
                load[column]++;
                Visit(row + 1, total + points[row][column]);
                load[column]--;
            }
        }
        Visit(0, 0);
        return best;
    }
}
