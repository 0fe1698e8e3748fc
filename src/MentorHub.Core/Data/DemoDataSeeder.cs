using MentorHub.Core.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace MentorHub.Core.Data;

/// <summary>
/// A fictional library system (Riverbend Public Library) with two programs and two years of history, so every page
/// and chart has something real to show. Runs once: if the demo administrator exists, it adds nothing.
/// Deterministic (fixed random seed), relative to today so the history always ends now.
/// </summary>
public sealed class DemoDataSeeder(MentorHubDbContext db, UserManager<AppUser> users, IPasswordHasher<AppUser> hasher, TimeProvider clock)
{
    public const string Password = "Demo#2026!";
    public const string AdminEmail = "admin@demo.mentorhub.local";
    public const string CoordinatorEmail = "coordinator@demo.mentorhub.local";
    public const string MentorEmail = "mentor@demo.mentorhub.local";
    public const string MenteeEmail = "mentee@demo.mentorhub.local";
    private const string TimeZone = "America/Chicago";

    /// <summary>A local time where the demo's people work, in UTC: a series at 15:00 stays at 15:00 for them across daylight saving.</summary>
    private static DateTime InDemoZone(DateOnly day, TimeOnly time) =>
        TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(time, DateTimeKind.Unspecified), TimeZoneInfo.FindSystemTimeZoneById(TimeZone));

    private static readonly string[] Branches = ["Central", "Eastside", "Northgate", "Westfield", "Harbour"];

    private static readonly (string Name, string Title, CareerStage Stage)[] Staff =
    [
        ("Jordan Ellis", "Library Technician", CareerStage.EarlyCareer),
        ("Sam Okonkwo", "Library Technician", CareerStage.EarlyCareer),
        ("Lena Fischer", "Digital Services Assistant", CareerStage.EarlyCareer),
        ("Mateo Alvarez", "Library Technician", CareerStage.EarlyCareer),
        ("Aisha Rahman", "Systems Technician", CareerStage.Developing),
        ("Chris Lindqvist", "Library Technician", CareerStage.Developing),
        ("Noor Haddad", "Metadata Technician", CareerStage.Developing),
        ("Tomás Reyes", "Circulation Supervisor", CareerStage.Developing),
        ("Grace Liu", "Acquisitions Technician", CareerStage.Developing),
        ("Owen Brooks", "Library Technician", CareerStage.Developing),
        ("Hannah Weiss", "E-resources Technician", CareerStage.Developing),
        ("Kwame Mensah", "Systems Technician", CareerStage.Established),
        ("Ruth Adeyemi", "Branch Librarian", CareerStage.Established),
        ("Daniel Kovacs", "Reference Librarian", CareerStage.Established),
        ("Isabel Moreau", "Collections Librarian", CareerStage.Established),
        ("Peter Nakamura", "Cataloguing Librarian", CareerStage.Senior),
        ("Helen Barnes", "Branch Manager", CareerStage.Senior),
        ("Frank Delgado", "Head of Technical Services", CareerStage.Senior),
        ("Ingrid Solberg", "Archivist", CareerStage.Senior),
        ("Walter Greene", "Senior Reference Librarian", CareerStage.Senior),
        ("Yvonne Clarke", "Branch Manager", CareerStage.Senior),
        ("Marcus Bell", "Library Technician", CareerStage.EarlyCareer),
        ("Elif Demir", "Library Technician", CareerStage.Developing),
        ("Rosa Jimenez", "Outreach Librarian", CareerStage.Established),
        // Applied to the first cohorts and were not placed: more applicants than places.
        ("Nadia Petrova", "Library Technician", CareerStage.EarlyCareer),
        ("Luis Ortega", "Library Technician", CareerStage.Developing),
        ("Siobhan Kelly", "Metadata Technician", CareerStage.Developing),
        ("Ahmed Farouk", "Circulation Supervisor", CareerStage.Established),
        ("Beatrix Hale", "Reference Librarian", CareerStage.Senior),
        ("Ravi Menon", "Systems Technician", CareerStage.EarlyCareer),
    ];

    private readonly Random _random = new(2026);
    private readonly DateTime _nowUtc = clock.GetUtcNow().UtcDateTime;
    private DateOnly Today => DateOnly.FromDateTime(_nowUtc);

    /// <returns>True when the demo data was created; false when it was already there.</returns>
    public async Task<bool> SeedAsync(CancellationToken cancellationToken = default)
    {
        if (await users.FindByEmailAsync(AdminEmail) is not null) return false;

        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await SeedEverythingAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        });
        return true;
    }

    private async Task SeedEverythingAsync(CancellationToken ct)
    {
        var passwordHash = hasher.HashPassword(null!, Password);
        var admin = await CreateUserAsync(AdminEmail, "Alex Morgan", "Systems Administrator", "Central", CareerStage.Established, passwordHash, Roles.Administrator);
        var coordinator = await CreateUserAsync(CoordinatorEmail, "Dana Whitfield", "Learning & Development Coordinator", "Central", CareerStage.Established, passwordHash, Roles.Coordinator);
        var mentor = await CreateUserAsync(MentorEmail, "Priya Natarajan", "Library Technician, Digital Services", "Eastside", CareerStage.EarlyCareer, passwordHash);
        var mentee = await CreateUserAsync(MenteeEmail, "Margaret Okafor", "Senior Cataloguing Librarian", "Northgate", CareerStage.Senior, passwordHash);
        var staff = new List<AppUser>();
        for (var i = 0; i < Staff.Length; i++)
        {
            var (name, title, stage) = Staff[i];
            var email = name.ToLowerInvariant().Replace(' ', '.').Replace("á", "a") + "@demo.mentorhub.local";
            staff.Add(await CreateUserAsync(email, name, title, Branches[i % Branches.Length], stage, passwordHash));
        }

        var competencies = await db.Competencies.ToDictionaryAsync(c => c.Name, ct);
        var peerProgram = CreateProgram("ILS Migration Peer Circle", ProgramFormat.Peer, 14, 26, Modality.Hybrid, coordinator,
            "Library technicians moving us from the old ILS to the new platform learn from each other: two peers, every two weeks, working through the migration runbook together.",
            [competencies["ILS administration"], competencies["ILS migration"], competencies["Discovery layer configuration"], competencies["Data analysis & reporting"], competencies["Scripting & automation"]],
            [("Peer mentoring basics", "## Why peers\nPeers learn fastest when both bring a problem. Agree on a rhythm, keep notes, and **share what you tried**.", null, 30, true),
             ("Migration runbook walkthrough", null, "https://example.org/riverbend/ils-runbook", 45, false)]);
        var reverseProgram = CreateProgram("Digital Skills Reverse Mentoring", ProgramFormat.Reverse, 21, 17, Modality.Virtual, coordinator,
            "Early-career technicians mentor senior staff on the tools that are changing our work: AI-assisted cataloguing, digital preservation and e-resources.",
            [competencies["AI-assisted cataloguing"], competencies["Digital preservation"], competencies["E-resources management"], competencies["Public tech support"], competencies["Accessibility & assistive technology"]],
            [("What reverse mentoring is (and isn't)", "## The mentor is the junior colleague\nYou bring the tool knowledge; your mentee brings context. Ask about their work before you demo anything.", null, 20, true),
             ("Running a good virtual session", "## Before the call\nSend the agenda. Test screen sharing. Keep sessions to 45 minutes.", null, 15, true),
             ("Teaching adults new tools", null, "https://example.org/riverbend/teaching-adults", 40, false)]);
        var groupProgram = CreateProgram("Metadata Practice Group", ProgramFormat.Group, 28, 8, Modality.InPerson, coordinator,
            "A collections librarian meets a small group of technicians once a month to work through real records together: linked data, AI-suggested headings and the new ILS's record editor.",
            [competencies["Cataloguing & metadata"], competencies["Linked data"], competencies["AI-assisted cataloguing"]],
            [("Leading a group session", "## Everyone brings a record\nStart from a record a member found hard. Let the group answer before you do.", null, 20, true)]);
        db.Programs.AddRange(peerProgram, reverseProgram, groupProgram);
        await db.SaveChangesAsync(ct);

        var peerPast = AddCohort(peerProgram, "Cohort 1", Today.AddDays(-730), Today.AddDays(-430));
        var peerCurrent = AddCohort(peerProgram, "Cohort 2", Today.AddDays(-330), Today.AddDays(60));
        AddCohort(peerProgram, "Cohort 3", Today.AddDays(90), Today.AddDays(390), opensOn: Today.AddDays(-10));
        var reversePast = AddCohort(reverseProgram, "2024-25", Today.AddDays(-700), Today.AddDays(-400));
        var reverseCurrent = AddCohort(reverseProgram, "2025-26", Today.AddDays(-300), Today.AddDays(75));
        var groupCurrent = AddCohort(groupProgram, "Autumn group", Today.AddDays(-120), Today.AddDays(120));
        await db.SaveChangesAsync(ct);

        // Mentors complete their training before they are matched.
        foreach (var module in reverseProgram.TrainingModules.Where(m => m.IsRequired))
        {
            foreach (var person in new[] { mentor, staff[0], staff[1], staff[2], staff[3], staff[21] })
                db.TrainingCompletions.Add(new TrainingCompletion(module.Id, person.Id, _nowUtc.AddDays(-320 - _random.Next(60))));
        }
        foreach (var module in groupProgram.TrainingModules.Where(m => m.IsRequired))
            db.TrainingCompletions.Add(new TrainingCompletion(module.Id, staff[14].Id, _nowUtc.AddDays(-140)));
        foreach (var module in peerProgram.TrainingModules.Where(m => m.IsRequired))
        {
            foreach (var person in staff.Take(12))
                db.TrainingCompletions.Add(new TrainingCompletion(module.Id, person.Id, _nowUtc.AddDays(-740 - _random.Next(30))));
        }

        var plans = new List<MentorshipPlan>();
        plans.AddRange(Peers(peerPast, [staff[4], staff[5], staff[6], staff[7], staff[8], staff[9], staff[10], staff[11]], withdrawIndex: 5));
        plans.AddRange(Peers(peerCurrent, [staff[0], staff[1], staff[2], staff[3], staff[22], staff[9], staff[10], staff[11]], withdrawIndex: null));
        plans.AddRange(Reverse(reversePast, [(staff[0], [staff[15], staff[16]]), (staff[1], [staff[17]]), (staff[2], [staff[18], staff[19]]), (mentor, [staff[20]])], withdrawMentee: staff[19]));
        plans.AddRange(Reverse(reverseCurrent, [(mentor, [mentee, staff[16]]), (staff[3], [staff[17]]), (staff[21], [staff[18], staff[23]]), (staff[1], [staff[12]])], withdrawMentee: staff[23]));
        plans.AddRange(Group(groupCurrent, staff[14], [staff[4], staff[7], staff[8]]));
        await db.SaveChangesAsync(ct);
        // The first cohorts had more applicants than places; those not placed are the fairer comparison group.
        foreach (var applicant in staff.Skip(24))
        {
            foreach (var (cohort, role) in new[] { (peerPast, EnrollmentRole.Peer), (reversePast, EnrollmentRole.Mentee) })
            {
                var application = Enrollment.Apply(cohort, applicant.Id, role, cohort.EnrollmentOpensOn, cohort.EnrollmentOpensOn.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc));
                application.Decline();
                db.Enrollments.Add(application);
            }
        }
        await db.SaveChangesAsync(ct);
        // In the running reverse cohort, one pair was not a good fit and was ended; another has gone quiet and is at risk.
        Mark(plans, staff[12], plan => plan with { EndedEarlyOn = plan.Cohort.StartsOn.AddDays(90) });
        Mark(plans, staff[18], plan => plan with { QuietSince = Today.AddDays(-75) });

        var programs = new[] { peerProgram, reverseProgram, groupProgram }.ToDictionary(p => p.Id);
        foreach (var plan in plans)
            AddHistory(plan, programs[plan.Cohort.ProgramId]);
        await db.SaveChangesAsync(ct);

        // Past cohorts were completed by their coordinator when they ended.
        foreach (var cohort in new[] { peerPast, reversePast }) cohort.MarkCompleted(cohort.EndsOn);
        await db.SaveChangesAsync(ct);

        AddOutcomes(peerProgram, reverseProgram, staff, mentor, mentee);
        AddServiceMeasure(peerProgram, "Days from receipt to shelf", "days", higherIsBetter: false, peerPast.StartsOn, before: 12.5, during: 7.5);
        AddServiceMeasure(reverseProgram, "Items digitised", "items", higherIsBetter: true, reversePast.StartsOn, before: 180, during: 260);
        await AddRosterAsync([admin, coordinator, mentor, mentee, .. staff], leaver: staff[9], ct);
        AddResourcesAndWorkshops(peerProgram, reverseProgram, peerCurrent, reverseCurrent, competencies, coordinator, staff, mentor, mentee);
        await AddChoiceCohortAsync(reverseProgram, mentor, mentee, staff, ct);
        db.AuditEntries.Add(new AuditEntry(admin.Id, "DemoDataSeeded", "System", "demo", "Riverbend Public Library demo data", _nowUtc));
        await db.SaveChangesAsync(ct);
    }

    private static readonly string[] FirstNames = ["Ama", "Ben", "Carla", "Dev", "Elif", "Finn", "Gita", "Hugo", "Ines", "Jonas", "Kemi", "Liam", "Mei", "Nils", "Olga"];
    private static readonly string[] LastNames = ["Adeyemi", "Brennan", "Castillo", "Dubois"];

    /// <summary>
    /// The staff list from HR: everyone with an account, and colleagues who never took part (some left, some were
    /// promoted), so the outcome figures have a comparison group.
    /// </summary>
    private async Task AddRosterAsync(IReadOnlyList<AppUser> accounts, AppUser leaver, CancellationToken ct)
    {
        var number = 1000;
        foreach (var (user, i) in accounts.Select((u, i) => (u, i)))
        {
            var left = user == leaver ? Today.AddDays(-520) : (DateOnly?)null;
            var person = new StaffMember($"RB-{++number}", new StaffDetails(user.DisplayName, user.Email, user.Branch, user.JobTitle, user.CareerStage,
                Today.AddDays(-(900 + i * 137 % 3000)), left, left is null ? null : "Moved to a university library"), _nowUtc);
            person.LinkTo(user.Id);
            db.StaffMembers.Add(person);
        }
        var colleagues = new List<StaffMember>();
        for (var i = 0; i < FirstNames.Length * LastNames.Length / 4 * 3; i++)
        {
            var name = $"{FirstNames[i % FirstNames.Length]} {LastNames[i / FirstNames.Length % LastNames.Length]}";
            var stage = (CareerStage)(1 + i % 4);
            var left = i % 3 == 0 ? Today.AddDays(-(40 + i * 37 % 640)) : (DateOnly?)null;
            colleagues.Add(new StaffMember($"RB-{++number}", new StaffDetails(name, null, Branches[i % Branches.Length], stage is CareerStage.Senior ? "Senior Librarian" : "Library Technician",
                stage, Today.AddDays(-(700 + i * 211 % 4000)), left, left is null ? null : i % 2 == 0 ? "Retired" : "Took a job elsewhere"), _nowUtc));
        }
        db.StaffMembers.AddRange(colleagues);
        await db.SaveChangesAsync(ct);
        foreach (var (person, i) in colleagues.Select((p, i) => (p, i)).Where(x => x.i % 9 == 4))
            db.OutcomeEvents.Add(new OutcomeEvent(null, person.Id, OutcomeKind.Promoted, Today.AddDays(-(90 + i * 29 % 500)), "Promoted", null, null, _nowUtc));
    }

    /// <summary>A service measure with a value for every month from six months before the program to last month, moving from one level towards another.</summary>
    private void AddServiceMeasure(MentorshipProgram program, string name, string unit, bool higherIsBetter, DateOnly programStart, double before, double during)
    {
        var measure = new ServiceMeasure(program.Id, name, unit, higherIsBetter, _nowUtc.AddDays(-700));
        var first = ServiceMeasure.FirstOfMonth(programStart).AddMonths(-6);
        var months = new List<(DateOnly, decimal?)>();
        for (var (month, i) = (first, 0); month < ServiceMeasure.FirstOfMonth(Today); month = month.AddMonths(1), i++)
        {
            // Flat before the program, then a gradual move towards the new level, with month-to-month noise.
            var progress = month < ServiceMeasure.FirstOfMonth(programStart) ? 0 : Math.Min(1, (i - 6) / 8.0);
            var noise = (_random.NextDouble() - 0.5) * Math.Abs(during - before) * 0.4;
            months.Add((month, Math.Round((decimal)(before + (during - before) * progress + noise), 1)));
        }
        measure.Record(months, Today);
        db.ServiceMeasures.Add(measure);
    }

    private async Task<AppUser> CreateUserAsync(string email, string name, string title, string branch, CareerStage stage, string passwordHash, string? role = null)
    {
        var user = new AppUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = name,
            JobTitle = title,
            Branch = branch,
            CareerStage = stage,
            TimeZoneId = TimeZone,
            CreatedAtUtc = _nowUtc.AddDays(-760),
            PasswordHash = passwordHash,
        };
        user.MarkWelcomed(user.CreatedAtUtc);
        ReferenceDataSeeder.EnsureSucceeded(await users.CreateAsync(user));
        if (role is not null) ReferenceDataSeeder.EnsureSucceeded(await users.AddToRoleAsync(user, role));
        return user;
    }

    private MentorshipProgram CreateProgram(string name, ProgramFormat format, int cadence, int expected, Modality modality, AppUser coordinator,
        string description, Competency[] targets, (string Title, string? Markdown, string? Url, int Minutes, bool Required)[] modules)
    {
        var program = new MentorshipProgram(name, format, cadence, expected, modality, _nowUtc.AddDays(-760)) { Description = description };
        program.Activate();
        program.AddCoordinator(coordinator.Id);
        foreach (var target in targets) program.TargetCompetencies.Add(new ProgramCompetency(target.Id));
        var order = 0;
        foreach (var (title, markdown, url, minutes, required) in modules)
            program.AddTrainingModule(new TrainingModule(title, markdown, url, minutes, required) { SortOrder = order++ });
        return program;
    }

    private Cohort AddCohort(MentorshipProgram program, string name, DateOnly startsOn, DateOnly endsOn, DateOnly? opensOn = null)
    {
        var opens = opensOn ?? startsOn.AddDays(-45);
        var closes = opensOn is null ? startsOn.AddDays(-7) : startsOn.AddDays(-14);
        var cohort = new Cohort(program.Id, name, startsOn, endsOn, opens, closes);
        db.Cohorts.Add(cohort);
        return cohort;
    }

    private Enrollment Enroll(Cohort cohort, AppUser user, EnrollmentRole role, Competency[] wanted)
    {
        var enrollment = Enrollment.Enroll(cohort.Id, user.Id, role, cohort.StartsOn.AddDays(-10).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc));
        enrollment.Branch = user.Branch;
        enrollment.ModalityPreference = Modality.Virtual;
        enrollment.AvailabilitySlots = WeeklyAvailability.Slot(DayOfWeek.Tuesday, 1) | WeeklyAvailability.Slot(DayOfWeek.Thursday, _random.Next(2));
        if (role is EnrollmentRole.Mentor) enrollment.SetCapacity(2);
        foreach (var competency in wanted)
        {
            var interest = role is EnrollmentRole.Mentor ? CompetencyInterest.Expertise : CompetencyInterest.Development;
            enrollment.SetCompetency(competency.Id, interest, role is EnrollmentRole.Mentor ? 4 + _random.Next(2) : 1 + _random.Next(2));
        }
        db.Enrollments.Add(enrollment);
        return enrollment;
    }

    /// <summary>
    /// The reverse program's next cohort, open for enrollment, where mentees choose their mentor: the demo mentee has
    /// asked the demo mentor, who has not answered yet; another mentee is still choosing.
    /// </summary>
    private async Task AddChoiceCohortAsync(MentorshipProgram reverse, AppUser mentor, AppUser mentee, List<AppUser> staff, CancellationToken ct)
    {
        var cohort = AddCohort(reverse, "2026-27", Today.AddDays(30), Today.AddDays(330), opensOn: Today.AddDays(-10));
        cohort.SetChoice(MenteeChoiceMode.Request, 3, 7, reverse.Format);
        await db.SaveChangesAsync(ct);
        var targets = TargetsOf(cohort);
        var mentors = new[] { Enroll(cohort, mentor, EnrollmentRole.Mentor, targets[..3]), Enroll(cohort, staff[3], EnrollmentRole.Mentor, targets[1..]) };
        var asking = Enroll(cohort, mentee, EnrollmentRole.Mentee, targets[..2]);
        Enroll(cohort, staff[15], EnrollmentRole.Mentee, targets[2..4]);
        await db.SaveChangesAsync(ct);
        db.MentorRequests.Add(new MentorRequest(cohort.Id, asking.Id, mentors[0].Id, "I'd like to get confident with AI-suggested headings before the new catalogue goes live.", _nowUtc.AddDays(-1), cohort.RequestDays));
    }

    private Competency[] TargetsOf(Cohort cohort) =>
        db.ChangeTracker.Entries<MentorshipProgram>().Single(p => p.Entity.Id == cohort.ProgramId).Entity.TargetCompetencies
            .Select(t => db.Competencies.Local.Single(c => c.Id == t.CompetencyId)).ToArray();

    private IEnumerable<MentorshipPlan> Peers(Cohort cohort, AppUser[] peers, int? withdrawIndex)
    {
        var targets = TargetsOf(cohort);
        for (var i = 0; i + 1 < peers.Length; i += 2)
        {
            var a = Enroll(cohort, peers[i], EnrollmentRole.Peer, targets.Take(3).ToArray());
            var b = Enroll(cohort, peers[i + 1], EnrollmentRole.Peer, targets.Skip(2).ToArray());
            var withdrawn = withdrawIndex == i + 1 ? b : null;
            yield return NewMentorship(cohort, [(a, MemberRole.Peer), (b, MemberRole.Peer)], withdrawn, score: 70 + _random.Next(25));
        }
    }

    /// <summary>One group: a mentor with several mentees, all enrolled in the cohort.</summary>
    private IEnumerable<MentorshipPlan> Group(Cohort cohort, AppUser mentorUser, AppUser[] mentees)
    {
        var targets = TargetsOf(cohort);
        var members = new List<(Enrollment, MemberRole)> { (Enroll(cohort, mentorUser, EnrollmentRole.Mentor, targets), MemberRole.Mentor) };
        members.AddRange(mentees.Select(m => (Enroll(cohort, m, EnrollmentRole.Mentee, targets.Take(2).ToArray()), MemberRole.Mentee)));
        yield return NewMentorship(cohort, [.. members], withdrawn: null, score: 75);
    }

    private IEnumerable<MentorshipPlan> Reverse(Cohort cohort, (AppUser Mentor, AppUser[] Mentees)[] pairs, AppUser? withdrawMentee)
    {
        var targets = TargetsOf(cohort);
        foreach (var (mentorUser, mentees) in pairs)
        {
            var mentorEnrollment = Enroll(cohort, mentorUser, EnrollmentRole.Mentor, targets);
            foreach (var menteeUser in mentees)
            {
                var menteeEnrollment = Enroll(cohort, menteeUser, EnrollmentRole.Mentee, targets.Take(3).ToArray());
                var withdrawn = menteeUser == withdrawMentee ? menteeEnrollment : null;
                yield return NewMentorship(cohort, [(mentorEnrollment, MemberRole.Mentor), (menteeEnrollment, MemberRole.Mentee)], withdrawn, score: 60 + _random.Next(35));
            }
        }
    }

    private static void Mark(List<MentorshipPlan> plans, AppUser mentee, Func<MentorshipPlan, MentorshipPlan> change)
    {
        var index = plans.FindLastIndex(p => p.Mentorship.Members.Any(m => m.UserId == mentee.Id && m.Role is MemberRole.Mentee));
        plans[index] = change(plans[index]);
    }

    private MentorshipPlan NewMentorship(Cohort cohort, (Enrollment Enrollment, MemberRole Role)[] members, Enrollment? withdrawn, int score)
    {
        var mentorship = new Mentorship(cohort.Id, cohort.StartsOn.AddDays(-5).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), score,
            "Competency coverage, shared Tuesday afternoons, both prefer virtual sessions.");
        foreach (var (enrollment, role) in members) mentorship.RestoreMember(enrollment, role, cohort.StartsOn);
        mentorship.Activate(cohort.StartsOn);
        db.Mentorships.Add(mentorship);
        return new MentorshipPlan(cohort, mentorship, withdrawn);
    }

    // Enrollments are not saved yet (no ids), so members are attached by navigation rather than through AddMember's checks.

    private void AddHistory(MentorshipPlan plan, MentorshipProgram program)
    {
        var (cohort, mentorship, withdrawn, endedEarlyOn, quietSince) = plan;
        var ended = cohort.EndsOn <= Today || endedEarlyOn is not null;
        var stopOn = withdrawn is not null ? cohort.StartsOn.AddDays(120) : endedEarlyOn ?? quietSince ?? (ended ? cohort.EndsOn : Today);
        var targets = program.TargetCompetencies.Select(t => t.CompetencyId).ToArray();
        var memberUsers = mentorship.Members.Select(m => m.UserId).ToArray();
        var creator = memberUsers[0];

        // Meetings on the program's cadence, mostly held.
        var startTime = new TimeOnly(15 + _random.Next(3), _random.Next(2) * 30);
        for (var day = cohort.StartsOn.AddDays(3); day < stopOn; day = day.AddDays(program.MeetingCadenceDays))
        {
            var meeting = new Meeting(mentorship.Id, InDemoZone(day, startTime), 45 + (_random.Next(3) * 15), program.DefaultModality,
                program.DefaultModality is Modality.Virtual ? null : "Central Library, room 2B",
                program.DefaultModality is Modality.InPerson ? null : "https://meet.example.org/riverbend-" + mentorship.Id,
                "Review progress since last time; one new tool or task to try.", creator);
            var roll = _random.Next(100);
            var isRecent = day > Today.AddDays(-3);
            if (isRecent) { /* left scheduled: waiting to be logged */ }
            else if (roll < 7) meeting.Cancel("Branch was short-staffed that day.", meeting.StartsAtUtc.AddDays(-1));
            else if (roll < 14) meeting.LogAsMissed("Could not connect; rescheduling next time.", creator, meeting.EndsAtUtc.AddHours(2));
            else
            {
                meeting.LogAsHeld(MeetingNotes[_random.Next(MeetingNotes.Length)], memberUsers, [targets[_random.Next(targets.Length)]], creator, meeting.EndsAtUtc.AddHours(1));
                foreach (var attendee in memberUsers.Where(_ => _random.Next(100) < 70))
                    meeting.LeaveFeedback(attendee, 3 + _random.Next(3), _random.Next(3) == 0 ? "Useful session, clear next steps." : null, meeting.EndsAtUtc.AddHours(3));
            }
            db.Meetings.Add(meeting);
        }
        if (!ended && withdrawn is null && quietSince is null)
        {
            var next = Today.AddDays(2 + _random.Next(program.MeetingCadenceDays - 2));
            db.Meetings.Add(new Meeting(mentorship.Id, InDemoZone(next, startTime), 60, program.DefaultModality, null,
                "https://meet.example.org/riverbend-" + mentorship.Id, "Pick the next migration task; check goal milestones.", creator));
        }

        // Goals for each member who develops (mentees, or both peers).
        foreach (var member in mentorship.Members.Where(m => m.Role is not MemberRole.Mentor))
        {
            for (var g = 0; g < 2; g++)
                db.Goals.Add(NewGoal(mentorship, member, targets[(g + member.Id) % targets.Length], cohort, stopOn, ended || withdrawn is not null, g));
            AddAssessments(member, cohort, targets, ended, withdrawn?.Id == member.EnrollmentId);
        }

        if (withdrawn is not null)
        {
            withdrawn.Withdraw(stopOn, "Moved to a new role with a different schedule.");
            mentorship.End(stopOn, MentorshipEndReason.MemberWithdrew, "A member withdrew from the cohort.");
        }
        if (endedEarlyOn is { } endedOn)
        {
            mentorship.End(endedOn, MentorshipEndReason.NotAGoodFit, "Their schedules never lined up; both asked for a new match.");
            var mentee = mentorship.Members.Single(m => m.Role is MemberRole.Mentee).Enrollment!;
            var mentor = mentorship.Members.Single(m => m.Role is MemberRole.Mentor).Enrollment!;
            db.MatchConstraints.Add(new MatchConstraint(cohort.Id, mentee.Id, mentor.Id, MatchConstraintKind.Forbid, program.Coordinators.First().UserId, endedOn.ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc)));
        }
        else if (ended)
        {
            foreach (var enrollment in mentorship.Members.Select(m => m.Enrollment!).Where(e => e.IsActive)) enrollment.Complete(cohort.EndsOn);
            if (mentorship.Status is not MentorshipStatus.Closed) mentorship.End(cohort.EndsOn, MentorshipEndReason.CohortCompleted, null);
        }
    }

    private Goal NewGoal(Mentorship mentorship, MentorshipMember owner, int competencyId, Cohort cohort, DateOnly stopOn, bool finished, int index)
    {
        var created = cohort.StartsOn.AddDays(10 + index * 20).ToDateTime(new TimeOnly(16, 0), DateTimeKind.Utc);
        var length = cohort.EndsOn.DayNumber - cohort.StartsOn.DayNumber;
        var target = cohort.StartsOn.AddDays(index == 0 ? length * 55 / 100 : length * 95 / 100);
        var competencyName = db.Competencies.Local.Single(c => c.Id == competencyId).Name;
        var title = GoalTitles.TryGetValue(competencyName, out var titles) ? titles[(owner.Id + index) % titles.Length] : $"Grow confidence in {competencyName.ToLowerInvariant()}";
        var goal = new Goal(mentorship.Id, owner.Id, title, "Agreed at the start of the mentorship.", competencyId, target, owner.UserId, created);
        for (var m = 1; m <= 3; m++)
        {
            var milestone = goal.AddMilestone($"Step {m}: " + MilestoneTitles[(m + index) % MilestoneTitles.Length], cohort.StartsOn.AddDays(40 * m + index * 20));
            if (milestone.DueOn < stopOn.AddDays(-5)) milestone.MarkDone(milestone.DueOn.ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc));
        }
        var percent = 0;
        for (var day = DateOnly.FromDateTime(created).AddDays(30); day < stopOn && percent < 90; day = day.AddDays(30))
        {
            percent = Math.Min(90, percent + 10 + _random.Next(20));
            goal.RecordProgress(percent, "Steady progress; practised on real records this month.", owner.UserId, day.ToDateTime(new TimeOnly(17, 0), DateTimeKind.Utc));
        }
        if (!finished && target < Today && _random.Next(100) < 80)
        {
            goal.MarkAchieved(owner.UserId, target, target.ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc));
        }
        else if (finished)
        {
            var at = stopOn.ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc);
            if (_random.Next(100) < 75) goal.MarkAchieved(owner.UserId, DateOnly.FromDateTime(at), at);
            else goal.Abandon("Priorities changed after the migration date moved.", owner.UserId, at);
        }
        return goal;
    }

    private void AddAssessments(MentorshipMember member, Cohort cohort, int[] competencies, bool ended, bool withdrew)
    {
        var midpoint = cohort.StartsOn.AddDays((cohort.EndsOn.DayNumber - cohort.StartsOn.DayNumber) / 2);
        var level = competencies.ToDictionary(c => c, _ => 1 + _random.Next(2));
        foreach (var (kind, dueOn) in new[] { (AssessmentKind.Baseline, cohort.StartsOn.AddDays(7)), (AssessmentKind.Midpoint, midpoint), (AssessmentKind.Exit, cohort.EndsOn) })
        {
            var assessment = new Assessment(member.Id, kind, dueOn);
            var submittable = dueOn <= Today && !(withdrew && kind is not AssessmentKind.Baseline);
            if (submittable)
            {
                if (kind is not AssessmentKind.Baseline)
                    foreach (var c in competencies) level[c] = Math.Min(5, level[c] + _random.Next(2));
                assessment.Submit(new Dictionary<int, int>(level), 2 + _random.Next(2) + (kind is AssessmentKind.Exit ? 1 : 0), 3 + _random.Next(3),
                    "Feeling more confident with the new tools.", dueOn.ToDateTime(new TimeOnly(18, 0), DateTimeKind.Utc));
            }
            if (submittable || (!ended && !withdrew)) db.Assessments.Add(assessment);
        }
        if (!ended && !withdrew) db.Assessments.Add(new Assessment(member.Id, AssessmentKind.Pulse, Today.AddDays(5)));
    }

    private void AddOutcomes(MentorshipProgram peer, MentorshipProgram reverse, List<AppUser> staff, AppUser mentor, AppUser mentee)
    {
        void Add(AppUser who, OutcomeKind kind, int daysAgo, string note, MentorshipProgram program) =>
            db.OutcomeEvents.Add(new OutcomeEvent(who.Id, null, kind, Today.AddDays(-daysAgo), note, program.Id, null, _nowUtc.AddDays(-daysAgo + 1)));

        Add(staff[4], OutcomeKind.CertificationEarned, 500, "Vendor ILS administrator certification", peer);
        Add(staff[6], OutcomeKind.Promoted, 420, "Promoted to Senior Metadata Technician", peer);
        Add(staff[8], OutcomeKind.CertificationEarned, 450, "Data analysis with spreadsheets certificate", peer);
        Add(staff[9], OutcomeKind.LeftOrganisation, 520, "Moved to a university library", peer);
        Add(staff[15], OutcomeKind.CertificationEarned, 410, "Digital Preservation Foundation certificate", reverse);
        Add(staff[0], OutcomeKind.Promoted, 380, "Promoted to Digital Services Technician", reverse);
        Add(staff[17], OutcomeKind.RoleChanged, 300, "Took on e-resources oversight", reverse);
        Add(staff[1], OutcomeKind.CertificationEarned, 120, "AI in libraries micro-credential", reverse);
        Add(mentor, OutcomeKind.CertificationEarned, 60, "Accessibility fundamentals certificate", reverse);
        Add(mentee, OutcomeKind.CertificationEarned, 40, "AI-assisted cataloguing workshop series", reverse);
        Add(staff[2], OutcomeKind.Promoted, 30, "Promoted to Systems Technician", peer);
        // An applicant who was not placed, promoted without the program.
        db.OutcomeEvents.Add(new OutcomeEvent(staff[27].Id, null, OutcomeKind.Promoted, Today.AddDays(-500), "Promoted to Circulation Manager", null, null, _nowUtc.AddDays(-499)));
    }

    private void AddResourcesAndWorkshops(MentorshipProgram peer, MentorshipProgram reverse, Cohort peerCurrent, Cohort reverseCurrent,
        Dictionary<string, Competency> competencies, AppUser coordinator, List<AppUser> staff, AppUser mentor, AppUser mentee)
    {
        var runbook = Resource.ForProgram(peer.Id, "ILS migration runbook", "https://example.org/riverbend/ils-runbook", "Step-by-step cut-over plan with data-mapping tables.", coordinator.Id, _nowUtc.AddDays(-700));
        runbook.Tag(competencies["ILS migration"].Id);
        var aiGuide = Resource.ForProgram(reverse.Id, "Reviewing AI-suggested subject headings", "https://example.org/riverbend/ai-cataloguing-guide", "A checklist for accepting, editing or rejecting machine suggestions.", coordinator.Id, _nowUtc.AddDays(-290));
        aiGuide.Tag(competencies["AI-assisted cataloguing"].Id);
        var preservation = Resource.ForProgram(reverse.Id, "Digital preservation in small institutions", "https://example.org/riverbend/preservation-primer", null, coordinator.Id, _nowUtc.AddDays(-250));
        preservation.Tag(competencies["Digital preservation"].Id);
        db.Resources.AddRange(runbook, aiGuide, preservation);

        var pastWorkshop = new Workshop(reverseCurrent.Id, "Hands-on: AI cataloguing sandbox", "Bring ten records; we will run them through the sandbox together.",
            _nowUtc.Date.AddDays(-45).AddHours(15), 90, Modality.Hybrid, "Central Library, training room", 20);
        foreach (var who in new[] { mentor, mentee, staff[16], staff[17] }) pastWorkshop.Rsvp(who.Id, _nowUtc.AddDays(-60));
        var nextWorkshop = new Workshop(reverseCurrent.Id, "Preservation file formats clinic", "Which formats to keep, which to migrate, and why.",
            _nowUtc.Date.AddDays(12).AddHours(16), 60, Modality.Virtual, null, 30);
        foreach (var who in new[] { mentor, staff[18] }) nextWorkshop.Rsvp(who.Id, _nowUtc.AddDays(-3));
        var peerWorkshop = new Workshop(peerCurrent.Id, "Cut-over dress rehearsal", "A full rehearsal of go-live weekend tasks.",
            _nowUtc.Date.AddDays(20).AddHours(14), 120, Modality.InPerson, "Eastside branch, staff room", 12);
        db.Workshops.AddRange(pastWorkshop, nextWorkshop, peerWorkshop);
    }

    /// <param name="EndedEarlyOn">A pair that was not a good fit, ended by the coordinator on this day (both go back to the pool).</param>
    /// <param name="QuietSince">A pair that stopped meeting on this day and is still open: what "at risk" looks like.</param>
    private sealed record MentorshipPlan(Cohort Cohort, Mentorship Mentorship, Enrollment? Withdrawn, DateOnly? EndedEarlyOn = null, DateOnly? QuietSince = null);

    private static readonly string[] MeetingNotes =
    [
        "Walked through the new ILS circulation rules and compared them with the old ones.",
        "Reviewed ten AI-suggested subject headings; agreed on when to accept them.",
        "Practised a fixity check on the digitised photograph collection.",
        "Set up saved reports for monthly circulation statistics.",
        "Talked through how to explain the new catalogue to patrons at the desk.",
        "Worked on the data-mapping spreadsheet for patron records.",
    ];

    private static readonly Dictionary<string, string[]> GoalTitles = new()
    {
        ["ILS administration"] = ["Run the monthly circulation reports in the new ILS unaided", "Set up loan rules for the new branch collection"],
        ["ILS migration"] = ["Map and test the patron-record migration for my branch", "Lead the cut-over checklist for acquisitions data"],
        ["Discovery layer configuration"] = ["Configure two discovery-layer facets end to end", "Tune relevance ranking for local-history searches"],
        ["Data analysis & reporting"] = ["Build a quarterly usage dashboard for branch managers", "Answer three management questions with circulation data"],
        ["Scripting & automation"] = ["Automate the weekly overdue-notice export", "Script the nightly patron-record clean-up"],
        ["AI-assisted cataloguing"] = ["Review AI-suggested headings for 200 records with under 5% corrections", "Write our team's checklist for accepting AI metadata"],
        ["Digital preservation"] = ["Write a preservation plan for the local history photographs", "Run fixity checks on the oral-history collection"],
        ["E-resources management"] = ["Reconcile e-book usage statistics across two platforms", "Troubleshoot link-resolver failures without escalation"],
        ["Public tech support"] = ["Lead a patron session on e-book apps", "Handle the top ten device questions at the desk unaided"],
        ["Accessibility & assistive technology"] = ["Make our program flyers screen-reader friendly", "Demonstrate the screen magnifier to three patrons"],
    };

    private static readonly string[] MilestoneTitles =
    [
        "shadow a colleague", "try it on test data", "do it with review", "document the steps", "do it unaided",
    ];
}
