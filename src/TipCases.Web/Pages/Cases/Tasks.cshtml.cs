using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TipCases.Domain;
using TipCases.Domain.Cases;
using TipCases.Web.Data;
using TipCases.Web.Infrastructure;
using TipCases.Web.Security;

namespace TipCases.Web.Pages.Cases;

/// <summary>A case's tasks: add one for a team member, mark one done.</summary>
[Authorize(Policy = Policies.WorkOnCases)]
public sealed class TasksModel(CaseQueries cases, PeopleDirectory people, TipCasesDbContext db, IValidator<TasksModel.Input> validator,
    TimeProvider clock) : PageModel
{
    public const string ConflictMessage = "Someone else changed this task at the same time. Its current state is shown.";

    [BindProperty] public Input Form { get; set; } = new();

    public Guid Id { get; private set; }

    public string Reference { get; private set; } = "";

    public bool CanAdd { get; private set; }

    /// <summary>Whether tasks can be marked done here: the case is open and the user may work on its tasks.</summary>
    public bool CanComplete { get; private set; }

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public IReadOnlyList<(Guid UserId, string Name)> Assignees { get; private set; } = [];

    public string? Message { get; private set; }

    private DateOnly Today => clock.Today();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var load = await cases.LoadAsync(id, User, CaseOperations.Read, ct, withTasks: true);
        if (load.Refusal(this) is { } refusal)
        {
            return refusal;
        }
        Message = TempData["Message"] as string;
        Form = new Input { AssigneeId = User.UserId(), DueOn = Today.AddDays(7) };
        await ShowAsync(load.Case!, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAddAsync(Guid id, CancellationToken ct)
    {
        var load = await cases.LoadAsync(id, User, CaseOperations.AddTask, ct, withTasks: true);
        if (load.Refusal(this) is { } refusal)
        {
            return refusal;
        }
        var @case = load.Case!;
        ModelState.Clear();
        var validation = await validator.ValidateAsync(Form, ct);
        if (!validation.IsValid)
        {
            validation.AddToModelState(ModelState, nameof(Form));
            await ShowAsync(@case, ct);
            return Page();
        }
        try
        {
            @case.AddTask(Form.Title!, Form.Notes, Form.AssigneeId!.Value, Form.DueOn!.Value, User.UserId(), clock.GetUtcNow(), Today);
            db.CheckCaseVersionOnSave(@case);
            await db.SaveChangesAsync(ct);
        }
        catch (DomainRuleViolation ex)
        {
            ModelState.AddModelError(string.Empty, ex.Message);
            await ShowAsync(@case, ct);
            return Page();
        }
        catch (DbUpdateConcurrencyException)
        {
            // The form keeps what the user typed, to add it again against the current case.
            return await ShowCurrentAsync(id, CaseConcurrency.ConflictMessage, ct);
        }
        TempData["Message"] = "The task is added.";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostCompleteAsync(Guid id, Guid taskId, uint taskVersion, CancellationToken ct)
    {
        var load = await cases.LoadAsync(id, User, CaseOperations.AddTask, ct, withTasks: true);
        if (load.Refusal(this) is { } refusal)
        {
            return refusal;
        }
        var @case = load.Case!;
        var task = @case.Tasks.FirstOrDefault(t => t.Id == taskId);
        if (task is null)
        {
            return NotFound();
        }
        try
        {
            db.Entry(task).Property(t => t.Version).OriginalValue = taskVersion;
            @case.CompleteTask(taskId, User.UserId(), clock.GetUtcNow());
            // The case too: it may have been closed since it was loaded.
            db.CheckCaseVersionOnSave(@case);
            await db.SaveChangesAsync(ct);
        }
        catch (DomainRuleViolation ex)
        {
            ModelState.AddModelError(string.Empty, ex.Message);
            await ShowAsync(@case, ct);
            return Page();
        }
        catch (DbUpdateConcurrencyException ex)
        {
            ModelState.Clear();
            return await ShowCurrentAsync(id, ex.Entries.Any(e => e.Entity is Case) ? CaseConcurrency.ConflictMessage : ConflictMessage, ct);
        }
        TempData["Message"] = $"Done: {task.Title}.";
        return RedirectToPage(new { id });
    }

    /// <summary>After a conflict: the case and its tasks as they are now, with the message.</summary>
    private async Task<IActionResult> ShowCurrentAsync(Guid id, string message, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var current = (await cases.LoadAsync(id, User, CaseOperations.Read, ct, withTasks: true)).Case;
        if (current is null)
        {
            return NotFound();
        }
        ModelState.AddModelError(string.Empty, message);
        await ShowAsync(current, ct);
        return Page();
    }

    private async Task ShowAsync(Case c, CancellationToken ct)
    {
        Id = c.Id;
        Reference = c.Reference;
        CanComplete = c.IsOpen && CaseAccessRule.Allows(User.ToCaseViewer(), c, CaseOperation.AddTask);
        CanAdd = CanComplete && c.Team.Count > 0;
        var names = await people.NamesAsync(c.Team.Select(m => m.UserId).Concat(c.Tasks.Select(t => t.AssigneeId)), ct);
        var today = Today;
        Rows = c.Tasks
            .OrderBy(t => t.IsDone).ThenBy(t => t.DueOn).ThenBy(t => t.CreatedAt)
            .Select(t => new Row(t.Id, t.Title, t.Notes, names.GetValueOrDefault(t.AssigneeId, "Former colleague"), t.DueOn,
                t.IsDone, t.IsOverdue(today), t.Version))
            .ToList();
        Assignees = c.Team.Select(m => (m.UserId, names.GetValueOrDefault(m.UserId, "Former colleague")))
            .OrderBy(m => m.Item2, StringComparer.CurrentCulture).ToList();
    }

    public sealed record Row(Guid Id, string Title, string? Notes, string Assignee, DateOnly DueOn, bool IsDone, bool IsOverdue, uint Version);

    public sealed record Input
    {
        public string? Title { get; init; }

        public Guid? AssigneeId { get; init; }

        public DateOnly? DueOn { get; init; }

        public string? Notes { get; init; }
    }

    public sealed class Validator : AbstractValidator<Input>
    {
        public Validator(TimeProvider clock)
        {
            RuleFor(i => i.Title).Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage("Say what needs doing.")
                .MaximumLength(CaseTask.TitleMaxLength).WithMessage($"Use at most {CaseTask.TitleMaxLength} characters.");
            RuleFor(i => i.AssigneeId).NotEmpty().WithMessage("Choose who does it.");
            RuleFor(i => i.DueOn).NotNull().WithMessage("Enter the date it is due.")
                .Must(d => d >= clock.Today()).WithMessage("The due date is in the past.");
            RuleFor(i => i.Notes).MaximumLength(CaseTask.NotesMaxLength).WithMessage($"Use at most {CaseTask.NotesMaxLength} characters.");
        }
    }
}
