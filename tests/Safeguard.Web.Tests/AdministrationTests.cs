using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Accounts;

namespace Safeguard.Web.Tests;

[Collection(AppCollection.Name)]
public sealed class AdministrationTests(SafeguardApp app)
{
    private async Task<HttpClient> AdminAsync() =>
        await app.SignInAsync(await app.CreateUserAsync([Roles.Administrator], [app.NorthAreaId, app.SouthAreaId]));

    private string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    [Fact]
    public async Task An_administrator_adds_a_user_in_another_agency_who_must_then_set_up_before_seeing_anything()
    {
        var admin = await AdminAsync();
        var email = $"new.{Guid.NewGuid():N}@example.org";
        var created = await admin.PostPairsAsync("/admin/users/new", "/admin/users/new",
            ("DisplayName", "Robin Newcomer"), ("Email", email), ("AgencyId", Id(app.OtherAgencyId)),
            ("AreaIds", Id(app.NorthAreaId)), ("Roles", Roles.AgencyRepresentative), ("Roles", Roles.Idva));
        var page = await created.ReadDocumentAsync();
        var temporary = page.QuerySelector("#temporary-password")?.TextContent;
        Assert.NotNull(temporary);

        var user = await app.WithDbAsync(db => db.Users.SingleAsync(u => u.Email == email));
        Assert.Equal(app.OtherAgencyId, user.AgencyId);
        Assert.True(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.Action == "user.created" && e.RecordId == user.Id)));

        var newcomer = app.NewClient();
        Assert.Equal("/account/setup", (await newcomer.SubmitPasswordAsync(email, temporary!)).Location());
        Assert.Equal("/account/setup", (await newcomer.GetAsync("/")).Location());
        Assert.Equal("/account/setup/password", (await newcomer.GetAsync("/account/setup")).Location());

        var weak = await (await newcomer.PostFormAsync("/account/setup/password", ("NewPassword", "qwerty123456"), ("ConfirmPassword", "qwerty123456"))).ReadDocumentAsync();
        Assert.Contains("common passwords", weak.ErrorSummary());
        var shortOne = await (await newcomer.PostFormAsync("/account/setup/password", ("NewPassword", "short"), ("ConfirmPassword", "short"))).ReadDocumentAsync();
        Assert.Contains("12 characters", shortOne.ErrorSummary());
        var chosen = await newcomer.PostFormAsync("/account/setup/password", ("NewPassword", "amber otter lantern 9"), ("ConfirmPassword", "amber otter lantern 9"));
        Assert.Equal("/account/setup", chosen.Location());
        Assert.Equal("/account/setup/authenticator", (await newcomer.GetAsync("/account/setup")).Location());

        var enrol = await newcomer.GetPageAsync("/account/setup/authenticator");
        var key = enrol.QuerySelector("#shared-key")!.TextContent.Trim();
        Assert.StartsWith("data:image/png;base64,", enrol.QuerySelector(".app-qr img")!.GetAttribute("src"));
        var wrong = await (await newcomer.PostFormAsync("/account/setup/authenticator", ("Code", "12345"))).ReadDocumentAsync();
        Assert.Contains("The code is not right", wrong.ErrorSummary());
        var done = await (await newcomer.PostFormAsync("/account/setup/authenticator", ("Code", Totp.Code(key, DateTimeOffset.UtcNow)))).ReadDocumentAsync();
        Assert.Equal(10, done.QuerySelectorAll("#recovery-codes li").Length);

        var home = await newcomer.GetPageAsync("/");
        Assert.Contains("Welcome, Robin Newcomer", home.Body!.TextContent);
        Assert.Equal(HttpStatusCode.Redirect, (await newcomer.GetAsync("/admin/users")).StatusCode);
        var actions = await app.WithDbAsync(db => db.AuditEvents.Where(e => e.RecordId == user.Id).Select(e => e.Action).ToListAsync());
        Assert.Contains("user.password-changed", actions);
        Assert.Contains("user.two-factor-enrolled", actions);
    }

    [Fact]
    public async Task Bad_input_shows_each_field_error_and_saves_nothing()
    {
        var admin = await AdminAsync();
        var before = await app.WithDbAsync(db => db.Users.CountAsync());
        var response = await admin.PostPairsAsync("/admin/users/new", "/admin/users/new", ("DisplayName", ""), ("Email", "nope"));
        var page = await response.ReadDocumentAsync();
        var summary = page.ErrorSummary()!;
        Assert.Contains("Enter the user's full name", summary);
        Assert.Contains("correct format", summary);
        Assert.Contains("Select the user's agency", summary);
        Assert.Contains("Select at least one area", summary);
        Assert.Contains("Select at least one role", summary);
        Assert.NotNull(page.QuerySelector("#DisplayName-error"));
        Assert.Equal(before, await app.WithDbAsync(db => db.Users.CountAsync()));
    }

    [Fact]
    public async Task Disable_enable_reset_and_temporary_password_are_audited_and_take_effect()
    {
        var admin = await AdminAsync();
        var target = await app.CreateUserAsync([Roles.Idva]);
        var targetSession = await app.SignInAsync(target);
        var details = $"/admin/users/{target.Id}";

        var disabled = await (await admin.PostPairsAsync(details, details + "?handler=Disable")).ReadDocumentAsync();
        Assert.Equal("Disabled", disabled.QuerySelector("#status")!.TextContent);
        Assert.Equal("/account/sign-in", (await targetSession.GetAsync("/")).RedirectPath());
        await admin.PostPairsAsync(details, details + "?handler=Enable");

        var reset = await (await admin.PostPairsAsync(details, details + "?handler=ResetTwoFactor")).ReadDocumentAsync();
        Assert.Equal("Not set up yet", reset.QuerySelector("#two-factor")!.TextContent);
        Assert.Equal("/account/setup", (await app.NewClient().SubmitPasswordAsync(target.Email, target.Password)).Location());

        var issued = await (await admin.PostPairsAsync(details, details + "?handler=TemporaryPassword")).ReadDocumentAsync();
        var temporary = issued.QuerySelector("#temporary-password")!.TextContent;
        Assert.Equal("/account/setup", (await app.NewClient().SubmitPasswordAsync(target.Email, temporary)).Location());

        var actions = await app.WithDbAsync(db => db.AuditEvents.Where(e => e.RecordId == target.Id).OrderBy(e => e.Sequence).Select(e => e.Action).ToListAsync());
        Assert.Contains("user.disabled", actions);
        Assert.Contains("user.enabled", actions);
        Assert.Contains("user.two-factor-reset", actions);
        Assert.Contains("user.temporary-password-issued", actions);
    }

    [Fact]
    public async Task An_administrator_cannot_disable_themselves()
    {
        var me = await app.CreateUserAsync([Roles.Administrator]);
        var admin = await app.SignInAsync(me);
        var page = await (await admin.PostPairsAsync($"/admin/users/{me.Id}", $"/admin/users/{me.Id}?handler=Disable")).ReadDocumentAsync();
        Assert.Contains("You cannot disable your own account", page.QuerySelector("#notice")!.TextContent);
        Assert.False(await app.WithDbAsync(db => db.Users.AnyAsync(u => u.Id == me.Id && u.IsDisabled)));
    }

    [Fact]
    public async Task Changing_roles_takes_effect_on_the_users_next_request()
    {
        var admin = await AdminAsync();
        var target = await app.CreateUserAsync([Roles.Idva]);
        var session = await app.SignInAsync(target);
        Assert.Equal(HttpStatusCode.Redirect, (await session.GetAsync("/audit")).StatusCode);

        var edit = $"/admin/users/{target.Id}/edit";
        var form = await admin.GetPageAsync(edit);
        var stamp = form.QuerySelector("input[name=ConcurrencyStamp]")!.GetAttribute("value")!;
        var saved = await admin.PostPairsAsync(edit, edit, ("DisplayName", "Changed Name"), ("Email", target.Email),
            ("AgencyId", Id(app.AgencyId)), ("AreaIds", Id(app.NorthAreaId)), ("Roles", Roles.Auditor), ("ConcurrencyStamp", stamp));
        Assert.Equal($"/admin/users/{target.Id}", saved.Location());
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/audit")).StatusCode);

        var stale = await (await admin.PostPairsAsync(edit, edit, ("DisplayName", "Lost update"), ("Email", target.Email),
            ("AgencyId", Id(app.AgencyId)), ("AreaIds", Id(app.NorthAreaId)), ("Roles", Roles.Idva), ("ConcurrencyStamp", stamp))).ReadDocumentAsync();
        Assert.Contains("Someone else changed this user", stale.ErrorSummary());
    }

    [Fact]
    public async Task Agencies_and_areas_are_managed_and_audited()
    {
        var admin = await AdminAsync();
        var name = $"Testshire Probation {Guid.NewGuid():N}"[..30];
        Assert.Equal("/admin/organisation", (await admin.PostFormAsync("/admin/organisation/agencies", ("Name", name), ("Kind", "Probation"), ("IsActive", "true"))).Location());
        var duplicate = await (await admin.PostFormAsync("/admin/organisation/agencies", ("Name", name), ("Kind", "Probation"))).ReadDocumentAsync();
        Assert.Contains("already exists", duplicate.ErrorSummary());
        var badKind = await (await admin.PostFormAsync("/admin/organisation/agencies", ("Name", "Another"), ("Kind", "Spaceship"))).ReadDocumentAsync();
        Assert.Contains("Select the kind of agency", badKind.ErrorSummary());

        var area = $"East {Guid.NewGuid():N}"[..12];
        Assert.Equal("/admin/organisation", (await admin.PostFormAsync("/admin/organisation/areas", ("Name", area), ("IsActive", "true"))).Location());
        var list = await admin.GetPageAsync("/admin/organisation");
        Assert.Contains(name, list.QuerySelector("#agencies")!.TextContent);
        Assert.Contains(area, list.QuerySelector("#areas")!.TextContent);

        // The administrator who adds an area works in it, so can give it to users straight away.
        var newUserForm = await admin.GetPageAsync("/admin/users/new");
        Assert.Contains(area, newUserForm.Body!.TextContent);
        Assert.True(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.Action == "agency.created" && e.After!.Contains(name))));
        Assert.True(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.Action == "area.created")));
    }

    [Fact]
    public async Task The_auditor_filters_the_trail_and_verifies_the_chain()
    {
        var target = await app.CreateUserAsync([Roles.Idva]);
        await app.NewClient().SubmitPasswordAsync(target.Email, "wrong password here");
        var auditor = await app.SignInAsync(await app.CreateUserAsync([Roles.Auditor]));
        var page = await auditor.GetPageAsync($"/audit?UserId={target.Id}");
        var actions = page.QuerySelectorAll("#audit-events td[data-action]").Select(td => td.TextContent).ToList();
        Assert.Contains("signin.failed", actions);
        Assert.DoesNotContain("audit.viewed", actions);

        var badDate = await auditor.GetPageAsync("/audit?From=31/02/2026");
        Assert.Contains("Start date must be a real date", badDate.ErrorSummary());

        var verified = await (await auditor.PostPairsAsync("/audit/verify", "/audit/verify")).ReadDocumentAsync();
        Assert.Contains("The audit trail is intact", verified.QuerySelector("#verify-result")!.TextContent);
    }

    [Fact]
    public async Task A_temporary_password_must_be_replaced_even_by_a_user_with_an_authenticator()
    {
        var admin = await AdminAsync();
        var target = await app.CreateUserAsync([Roles.Idva]);
        var details = $"/admin/users/{target.Id}";
        var issued = await (await admin.PostPairsAsync(details, details + "?handler=TemporaryPassword")).ReadDocumentAsync();
        var temporary = issued.QuerySelector("#temporary-password")!.TextContent;

        var client = app.NewClient();
        Assert.Equal("/account/two-factor", (await client.SubmitPasswordAsync(target.Email, temporary)).RedirectPath());
        var code = await client.PostFormAsync("/account/two-factor", ("Code", Totp.Code(target.AuthenticatorKey!, DateTimeOffset.UtcNow)));
        Assert.Equal("/account/setup", code.Location());
        Assert.Equal("/account/setup", (await client.GetAsync("/")).Location());
        Assert.Equal("/account/setup/password", (await client.GetAsync("/account/setup")).Location());

        var changed = await client.PostFormAsync("/account/setup/password", ("NewPassword", "walnut pebble harbour 3"), ("ConfirmPassword", "walnut pebble harbour 3"));
        Assert.Equal("/account/setup", changed.Location());
        Assert.Equal("/", (await client.GetAsync("/account/setup")).Location());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task An_area_the_administrator_does_not_work_in_cannot_be_changed()
    {
        var northAdmin = await app.SignInAsync(await app.CreateUserAsync([Roles.Administrator], [app.NorthAreaId]));
        Assert.Equal(HttpStatusCode.OK, (await northAdmin.GetAsync($"/admin/organisation/areas/{app.NorthAreaId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await northAdmin.GetAsync($"/admin/organisation/areas/{app.SouthAreaId}")).StatusCode);
        var post = await northAdmin.PostPairsAsync("/admin/organisation/areas", $"/admin/organisation/areas/{app.SouthAreaId}",
            ("Name", "Renamed South"), ("IsActive", "false"), ("Version", "1"));
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.True(await app.WithDbAsync(db => db.Areas.AnyAsync(a => a.Id == app.SouthAreaId && a.Name == "South" && a.IsActive)));
    }

    [Fact]
    public async Task A_replayed_first_cookie_from_a_temporary_password_sign_in_is_still_password_only()
    {
        var admin = await AdminAsync();
        var target = await app.CreateUserAsync([Roles.Idva]);
        var details = $"/admin/users/{target.Id}";
        var temporary = (await (await admin.PostPairsAsync(details, details + "?handler=TemporaryPassword")).ReadDocumentAsync())
            .QuerySelector("#temporary-password")!.TextContent;
        var client = app.NewClient();
        await client.SubmitPasswordAsync(target.Email, temporary);
        var code = await client.PostFormAsync("/account/two-factor", ("Code", Totp.Code(target.AuthenticatorKey!, DateTimeOffset.UtcNow)));
        foreach (var cookie in code.Headers.GetValues("Set-Cookie").Where(c => c.StartsWith("safeguard.session=", StringComparison.Ordinal)))
        {
            var replay = app.NewClient();
            var request = new HttpRequestMessage(HttpMethod.Get, "/account");
            request.Headers.Add("Cookie", cookie.Split(';')[0]);
            Assert.Equal("/account/setup", (await replay.SendAsync(request)).Location());
        }
    }

    [Fact]
    public async Task An_administrator_cannot_change_their_own_roles_or_areas()
    {
        var me = await app.CreateUserAsync([Roles.Administrator], [app.NorthAreaId]);
        var admin = await app.SignInAsync(me);
        var edit = $"/admin/users/{me.Id}/edit";
        var stamp = (await admin.GetPageAsync(edit)).QuerySelector("input[name=ConcurrencyStamp]")!.GetAttribute("value")!;
        var page = await (await admin.PostPairsAsync(edit, edit, ("DisplayName", "Me"), ("Email", me.Email), ("AgencyId", Id(app.AgencyId)),
            ("AreaIds", Id(app.NorthAreaId)), ("Roles", Roles.Administrator), ("Roles", Roles.Auditor), ("ConcurrencyStamp", stamp))).ReadDocumentAsync();
        Assert.Contains("You cannot change your own roles or areas", page.ErrorSummary());
        Assert.Equal(HttpStatusCode.Redirect, (await admin.GetAsync("/audit")).StatusCode);
    }

    [Fact]
    public async Task A_user_who_also_works_elsewhere_can_be_seen_but_not_changed()
    {
        var northAdmin = await app.SignInAsync(await app.CreateUserAsync([Roles.Administrator], [app.NorthAreaId]));
        var both = await app.CreateUserAsync([Roles.Administrator], [app.NorthAreaId, app.SouthAreaId]);
        var details = await northAdmin.GetPageAsync($"/admin/users/{both.Id}");
        Assert.NotNull(details.QuerySelector("#cannot-change"));
        Assert.Null(details.QuerySelector("form[action*=ResetTwoFactor]"));
        Assert.Equal(HttpStatusCode.NotFound, (await northAdmin.GetAsync($"/admin/users/{both.Id}/edit")).StatusCode);
        var reset = await northAdmin.PostPairsAsync($"/admin/users/{both.Id}", $"/admin/users/{both.Id}?handler=ResetTwoFactor");
        Assert.Equal(HttpStatusCode.NotFound, reset.StatusCode);
        var temporary = await northAdmin.PostPairsAsync($"/admin/users/{both.Id}", $"/admin/users/{both.Id}?handler=TemporaryPassword");
        Assert.Equal(HttpStatusCode.NotFound, temporary.StatusCode);
        Assert.True(await app.WithDbAsync(db => db.Users.AnyAsync(u => u.Id == both.Id && u.TwoFactorEnabled)));
    }

    [Fact]
    public async Task A_far_future_date_on_the_audit_page_is_a_field_error_not_a_crash()
    {
        var auditor = await app.SignInAsync(await app.CreateUserAsync([Roles.Auditor]));
        var page = await auditor.GetPageAsync("/audit?To=9999-12-31");
        Assert.Contains("End date must be a real date", page.ErrorSummary());
    }
}
