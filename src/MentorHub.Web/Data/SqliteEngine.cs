using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace MentorHub.Web.Data;

/// <summary>
/// Settings of the SQLite engine bundled with Microsoft.Data.Sqlite: process-wide ones, which SQLite takes only before it
/// starts (that is before the first connection of the process opens), and one connection's.
/// </summary>
public static class SqliteEngine
{
    /// <summary><c>SQLITE_CONFIG_MEMSTATUS</c> in sqlite3.h.</summary>
    private const int ConfigMemoryStatistics = 9;

    /// <summary><c>SQLITE_DBCONFIG_ENABLE_QPSG</c> in sqlite3.h: the query planner stability guarantee.</summary>
    private const int ConfigPlanIndependentlyOfValues = 1007;

    /// <summary>Whether <see cref="TurnOffMemoryStatistics"/> took effect in this process.</summary>
    public static bool MemoryStatisticsOff { get; private set; }

    /// <summary>The engine's version, like 3.53.3.</summary>
    public static string Version
    {
        get
        {
            Batteries_V2.Init();
            return raw.sqlite3_libversion().utf8_to_string();
        }
    }

    /// <summary>
    /// Turns off SQLite's memory statistics, which the bundled build leaves on and MentorHub never reads. While they are
    /// on, every allocation SQLite makes (and a query makes many) takes one lock shared by the whole process, so
    /// requests running queries at the same time wait for each other. SQLite refuses the setting once it has started,
    /// as in a process that opened a connection before; <see cref="MemoryStatisticsOff"/> says whether it took effect.
    /// </summary>
    public static void TurnOffMemoryStatistics()
    {
        Batteries_V2.Init();
        if (raw.sqlite3_config(ConfigMemoryStatistics, 0) == raw.SQLITE_OK) MemoryStatisticsOff = true;
    }

    /// <summary>
    /// Makes the connection plan each statement without looking at the values bound to it (SQLite's query planner
    /// stability guarantee). Otherwise SQLite plans a statement with <c>LIMIT @p</c> (every <c>Take</c>) for the value
    /// bound when it compiles it, and compiles it again on the next run, since each run binds its values again: about
    /// half the queries of a participant's home page were compiled on every request although their statements were kept
    /// (<see cref="KeptSqliteStatements"/>). A plan then no longer adapts to the limit's value; the pages measured under
    /// load were as fast or faster for it (see the README).
    /// </summary>
    public static void PlanIndependentlyOfValues(SqliteConnection connection) =>
        raw.sqlite3_db_config(connection.Handle, ConfigPlanIndependentlyOfValues, 1, out _);

    /// <summary>Whether the connection plans statements without looking at their values (see <see cref="PlanIndependentlyOfValues"/>).</summary>
    public static bool PlansIndependentlyOfValues(SqliteConnection connection) =>
        raw.sqlite3_db_config(connection.Handle, ConfigPlanIndependentlyOfValues, -1, out var on) == raw.SQLITE_OK && on == 1;
}
