using MentorHub.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace MentorHub.Migrations.SqlServer;

/// <summary>Lets dotnet-ef build the model for SQL Server without a server or the web app (see scripts/add-migration.sh).</summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<MentorHubDbContext>
{
    public MentorHubDbContext CreateDbContext(string[] args) => new(new DbContextOptionsBuilder<MentorHubDbContext>()
        .UseSqlServer("Server=localhost;Database=MentorHub;Integrated Security=false;TrustServerCertificate=true",
            sql => sql.MigrationsAssembly(typeof(DesignTimeDbContextFactory).Assembly.GetName().Name))
        .Options);
}
