using SQLitePCL;

namespace MentorHub.Web.Data;

/// <summary>
/// Process-wide settings of the SQLite engine bundled with Microsoft.Data.Sqlite. SQLite takes them only before it
/// starts, that is before the first connection of the process opens.
/// </summary>
public static class SqliteEngine
{
    /// <summary><c>SQLITE_CONFIG_MEMSTATUS</c> in sqlite3.h.</summary>
    private const int ConfigMemoryStatistics = 9;

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
}
