using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Core.Accounts;

namespace Safeguard.Web.Tests;

[Collection(AppCollection.Name)]
public sealed class SignInTests(SafeguardApp app)
{
    private Task<List<string>> AuditActionsAsync(string userId) =>
        app.WithDbAsync(db => db.AuditEvents.Where(e => e.RecordId == userId).OrderBy(e => e.Sequence).Select(e => e.Action).ToListAsync());

    [Fact]
    public async Task Password_then_authenticator_code_signs_in_and_is_audited()
    {
        var user = await app.CreateUserAsync([Roles.AgencyRepresentative]);
        var client = await app.SignInAsync(user);
        var home = await client.GetPageAsync("/");
        Assert.Contains("Your work", home.Body!.TextContent);
        Assert.Contains("signin.succeeded", await AuditActionsAsync(user.Id));
        Assert.NotNull(await app.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).Select(u => u.LastSignInAt).SingleAsync()));
    }

    [Fact]
    public async Task A_wrong_password_gets_a_plain_error_and_an_audit_event()
    {
        var user = await app.CreateUserAsync([Roles.Idva]);
        var client = app.NewClient();
        var response = await client.SubmitPasswordAsync(user.Email, "not the password at all");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadDocumentAsync();
        Assert.Contains("Enter a correct email address and password", page.ErrorSummary());
        Assert.StartsWith("Error: ", page.Title);
        Assert.Contains("signin.failed", await AuditActionsAsync(user.Id));
    }

    [Fact]
    public async Task Empty_fields_are_named_in_the_error_summary()
    {
        var page = await (await app.NewClient().SubmitPasswordAsync("", "")).ReadDocumentAsync();
        Assert.Contains("Enter your email address", page.ErrorSummary());
        Assert.Contains("Enter your password", page.ErrorSummary());
        Assert.NotNull(page.QuerySelector(".govuk-error-summary a[href='#Email']"));
    }

    [Fact]
    public async Task A_wrong_code_is_refused_and_the_session_stays_unsigned()
    {
        var user = await app.CreateUserAsync([Roles.Idva]);
        var client = app.NewClient();
        await client.SubmitPasswordAsync(user.Email, user.Password);
        var right = Totp.Code(user.AuthenticatorKey!, DateTimeOffset.UtcNow);
        var wrong = right == "000000" ? "111111" : "000000";
        var page = await (await client.PostFormAsync("/account/two-factor", ("Code", wrong))).ReadDocumentAsync();
        Assert.Contains("The code is not right", page.ErrorSummary());
        Assert.Equal("/account/sign-in", (await client.GetAsync("/")).RedirectPath());
        Assert.Contains("signin.second-factor-failed", await AuditActionsAsync(user.Id));
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_for_fifteen_minutes()
    {
        // Identity stamps the lockout with the system clock; the shared test clock stands still from the start of
        // the run, so bring it to now or a long run makes the lockout look longer than it is.
        app.Clock.Set(DateTimeOffset.UtcNow);
        var user = await app.CreateUserAsync([Roles.Idva]);
        var client = app.NewClient();
        for (var i = 0; i < AccountPolicy.MaxFailedAttempts; i++)
        {
            await client.SubmitPasswordAsync(user.Email, "wrong password number " + i);
        }

        var page = await (await client.SubmitPasswordAsync(user.Email, user.Password)).ReadDocumentAsync();
        Assert.Contains("locked", page.ErrorSummary());
        Assert.Contains("signin.locked-out", await AuditActionsAsync(user.Id));
        var lockoutEnd = await app.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).Select(u => u.LockoutEnd).SingleAsync());
        Assert.InRange(lockoutEnd!.Value - app.Clock.GetUtcNow(), TimeSpan.FromMinutes(14), TimeSpan.FromMinutes(16));
    }

    [Fact]
    public async Task A_recovery_code_works_once_only()
    {
        var user = await app.CreateUserAsync([Roles.Idva]);
        var codes = await app.NewRecoveryCodesAsync(user);
        var client = app.NewClient();
        await client.SubmitPasswordAsync(user.Email, user.Password);
        var used = await client.PostFormAsync("/account/recovery-code", ("RecoveryCode", codes[0]));
        Assert.Equal("/account", used.Location());
        var account = await client.GetPageAsync("/account");
        Assert.Contains("9 left", account.Body!.TextContent);

        var again = app.NewClient();
        await again.SubmitPasswordAsync(user.Email, user.Password);
        var refused = await (await again.PostFormAsync("/account/recovery-code", ("RecoveryCode", codes[0]))).ReadDocumentAsync();
        Assert.Contains("not right or has already been used", refused.ErrorSummary());
    }

    [Fact]
    public async Task The_second_factor_pages_need_a_password_first()
    {
        var client = app.NewClient();
        Assert.Equal("/account/sign-in", (await client.GetAsync("/account/two-factor")).RedirectPath());
        Assert.Equal("/account/sign-in", (await client.GetAsync("/account/recovery-code")).RedirectPath());
    }

    [Fact]
    public async Task Signing_out_ends_the_session()
    {
        var user = await app.CreateUserAsync([Roles.Idva]);
        var client = await app.SignInAsync(user);
        var signedOut = await client.PostFormAsync("/account", new Dictionary<string, string>(), "/account/sign-out");
        Assert.Equal("/account/signed-out", signedOut.Location());
        Assert.Equal("/account/sign-in", (await client.GetAsync("/")).RedirectPath());
        Assert.Contains("signout", await AuditActionsAsync(user.Id));
    }

    [Fact]
    public async Task Sign_out_everywhere_ends_every_other_session_too()
    {
        var user = await app.CreateUserAsync([Roles.Idva]);
        var laptop = await app.SignInAsync(user);
        var phone = await app.SignInAsync(user);
        var response = await phone.PostFormAsync("/account", new Dictionary<string, string>(), "/account?handler=SignOutEverywhere");
        Assert.Equal("/account/signed-out", response.Location());
        Assert.Equal("/account/sign-in", (await laptop.GetAsync("/account")).RedirectPath());
        Assert.Contains("signout.everywhere", await AuditActionsAsync(user.Id));
    }

    [Fact]
    public async Task An_idle_session_expires_after_the_configured_timeout()
    {
        var user = await app.CreateUserAsync([Roles.Idva]);
        var client = await app.SignInAsync(user);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account")).StatusCode);
        app.Clock.Advance(TimeSpan.FromMinutes(21));
        try
        {
            Assert.Equal("/account/sign-in", (await client.GetAsync("/account")).RedirectPath());
        }
        finally
        {
            app.Clock.Set(DateTimeOffset.UtcNow);
        }
    }

    [Fact]
    public async Task A_disabled_users_old_cookie_is_refused_at_once_and_audited()
    {
        var user = await app.CreateUserAsync([Roles.Idva]);
        var client = await app.SignInAsync(user);
        using (var scope = app.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<User>>();
            await scope.ServiceProvider.GetRequiredService<UserAdministration>().DisableAsync((await users.FindByIdAsync(user.Id))!);
        }

        Assert.Equal("/account/sign-in", (await client.GetAsync("/account")).RedirectPath());
        var again = await (await app.NewClient().SubmitPasswordAsync(user.Email, user.Password)).ReadDocumentAsync();
        Assert.Contains("Enter a correct email address and password", again.ErrorSummary());
        Assert.Contains("signin.failed", await AuditActionsAsync(user.Id));
    }
}
