using MentorHub.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace MentorHub.Migrations.PostgreSql;

/// <summary>Lets dotnet-ef build the model for PostgreSQL without a server or the web app (see scripts/add-migration.sh).</summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<MentorHubDbContext>
{
    public MentorHubDbContext CreateDbContext(string[] args) => new(new DbContextOptionsBuilder<MentorHubDbContext>()
        .UseNpgsql("Host=localhost;Database=mentorhub",
            npgsql => npgsql.MigrationsAssembly(typeof(DesignTimeDbContextFactory).Assembly.GetName().Name))
        .Options);
}
