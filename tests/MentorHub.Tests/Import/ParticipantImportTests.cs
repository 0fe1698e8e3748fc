using MentorHub.Core.Domain;
using MentorHub.Core.Import;

namespace MentorHub.Tests.Import;

public class ParticipantImportTests
{
    private static readonly Dictionary<string, int> Catalogue = new(StringComparer.OrdinalIgnoreCase) { ["ILS administration"] = 1, ["Digital preservation"] = 2 };
    private static readonly EnrollmentRole[] OneToOne = [EnrollmentRole.Mentor, EnrollmentRole.Mentee];

    private static ImportCheck Check(string csv, params string[] enrolled) =>
        ParticipantImport.Check(CsvTable.Parse(csv), Catalogue, OneToOne, enrolled.ToHashSet(StringComparer.OrdinalIgnoreCase));

    [Fact]
    public void Quoted_fields_keep_their_commas_quotes_and_line_breaks()
    {
        var table = CsvTable.Parse("name,email\r\n\"Okafor, Margaret\",\"m@x.org\"\r\n\"Says \"\"hi\"\"\nthere\",y@x.org\n");

        Assert.Equal(["name", "email"], table.Header);
        Assert.Equal("Okafor, Margaret", table.Rows[0].Fields[0]);
        Assert.Equal("Says \"hi\"\nthere", table.Rows[1].Fields[0]);
        Assert.Equal(3, table.Rows[1].Line);
    }

    [Fact]
    public void A_clean_file_reads_roles_levels_and_optional_columns()
    {
        var check = Check("Name,Email,Role,Branch,Job title,Competencies\nAda,ada@lib.org,mentor,Central,Technician,ILS administration:4; digital preservation\n");

        var row = Assert.Single(check.Rows);
        Assert.True(check.CanImportAll);
        Assert.Equal((EnrollmentRole.Mentor, "Central", "Technician"), (row.Role!.Value, row.Branch, row.JobTitle));
        Assert.Equal([(1, (int?)4), (2, null)], row.Competencies.Select(c => (c.CompetencyId, c.Level)));
    }

    [Fact]
    public void Capacity_availability_and_modality_columns_are_read_for_matching()
    {
        var check = Check("name,email,role,capacity,availability,modality\n"
            + "Ada,ada@lib.org,mentor,3,\"Mon morning; Wednesday afternoon; weekdays evening\",in person\n"
            + "Bo,bo@lib.org,mentee,,Tues AM,Virtual\n"
            + "Cy,cy@lib.org,mentor,,,\n");

        Assert.True(check.CanImportAll);
        var ada = check.Rows[0];
        Assert.Equal((3, Modality.InPerson), (ada.Capacity, ada.Modality!.Value));
        Assert.Equal("Mon morning; Mon evening; Tue evening; Wed afternoon; Wed evening; Thu evening; Fri evening", WeeklyAvailability.Describe(ada.AvailabilitySlots));
        Assert.Equal((null, "Tue morning", Modality.Virtual), (check.Rows[1].Capacity, WeeklyAvailability.Describe(check.Rows[1].AvailabilitySlots), check.Rows[1].Modality));
        Assert.Equal((null, 0, null), (check.Rows[2].Capacity, check.Rows[2].AvailabilitySlots, check.Rows[2].Modality));
    }

    [Fact]
    public void Bad_capacity_availability_and_modality_are_reported_with_what_to_write()
    {
        var check = Check("name,email,role,capacity,availability,modality\n"
            + "Ada,ada@lib.org,mentor,11,Mon,on the moon\n"
            + "Bo,bo@lib.org,mentee,2,Funday morning; Fri afternoon,\n");

        Assert.Equal(0, check.ValidCount);
        Assert.Equal([
            "“11” is not a capacity; use a number of mentees from 1 to 10.",
            "“Mon” is not a time slot; write a day and a part of the day, e.g. Mon morning; Wed afternoon.",
            "“on the moon” is not a modality; use in person, virtual or hybrid.",
        ], check.Rows[0].Errors);
        Assert.Equal([
            "Only mentors have a capacity; leave it empty for this row.",
            "“Funday morning” is not a time slot; write a day and a part of the day, e.g. Mon morning; Wed afternoon.",
        ], check.Rows[1].Errors);
    }

    [Fact]
    public void Availability_reads_back_what_it_describes()
    {
        var random = new Random(7);
        for (var i = 0; i < 200; i++)
        {
            var slots = random.Next(0, 1 << 21);
            var (read, unreadable) = WeeklyAvailability.Parse(WeeklyAvailability.Describe(slots));
            Assert.Equal(slots, read);
            Assert.Empty(unreadable);
        }
    }

    [Fact]
    public void Bad_rows_are_reported_line_by_line_and_block_importing_all()
    {
        var check = Check(string.Join('\n',
            "name,email,role,competencies",
            "Ada,not-an-email,mentee,",
            "Bo,bo@lib.org,mentee,Quantum cataloguing",
            "Cy,bo@lib.org,mentee,",
            "Di,di@lib.org,boss,ILS administration:9",
            "Ed,ed@lib.org,mentor,",
            "Flo,flo@lib.org,mentee,"), "flo@lib.org");

        Assert.False(check.CanImportAll);
        Assert.Equal(1, check.ValidCount);
        Assert.Contains("“not-an-email” is not a valid email address.", check.Rows[0].Errors);
        Assert.Contains("Unknown competency “Quantum cataloguing”.", check.Rows[1].Errors);
        Assert.Contains("Duplicate: bo@lib.org is already on line 3.", check.Rows[2].Errors);
        Assert.Contains(check.Rows[3].Errors, e => e.StartsWith("“boss” is not a role", StringComparison.Ordinal));
        Assert.Contains("“9” is not a level for ILS administration; use 1 to 5.", check.Rows[3].Errors);
        Assert.True(check.Rows[4].IsValid);
        Assert.Contains("flo@lib.org is already in this cohort.", check.Rows[5].Errors);
        Assert.Equal([2, 3, 4, 5, 6, 7], check.Rows.Select(r => r.Line));
    }

    [Fact]
    public void A_file_without_the_required_columns_is_refused_as_a_whole()
    {
        var check = Check("full name,mail\nAda,ada@lib.org\n");

        Assert.Empty(check.Rows);
        Assert.Contains("missing: email, role", Assert.Single(check.FileErrors));
    }

    [Fact]
    public void A_peer_program_refuses_mentor_rows()
    {
        var check = ParticipantImport.Check(CsvTable.Parse("name,email,role\nAda,ada@lib.org,mentor\n"), Catalogue, [EnrollmentRole.Peer], new HashSet<string>());

        Assert.Contains("This program has no mentors; use peer.", Assert.Single(check.Rows).Errors);
    }
}
