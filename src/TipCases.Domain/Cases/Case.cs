namespace TipCases.Domain.Cases;

/// <summary>
/// A trafficking case held by one office: its details, team, stage and stage history, tasks and
/// links to related cases. Every change goes through a method that checks the rule and throws
/// <see cref="DomainRuleViolation"/> with a message the user can act on.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1716", Justification = "'Case' is the users' word; the app is C# only.")]
public sealed class Case : IBelongsToCase
{
    public const int TitleMaxLength = 200;
    public const int SummaryMaxLength = 8000;

    private readonly List<TeamMember> _team = [];
    private readonly List<StageChange> _stageHistory = [];
    private readonly List<CaseTask> _tasks = [];
    private readonly List<CaseLink> _links = [];

    private Case() { }

    public Guid Id { get; private set; }

    Guid IBelongsToCase.CaseId => Id;

    public string Reference { get; private set; } = "";

    public Guid OfficeId { get; private set; }

    public string Title { get; private set; } = "";

    public string? Summary { get; private set; }

    public InvestigationApproach Approach { get; private set; }

    public CaseOrigin Origin { get; private set; }

    public CaseScope Scope { get; private set; }

    public bool InvolvesOrganizedCriminalGroup { get; private set; }

    public bool InvolvesTaskForce { get; private set; }

    public DateOnly OpenedOn { get; private set; }

    /// <summary>When the offence began and ended, as far as known. The child rule compares a
    /// victim's date of birth with these dates.</summary>
    public DateOnly? OffenceFrom { get; private set; }

    public DateOnly? OffenceTo { get; private set; }

    public CaseStage Stage { get; private set; }

    public DateTimeOffset StageChangedAt { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public Guid CreatedBy { get; private set; }

    /// <summary>Row version (PostgreSQL xmin) for optimistic concurrency.</summary>
    public uint Version { get; private set; }

    public IReadOnlyCollection<TeamMember> Team => _team.AsReadOnly();

    public IReadOnlyCollection<StageChange> StageHistory => _stageHistory.AsReadOnly();

    public IReadOnlyCollection<CaseTask> Tasks => _tasks.AsReadOnly();

    public IReadOnlyCollection<CaseLink> Links => _links.AsReadOnly();

    public bool IsOpen => Stage is not (CaseStage.Closed or CaseStage.Discontinued);

    public TeamMember? Lead => _team.FirstOrDefault(m => m.IsLead);

    public static Case Open(Guid id, CaseReference reference, Guid officeId, CaseDetails details, Guid openedBy,
        DateTimeOffset at, DateOnly today)
    {
        var @case = new Case
        {
            Id = id,
            Reference = reference.ToString(),
            OfficeId = officeId,
            Stage = CaseStage.Intake,
            StageChangedAt = at,
            CreatedAt = at,
            CreatedBy = openedBy,
        };
        @case.Apply(details, today);
        @case._stageHistory.Add(new StageChange(id, null, CaseStage.Intake, at, openedBy, null));
        return @case;
    }

    public void UpdateDetails(CaseDetails details, DateOnly today)
    {
        EnsureOpen();
        Apply(details, today);
    }

    /// <summary>Moves the case to another stage if <see cref="CaseStageRules"/> allows it, given
    /// where the case's charges stand.</summary>
    public void MoveTo(CaseStage target, Guid by, DateTimeOffset at, string? reason, Charges.ChargeProgress charges)
    {
        var refusals = CaseStageRules.WhyNot(this, target, reason, charges);
        if (refusals.Count > 0)
        {
            throw new DomainRuleViolation(string.Join(" ", refusals));
        }
        _stageHistory.Add(new StageChange(Id, Stage, target, at, by, string.IsNullOrWhiteSpace(reason) ? null : reason.Trim()));
        Stage = target;
        StageChangedAt = at;
    }

    /// <summary>The stage a discontinued case came from, to which it can be reopened.</summary>
    public CaseStage? StageBeforeDiscontinuation =>
        Stage == CaseStage.Discontinued ? _stageHistory.OrderBy(h => h.At).LastOrDefault(h => h.To == CaseStage.Discontinued)?.From : null;

    public TeamMember AddMember(Guid userId, TeamRole role, DateTimeOffset at)
    {
        EnsureOpen();
        if (_team.Any(m => m.UserId == userId))
        {
            throw new DomainRuleViolation("This person is already on the team.");
        }
        var member = new TeamMember(Id, userId, role, at);
        _team.Add(member);
        // The first prosecutor on a case leads it until someone else is made lead.
        if (role == TeamRole.Prosecutor && Lead is null)
        {
            member.IsLead = true;
        }
        return member;
    }

    public void RemoveMember(Guid userId)
    {
        EnsureOpen();
        var member = _team.FirstOrDefault(m => m.UserId == userId)
            ?? throw new DomainRuleViolation("This person is not on the team.");
        if (member.IsLead && Stage >= CaseStage.PreTrial)
        {
            throw new DomainRuleViolation("Make another prosecutor the lead before removing the lead prosecutor: from pre-trial on, a case always has one.");
        }
        if (_tasks.Any(t => t.AssigneeId == userId && !t.IsDone))
        {
            throw new DomainRuleViolation("This person still has open tasks on the case. Reassign or complete them first.");
        }
        _team.Remove(member);
    }

    public void MakeLead(Guid userId)
    {
        EnsureOpen();
        var member = _team.FirstOrDefault(m => m.UserId == userId)
            ?? throw new DomainRuleViolation("Only a member of the team can lead the case.");
        if (member.Role != TeamRole.Prosecutor)
        {
            throw new DomainRuleViolation("The lead must be a prosecutor.");
        }
        foreach (var other in _team)
        {
            other.IsLead = false;
        }
        member.IsLead = true;
    }

    public CaseTask AddTask(string title, string? notes, Guid assigneeId, DateOnly dueOn, Guid by, DateTimeOffset at, DateOnly today)
    {
        EnsureOpen();
        title = title.Trim();
        if (title.Length == 0 || title.Length > CaseTask.TitleMaxLength)
        {
            throw new DomainRuleViolation($"A task needs a title of at most {CaseTask.TitleMaxLength} characters.");
        }
        if (notes is { Length: > CaseTask.NotesMaxLength })
        {
            throw new DomainRuleViolation($"Task notes are limited to {CaseTask.NotesMaxLength} characters.");
        }
        if (_team.All(m => m.UserId != assigneeId))
        {
            throw new DomainRuleViolation("A task can only be assigned to a member of the case's team.");
        }
        if (dueOn < today)
        {
            throw new DomainRuleViolation("The due date is in the past.");
        }
        var task = new CaseTask(Id, title, string.IsNullOrWhiteSpace(notes) ? null : notes.Trim(), assigneeId, dueOn, by, at);
        _tasks.Add(task);
        return task;
    }

    public void CompleteTask(Guid taskId, Guid by, DateTimeOffset at)
    {
        EnsureOpen();
        var task = _tasks.FirstOrDefault(t => t.Id == taskId) ?? throw new DomainRuleViolation("There is no such task on this case.");
        task.MarkDone(by, at);
    }

    public CaseLink LinkTo(Case other, string? note, Guid by, DateTimeOffset at)
    {
        EnsureOpen();
        if (other.Id == Id)
        {
            throw new DomainRuleViolation("A case cannot be linked to itself.");
        }
        if (_links.Any(l => l.LinkedCaseId == other.Id))
        {
            throw new DomainRuleViolation($"This case is already linked to {other.Reference}.");
        }
        if (note is { Length: > CaseLink.NoteMaxLength })
        {
            throw new DomainRuleViolation($"A link note is limited to {CaseLink.NoteMaxLength} characters.");
        }
        var link = new CaseLink(Id, other.Id, string.IsNullOrWhiteSpace(note) ? null : note.Trim(), by, at);
        _links.Add(link);
        return link;
    }

    public void Unlink(Guid linkedCaseId)
    {
        EnsureOpen();
        var link = _links.FirstOrDefault(l => l.LinkedCaseId == linkedCaseId) ?? throw new DomainRuleViolation("These cases are not linked.");
        _links.Remove(link);
    }

    private void EnsureOpen()
    {
        if (!IsOpen)
        {
            throw new DomainRuleViolation($"This case is {Stage.DisplayName().ToLowerInvariant()}: it can no longer be changed" +
                (Stage == CaseStage.Discontinued ? " unless it is reopened." : "."));
        }
    }

    private void Apply(CaseDetails details, DateOnly today)
    {
        var problems = details.Problems(today);
        if (problems.Count > 0)
        {
            throw new DomainRuleViolation(string.Join(" ", problems));
        }
        Title = details.Title.Trim();
        Summary = string.IsNullOrWhiteSpace(details.Summary) ? null : details.Summary.Trim();
        Origin = details.Origin;
        Approach = details.Origin.Approach();
        Scope = details.Scope;
        InvolvesOrganizedCriminalGroup = details.InvolvesOrganizedCriminalGroup;
        InvolvesTaskForce = details.InvolvesTaskForce;
        OpenedOn = details.OpenedOn;
        OffenceFrom = details.OffenceFrom;
        OffenceTo = details.OffenceTo;
    }
}

/// <summary>The facts about a case that its team edits together.</summary>
public sealed record CaseDetails(
    string Title,
    string? Summary,
    CaseOrigin Origin,
    CaseScope Scope,
    bool InvolvesOrganizedCriminalGroup,
    bool InvolvesTaskForce,
    DateOnly OpenedOn,
    DateOnly? OffenceFrom,
    DateOnly? OffenceTo)
{
    /// <summary>Everything wrong with these details, in words a user can act on.</summary>
    public IReadOnlyList<string> Problems(DateOnly today)
    {
        var problems = new List<string>();
        var title = Title.Trim();
        if (title.Length == 0 || title.Length > Case.TitleMaxLength)
        {
            problems.Add($"A case needs a title of at most {Case.TitleMaxLength} characters.");
        }
        if (Summary is { Length: > Case.SummaryMaxLength })
        {
            problems.Add($"The summary is limited to {Case.SummaryMaxLength} characters.");
        }
        if (!Enum.IsDefined(Origin) || !Enum.IsDefined(Scope))
        {
            problems.Add("Choose how the case started and its scope from the lists.");
        }
        if (OpenedOn > today)
        {
            problems.Add("The case cannot be opened in the future.");
        }
        if (OffenceFrom > today || OffenceTo > today)
        {
            problems.Add("Offence dates cannot be in the future.");
        }
        if (OffenceFrom is { } from && OffenceTo is { } to && to < from)
        {
            problems.Add("The offence cannot end before it began.");
        }
        return problems;
    }
}
