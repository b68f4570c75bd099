using Microsoft.AspNetCore.Identity;

namespace TipCases.Web.Security;

/// <summary>A person who signs in to TipCases. Every user belongs to exactly one office.</summary>
public sealed class AppUser : IdentityUser<Guid>
{
    public const int UserNameMaxLength = 64;
    public const int DisplayNameMaxLength = 200;
    public const int EmailMaxLength = 254;

    public string DisplayName { get; set; } = "";

    public Guid OfficeId { get; set; }

    /// <summary>A disabled account cannot sign in and its open sessions end at their next
    /// request (see UserSessions). Accounts are disabled, never deleted, so the audit trail keeps
    /// naming who did what.</summary>
    public bool IsActive { get; set; } = true;

    public DateTimeOffset CreatedAt { get; set; }
}

public sealed class AppRole : IdentityRole<Guid>
{
    public AppRole() { }

    public AppRole(string name) : base(name) { }
}
