using System.Collections.Frozen;
using Microsoft.AspNetCore.Identity;

namespace TipCases.Web.Security;

/// <summary>
/// Password rules after NIST SP 800-63B: long (at least 12 characters), no composition rules, and
/// never a password that appears on lists of passwords seen in breaches. The list ships with the
/// app (Security/common-passwords.txt); only entries that pass the length rule are kept in it.
/// </summary>
public sealed class CommonPasswordValidator : IPasswordValidator<AppUser>
{
    public const int MinimumLength = 12;

    /// <summary>Long enough for any passphrase; bounds the cost of hashing hostile input.</summary>
    public const int MaximumLength = 256;

    private static readonly Lazy<FrozenSet<string>> CommonPasswords = new(Load);

    public static bool IsCommon(string password) => CommonPasswords.Value.Contains(password.Trim().ToLowerInvariant());

    public Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password)
    {
        if (string.IsNullOrEmpty(password))
        {
            return Task.FromResult(IdentityResult.Success); // the length rule reports this one
        }
        if (password.Length > MaximumLength)
        {
            return Failed("PasswordTooLong", $"Use at most {MaximumLength} characters.");
        }
        if (IsCommon(password))
        {
            return Failed("PasswordTooCommon", "This password is on a list of commonly used passwords. Choose a longer phrase that only you would think of.");
        }
        if (user.UserName is { Length: > 0 } userName && password.Contains(userName, StringComparison.OrdinalIgnoreCase))
        {
            return Failed("PasswordContainsUserName", "The password must not contain the user name.");
        }
        return Task.FromResult(IdentityResult.Success);
    }

    private static Task<IdentityResult> Failed(string code, string description) =>
        Task.FromResult(IdentityResult.Failed(new IdentityError { Code = code, Description = description }));

    private static FrozenSet<string> Load()
    {
        using var stream = typeof(CommonPasswordValidator).Assembly
            .GetManifestResourceStream("TipCases.Web.Security.common-passwords.txt")
            ?? throw new InvalidOperationException("The common-password list is missing from the build.");
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            var entry = line.Trim().ToLowerInvariant();
            if (entry.Length >= MinimumLength)
            {
                set.Add(entry);
            }
        }
        return set.ToFrozenSet(StringComparer.Ordinal);
    }
}
