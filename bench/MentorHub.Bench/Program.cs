using System.Diagnostics;
using BenchmarkDotNet.Running;
using MentorHub.Bench;
using MentorHub.Core.Domain;
using MentorHub.Core.Matching;
using MentorHub.Core.Notifications;

// dotnet run -c Release --project bench/MentorHub.Bench -- --filter '*'      (BenchmarkDotNet)
// dotnet run -c Release --project bench/MentorHub.Bench -- quick             (one timed run of each, for a quick look)
// dotnet run -c Release --project bench/MentorHub.Bench -- digests [people] [batch]   (monthly digests composed and sent over SMTP)
// dotnet run -c Release --project bench/MentorHub.Bench -- connections [pairs] [runs]  (the cohort page with its connections list)
// dotnet run -c Release --project bench/MentorHub.Bench -- mentorship [entries] [runs] (a mentorship page with a long history, and its conversation)
// dotnet run -c Release --project bench/MentorHub.Bench -- report [pairs] [runs]       (a program's outcome report, then /Reports; 2,500 pairs = 5,000 participants)
// dotnet run -c Release --project bench/MentorHub.Bench -- load [people] [seconds] [connections] [keep.db]  (every main page under load, the app as its own process over a generated library system; keep.db keeps it for the next run)
//   MENTORHUB_LOAD_PAGES=coordinator,Reports measures only the pages whose names contain one of those parts, beside /health
//   MENTORHUB_LOAD_WRITES=2 has the mentor comment on a goal twice a second meanwhile (each write drops the figures kept until the next write)
if (args is ["load", ..])
{
    await LoadBenchmark.RunAsync(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 10_000,
        args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 10,
        args.Length > 3 ? int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture) : 32,
        args.Length > 4 ? args[4] : null);
    return;
}
if (args is ["report", ..])
{
    await ConnectionsBenchmark.RunAsync(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 2_500,
        args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 50, report: true);
    return;
}
if (args is ["mentorship", ..])
{
    await ConnectionsBenchmark.RunMentorshipAsync(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 2_000,
        args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 100);
    return;
}
if (args is ["connections", ..])
{
    await ConnectionsBenchmark.RunAsync(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 500,
        args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 200);
    return;
}
if (args is ["smtp", ..])
{
    await DigestBenchmark.SmtpOnlyAsync(200);
    return;
}
if (args is ["digests", ..])
{
    await DigestBenchmark.RunAsync(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 10_000,
        args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : MonthlyDigests.DefaultBatchSize);
    return;
}
if (args is ["quick", ..])
{
    var (mentees, mentors) = MatchingData.Generate(2000, 400);
    var scorer = new MatchScorer(new MatchWeights { BranchRule = BranchRule.PreferDifferent }, ProgramFormat.OneToOne);
    MatchPlanner.Propose(mentees.Take(50).ToList(), mentors.Take(10).ToList(), scorer, MatchConstraints.None);
    var scoring = Stopwatch.StartNew();
    double sum = 0;
    foreach (var mentee in mentees)
    {
        foreach (var mentor in mentors) sum += scorer.Total(mentee, mentor);
    }
    scoring.Stop();
    Console.WriteLine($"scoring every pair alone: {scoring.ElapsedMilliseconds} ms ({sum:0})");
    scoring.Restart();
    var totals = scorer.Totals(mentees, mentors);
    Console.WriteLine($"scoring every pair at once: {scoring.ElapsedMilliseconds} ms");
    scoring.Restart();
    totals = scorer.Totals(mentees, mentors);
    Console.WriteLine($"scoring every pair at once, again: {scoring.ElapsedMilliseconds} ms");
    var points = totals.Select(row => row.Select(t => 1 + (long)Math.Round(t * 100) * 2001).ToArray()).ToArray();
    scoring.Restart();
    OptimalAssignment.Solve(points, mentors.Select(m => m.Capacity).ToArray());
    Console.WriteLine($"optimal assignment alone: {scoring.ElapsedMilliseconds} ms");
    var objective = args.Length > 1 && args[1] == "most" ? MatchObjective.MostMatched : MatchObjective.HighestTotal;
    var watch = Stopwatch.StartNew();
    var proposal = MatchPlanner.Propose(mentees, mentors, scorer, MatchConstraints.None, objective);
    watch.Stop();
    Console.WriteLine($"matching 2000 mentees x 400 mentors ({mentors.Sum(m => m.Capacity)} places): {watch.ElapsedMilliseconds} ms, " +
        $"{proposal.Suggestions.Count} matched, {proposal.Unmatched.Count} unmatched, total score {proposal.TotalScore}");
    return;
}
BenchmarkSwitcher.FromAssembly(typeof(MatchingBenchmarks).Assembly).Run(args);
