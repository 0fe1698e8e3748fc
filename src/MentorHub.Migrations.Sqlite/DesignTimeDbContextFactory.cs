using MentorHub.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace MentorHub.Migrations.Sqlite;

/// <summary>Lets dotnet-ef build the model for SQLite without starting the web app (see scripts/add-migration.sh).</summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<MentorHubDbContext>
{
    public MentorHubDbContext CreateDbContext(string[] args) => new(new DbContextOptionsBuilder<MentorHubDbContext>()
        .UseSqlite("Data Source=design-time.db", sqlite => sqlite.MigrationsAssembly(typeof(DesignTimeDbContextFactory).Assembly.GetName().Name))
        .Options);
}
