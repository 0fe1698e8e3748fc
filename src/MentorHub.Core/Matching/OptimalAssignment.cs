namespace MentorHub.Core.Matching;

/// <summary>
/// Assigns each row (mentee) to at most one column (mentor) so that the total of the chosen points is as large as
/// possible and no column takes more rows than its capacity. Rows may stay unassigned; a non-positive entry means
/// "not allowed".
/// </summary>
/// <remarks>
/// A min-cost flow solved row by row with successive shortest paths (the Hungarian method generalised to column
/// capacities). An extra "unassigned" column of unlimited capacity costs the same as any other choice's worst case, so
/// every row is always placed and the result is globally optimal. Dijkstra runs over the columns only: moving from a
/// full column back to one of its rows costs nothing in reduced terms. About O(rows × columns × path length).
/// </remarks>
public static class OptimalAssignment
{
    public const int Unassigned = -1;
    private const long Infinity = long.MaxValue / 4;

    /// <param name="points">points[row][column], higher is better; 0 or less forbids the pair.</param>
    /// <param name="capacities">how many rows each column can take.</param>
    /// <returns>For each row, its column, or <see cref="Unassigned"/>.</returns>
    public static int[] Solve(IReadOnlyList<long[]> points, IReadOnlyList<int> capacities)
    {
        var rows = points.Count;
        var columns = capacities.Count;
        var dummy = columns;
        var top = 1L;
        foreach (var row in points)
        {
            if (row.Length != columns) throw new ArgumentException("Every row needs one entry per column.", nameof(points));
            foreach (var value in row) top = Math.Max(top, value + 1);
        }

        // Minimise cost = top - points (>= 1); the unassigned column costs top for every row. Adding the same constant
        // to every choice of a row does not change which assignment is best, and keeps costs positive for Dijkstra.
        long Cost(int row, int column) => column == dummy ? top : points[row][column] > 0 ? top - points[row][column] : Infinity;

        var rowPotential = new long[rows];
        var columnPotential = new long[columns + 1];
        var assignedColumn = new int[rows];
        Array.Fill(assignedColumn, Unassigned);
        var load = new int[columns];
        var members = new List<int>[columns];
        for (var c = 0; c < columns; c++) members[c] = [];

        var distance = new long[columns + 1];
        var previousRow = new int[columns + 1];
        var done = new bool[columns + 1];
        var rowDistance = new long[rows];
        var scannedRows = new List<int>();
        var scanned = new bool[rows];
        // The real columns not yet settled in this search, kept compact so that each step looks at those alone.
        var open = new int[columns];

        for (var source = 0; source < rows; source++)
        {
            Array.Fill(done, false);
            for (var c = 0; c <= columns; c++)
            {
                distance[c] = Reduced(source, c);
                previousRow[c] = source;
                if (c < columns) open[c] = c;
            }
            var openCount = columns;
            scannedRows.Clear();
            rowDistance[source] = 0;
            scannedRows.Add(source);
            scanned[source] = true;

            int end;
            while (true)
            {
                // The nearest unsettled column; the unassigned column (never full) when nothing real is nearer.
                var bestIndex = -1;
                var bestDistance = Infinity;
                for (var i = 0; i < openCount; i++)
                {
                    if (distance[open[i]] < bestDistance)
                    {
                        bestDistance = distance[open[i]];
                        bestIndex = i;
                    }
                }
                if (bestIndex < 0 || distance[dummy] < bestDistance)
                {
                    done[dummy] = true;
                    end = dummy;
                    break;
                }
                var best = open[bestIndex];
                open[bestIndex] = open[--openCount];
                done[best] = true;
                if (load[best] < capacities[best])
                {
                    end = best;
                    break;
                }
                foreach (var row in members[best])
                {
                    rowDistance[row] = bestDistance;
                    scannedRows.Add(row);
                    scanned[row] = true;
                    var rowPoints = points[row];
                    var reach = bestDistance + rowPotential[row];
                    for (var i = 0; i < openCount; i++)
                    {
                        var c = open[i];
                        var value = rowPoints[c];
                        if (value <= 0) continue;
                        var candidate = reach + (top - value) - columnPotential[c];
                        if (candidate < distance[c])
                        {
                            distance[c] = candidate;
                            previousRow[c] = row;
                        }
                    }
                    var toDummy = reach + top - columnPotential[dummy];
                    if (!done[dummy] && toDummy < distance[dummy])
                    {
                        distance[dummy] = toDummy;
                        previousRow[dummy] = row;
                    }
                }
            }

            // Keep reduced costs non-negative: potentials move by each node's distance, capped at the path's length.
            var length = distance[end];
            for (var r = 0; r < rows; r++) rowPotential[r] += scanned[r] ? Math.Min(rowDistance[r], length) : length;
            foreach (var r in scannedRows) scanned[r] = false;
            for (var c = 0; c <= columns; c++) columnPotential[c] += done[c] ? Math.Min(distance[c], length) : length;

            // Shift rows along the path: each takes the column the path reached it by.
            var column = end;
            while (true)
            {
                var row = previousRow[column];
                var from = assignedColumn[row];
                if (from >= 0) members[from].Remove(row);
                assignedColumn[row] = column == dummy ? Unassigned : column;
                if (column != dummy) members[column].Add(row);
                if (row == source) break;
                column = from;
            }
            if (end != dummy) load[end]++;
        }
        return assignedColumn;

        long Reduced(int row, int column)
        {
            var cost = Cost(row, column);
            return cost >= Infinity ? Infinity : cost + rowPotential[row] - columnPotential[column];
        }
    }
}
