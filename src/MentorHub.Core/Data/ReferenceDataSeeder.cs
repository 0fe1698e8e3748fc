using MentorHub.Core.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace MentorHub.Core.Data;

/// <summary>What every installation needs: the global roles and a starting competency catalogue. Adds only what is missing.</summary>
public static class ReferenceDataSeeder
{
    public static readonly IReadOnlyList<(string Category, string Name, string Description)> Catalogue =
    [
        ("Library systems", "ILS administration", "Configuring and running the integrated library system: circulation rules, patron records, reports."),
        ("Library systems", "ILS migration", "Moving data and workflows from one library system to another: mapping, testing, cut-over."),
        ("Library systems", "Discovery layer configuration", "Tuning the public catalogue and discovery interface: facets, relevance, record display."),
        ("Metadata", "Cataloguing & metadata", "Describing resources with RDA, MARC 21 and BIBFRAME; authority control."),
        ("Metadata", "AI-assisted cataloguing", "Using machine-generated metadata well: prompting, reviewing and correcting AI suggestions."),
        ("Metadata", "Linked data", "Publishing and consuming bibliographic linked data and identifiers."),
        ("Collections", "Digital preservation", "Keeping digital collections usable: file formats, fixity, storage and preservation planning."),
        ("Collections", "Digitisation", "Scanning and imaging workflows, quality control and capture standards."),
        ("Collections", "E-resources management", "Licensing, access, link resolvers and usage statistics for electronic resources."),
        ("Public service", "Public tech support", "Helping patrons with devices, accounts, printing and everyday technology."),
        ("Public service", "Digital literacy instruction", "Teaching classes and one-to-one sessions on digital skills."),
        ("Public service", "Accessibility & assistive technology", "Making services usable by everyone; assistive tools and accessible documents."),
        ("Data & tools", "Data analysis & reporting", "Turning circulation and usage data into reports and decisions."),
        ("Data & tools", "Scripting & automation", "Automating repetitive tasks with scripts, APIs and batch tools."),
        ("Leadership", "Project management", "Planning and running projects: scope, schedules, stakeholders."),
        ("Leadership", "Change leadership", "Helping teams through new systems and new ways of working."),
    ];

    public static async Task SeedAsync(MentorHubDbContext db, RoleManager<IdentityRole> roles, CancellationToken cancellationToken = default)
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
                EnsureSucceeded(await roles.CreateAsync(new IdentityRole(role)));
        }

        var existing = await db.Competencies.Select(c => c.Name).ToListAsync(cancellationToken);
        foreach (var (category, name, description) in Catalogue.Where(c => !existing.Contains(c.Name)))
            db.Competencies.Add(new Competency { Category = category, Name = name, Description = description });
        await db.SaveChangesAsync(cancellationToken);
    }

    internal static void EnsureSucceeded(IdentityResult result)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
    }
}
