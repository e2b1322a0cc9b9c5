using System.Net;
using Microsoft.EntityFrameworkCore;
using ZemgaleNvo.Domain.Audit;
using ZemgaleNvo.Domain.Users;
using ZemgaleNvo.IntegrationTests.Infrastructure;

namespace ZemgaleNvo.IntegrationTests.Admin;

/// <summary>Users: invitation by a one-time link, lock, deactivation, role changes, and what an admin may not do to themselves.</summary>
public sealed class UserAdministrationTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private const string NewPassword = "zaļš kalns pie upes 2026";
    private PortalFactory Factory => portal.Factory;

    private static string UniqueEmail(string name) => $"{name}-{Guid.NewGuid():N}@ngo.test";

    private async Task<(string Email, string Id)> ActiveUserAsync(HttpClient admin, string role = Roles.NgoStaff)
    {
        var email = UniqueEmail("lietotajs");
        var (response, _, id) = await AdminBrowser.InviteAsync(Factory, admin, email, role, role == Roles.NgoStaff ? await AdminBrowser.OrganisationIdAsync(Factory) : null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await AdminBrowser.SetPasswordAsync(Factory, AdminBrowser.LinkFromMail(Factory, email), NewPassword)).StatusCode);
        return (email, id!);
    }

    [Fact]
    public async Task A_new_user_gets_a_link_by_email_and_on_the_page_sets_a_password_with_it_and_signs_in()
    {
        var admin = await AdminBrowser.AdminClientAsync(Factory);
        var email = UniqueEmail("anna");

        var (response, html, id) = await AdminBrowser.InviteAsync(Factory, admin, email, Roles.NgoStaff, await AdminBrowser.OrganisationIdAsync(Factory));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(id);
        Assert.Contains($"Saite paroles iestatīšanai nosūtīta uz {email}.", Browser.Text(html));
        var mailed = AdminBrowser.LinkFromMail(Factory, email);
        Assert.Equal(mailed, AdminBrowser.LinkFromPage(html));
        // No password yet: nobody can sign in with the account before its owner sets one.
        Assert.NotEqual(HttpStatusCode.Redirect, (await Browser.SignInAsync(Factory.CreateClient(), email, NewPassword)).StatusCode);

        var form = await Factory.CreateClient().GetAsync(mailed.PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        Assert.Contains(email, Browser.Text(await form.Content.ReadAsStringAsync()));

        var set = await AdminBrowser.SetPasswordAsync(Factory, mailed, NewPassword);
        Assert.Equal(HttpStatusCode.Redirect, set.StatusCode);
        Assert.Equal("/account/login", set.Headers.Location?.OriginalString);

        var user = Factory.CreateClient();
        Assert.Equal(HttpStatusCode.Redirect, (await Browser.SignInAsync(user, email, NewPassword)).StatusCode);
        Assert.Contains("Zemgales NVO centrs", await user.GetStringAsync("/"));
    }

    [Fact]
    public async Task A_used_link_is_refused_with_a_message_and_nothing_else()
    {
        var admin = await AdminBrowser.AdminClientAsync(Factory);
        var email = UniqueEmail("janis");
        await AdminBrowser.InviteAsync(Factory, admin, email, Roles.Reviewer);
        var link = AdminBrowser.LinkFromMail(Factory, email);
        Assert.Equal(HttpStatusCode.Redirect, (await AdminBrowser.SetPasswordAsync(Factory, link, NewPassword)).StatusCode);

        var again = await Factory.CreateClient().GetAsync(link.PathAndQuery);
        var reused = await AdminBrowser.SetPasswordAsync(Factory, link, "cita ļoti gara parole 99");

        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        var html = await again.Content.ReadAsStringAsync();
        Assert.Contains("Šī paroles iestatīšanas saite jau ir izmantota", Browser.Text(html));
        Assert.DoesNotContain("Form.Password", html);
        Assert.Equal(HttpStatusCode.BadRequest, reused.StatusCode);
        // The first password still works; the second never took.
        Assert.Equal(HttpStatusCode.Redirect, (await Browser.SignInAsync(Factory.CreateClient(), email, NewPassword)).StatusCode);
    }

    [Fact]
    public async Task A_tampered_link_is_refused()
    {
        var admin = await AdminBrowser.AdminClientAsync(Factory);
        var email = UniqueEmail("tampered");
        var (_, _, id) = await AdminBrowser.InviteAsync(Factory, admin, email, Roles.Reviewer);

        var response = await Factory.CreateClient().GetAsync($"/account/set-password?user={id}&token=AAAA");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Saite vairs nav derīga", Browser.Text(await response.Content.ReadAsStringAsync()));
    }

    [Theory]
    [InlineData("īsa parole", "īsa parole", "Parolei jābūt vismaz 12 zīmes garai.")]
    [InlineData("zaļš kalns pie upes 2026", "zaļš kalns pie upes 2027", "Paroles nesakrīt.")]
    [InlineData("", "", "Ierakstiet jauno paroli.")]
    public async Task A_refused_password_keeps_the_link_usable_and_says_why(string password, string confirm, string message)
    {
        var admin = await AdminBrowser.AdminClientAsync(Factory);
        var email = UniqueEmail("weak");
        await AdminBrowser.InviteAsync(Factory, admin, email, Roles.Reviewer);
        var link = AdminBrowser.LinkFromMail(Factory, email);

        var refused = await AdminBrowser.SetPasswordAsync(Factory, link, password, confirm);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains(message, Browser.Text(await refused.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.Redirect, (await AdminBrowser.SetPasswordAsync(Factory, link, NewPassword)).StatusCode);
    }

    [Fact]
    public async Task A_new_link_replaces_the_old_one()
    {
        var admin = await AdminBrowser.AdminClientAsync(Factory);
        var email = UniqueEmail("resend");
        var (_, _, id) = await AdminBrowser.InviteAsync(Factory, admin, email, Roles.Reviewer);
        var first = AdminBrowser.LinkFromMail(Factory, email);

        var resent = await Browser.PostFormAsync(admin, $"/admin/users/{id}", $"/admin/users/{id}/send-link", []);
        var second = AdminBrowser.LinkFromPage(await resent.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, resent.StatusCode);
        Assert.NotEqual(first, second);
        Assert.Equal(HttpStatusCode.BadRequest, (await AdminBrowser.SetPasswordAsync(Factory, first, NewPassword)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await AdminBrowser.SetPasswordAsync(Factory, second, NewPassword)).StatusCode);
    }

    [Fact]
    public async Task A_locked_user_cannot_sign_in_until_unlocked_and_the_lock_is_audited()
    {
        var admin = await AdminBrowser.AdminClientAsync(Factory);
        var (email, id) = await ActiveUserAsync(admin);

        var locked = await Browser.PostFormAsync(admin, $"/admin/users/{id}", $"/admin/users/{id}/lock", []);

        Assert.Equal(HttpStatusCode.Redirect, locked.StatusCode);
        Assert.NotEqual(HttpStatusCode.Redirect, (await Browser.SignInAsync(Factory.CreateClient(), email, NewPassword)).StatusCode);
        Assert.Contains("bloķēts", Browser.Text(await admin.GetStringAsync($"/admin/users/{id}")));
        await using (var db = Factory.OpenDatabase())
        {
            Assert.True(await db.AuditEntries.AnyAsync(e => e.EntityType == "User" && e.EntityKey == id && e.Field == "LockoutEnd" && e.NewValue == "locked" && e.UserName == Browser.Admin));
        }

        Assert.Equal(HttpStatusCode.Redirect, (await Browser.PostFormAsync(admin, $"/admin/users/{id}", $"/admin/users/{id}/unlock", [])).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Browser.SignInAsync(Factory.CreateClient(), email, NewPassword)).StatusCode);
    }

    [Fact]
    public async Task Locking_ends_the_users_open_session_by_renewing_the_security_stamp()
    {
        var admin = await AdminBrowser.AdminClientAsync(Factory);
        var (_, id) = await ActiveUserAsync(admin);
        string before;
        await using (var db = Factory.OpenDatabase())
        {
            before = (await db.Users.SingleAsync(u => u.Id == id)).SecurityStamp!;
        }

        await Browser.PostFormAsync(admin, $"/admin/users/{id}", $"/admin/users/{id}/lock", []);

        await using (var db = Factory.OpenDatabase())
        {
            Assert.NotEqual(before, (await db.Users.SingleAsync(u => u.Id == id)).SecurityStamp);
        }
    }

    [Fact]
    public async Task A_deactivated_user_cannot_sign_in_and_stays_listed()
    {
        var admin = await AdminBrowser.AdminClientAsync(Factory);
        var (email, id) = await ActiveUserAsync(admin);

        var deactivated = await Browser.PostFormAsync(admin, $"/admin/users/{id}", $"/admin/users/{id}/deactivate", []);

        Assert.Equal(HttpStatusCode.Redirect, deactivated.StatusCode);
        var signIn = await Browser.SignInAsync(Factory.CreateClient(), email, NewPassword);
        Assert.NotEqual(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Contains("Nepareizs e-pasts vai parole.", Browser.Text(await signIn.Content.ReadAsStringAsync()));
        var list = Browser.Text(await admin.GetStringAsync("/admin/users?status=Deactivated"));
        Assert.Contains(email, list);
        Assert.Contains("deaktivizēts", list);
        Assert.DoesNotContain(Browser.Reviewer, list);
        await using (var db = Factory.OpenDatabase())
        {
            Assert.NotNull((await db.Users.SingleAsync(u => u.Id == id)).DeactivatedAtUtc);
        }

        Assert.Equal(HttpStatusCode.Redirect, (await Browser.PostFormAsync(admin, $"/admin/users/{id}", $"/admin/users/{id}/reactivate", [])).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Browser.SignInAsync(Factory.CreateClient(), email, NewPassword)).StatusCode);
    }

    [Fact]
    public async Task A_role_change_takes_effect_and_is_audited()
    {
        var admin = await AdminBrowser.AdminClientAsync(Factory);
        var (email, id) = await ActiveUserAsync(admin);

        var changed = await Browser.PostFormAsync(admin, $"/admin/users/{id}", $"/admin/users/{id}/role", new() { ["Form.Role"] = Roles.Reviewer, ["Form.OrganisationId"] = "" });

        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        await using (var db = Factory.OpenDatabase())
        {
            var user = await db.Users.SingleAsync(u => u.Id == id);
            Assert.Null(user.OrganisationId);
            var roles = await db.UserRoles.Where(ur => ur.UserId == id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name).ToListAsync();
            Assert.Equal(new[] { Roles.Reviewer }, roles);
            Assert.True(await db.AuditEntries.AnyAsync(e => e.EntityKey == id && e.Field == "Role" && e.OldValue == Roles.NgoStaff && e.NewValue == Roles.Reviewer));
        }
        var reviewer = Factory.CreateClient();
        await Browser.SignInAsync(reviewer, email, NewPassword);
        // A reviewer now: the dashboard is theirs as soon as they add the second factor reviewers need.
        Assert.Equal("/account/two-factor/setup?returnUrl=%2Fdashboard", (await reviewer.GetAsync("/dashboard")).Headers.Location?.OriginalString);
        Assert.Contains("Recenzents (ministrija)", Browser.Text(await admin.GetStringAsync("/admin/users?role=Reviewer")));
    }

    /// <summary>
    /// Two admins open the same user; the first makes them a reviewer, the second (still seeing NGO
    /// staff) chooses admin: the second save is refused, shows the role as it is now and keeps the
    /// choice, and saving that page again goes through.
    /// </summary>
    [Fact]
    public async Task A_role_form_drawn_before_another_admins_change_is_refused_and_can_be_saved_again()
    {
        var admin = await AdminBrowser.AdminClientAsync(Factory);
        var (_, id) = await ActiveUserAsync(admin);
        var seenByTheSecond = new Dictionary<string, string>
        {
            ["Form.SeenRole"] = Roles.NgoStaff,
            ["Form.SeenOrganisationId"] = (await AdminBrowser.OrganisationIdAsync(Factory)).ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        Assert.Contains("name=\"Form.SeenRole\" value=\"NgoStaff\"", await admin.GetStringAsync($"/admin/users/{id}"));

        var first = await Browser.PostFormAsync(admin, $"/admin/users/{id}", $"/admin/users/{id}/role",
            new() { ["Form.Role"] = Roles.Reviewer, ["Form.OrganisationId"] = "", ["Form.SeenRole"] = Roles.NgoStaff, ["Form.SeenOrganisationId"] = seenByTheSecond["Form.SeenOrganisationId"] });
        var second = await Browser.PostFormAsync(admin, $"/admin/users/{id}", $"/admin/users/{id}/role",
            new(seenByTheSecond) { ["Form.Role"] = Roles.Admin, ["Form.OrganisationId"] = "" });

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        var page = await second.Content.ReadAsStringAsync();
        Assert.Contains("cits administrators nomainīja šī lietotāja lomu vai organizāciju", Browser.Text(page));
        Assert.Contains("<option value=\"Admin\" selected=\"selected\">", page);
        Assert.Contains("name=\"Form.SeenRole\" value=\"Reviewer\"", page);
        await using (var db = Factory.OpenDatabase())
        {
            var roles = await db.UserRoles.Where(ur => ur.UserId == id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name).ToListAsync();
            Assert.Equal(new[] { Roles.Reviewer }, roles);
        }

        var again = await Browser.PostFormAsync(admin, $"/admin/users/{id}", $"/admin/users/{id}/role",
            new() { ["Form.Role"] = Roles.Admin, ["Form.OrganisationId"] = "", ["Form.SeenRole"] = Roles.Reviewer, ["Form.SeenOrganisationId"] = "" });
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
    }

    [Theory]
    [InlineData(Roles.NgoStaff, "", "NVO darbiniekam jāizvēlas organizācija.")]
    [InlineData(Roles.Reviewer, "ORG", "Organizāciju norāda tikai NVO darbiniekiem; administratoram un recenzentam atstājiet to tukšu.")]
    [InlineData("Superuser", "", "Izvēlieties vienu no piedāvātajām lomām.")]
    public async Task A_role_and_organisation_that_do_not_go_together_are_refused(string role, string organisation, string message)
    {
        var admin = await AdminBrowser.AdminClientAsync(Factory);
        var email = UniqueEmail("refused");
        var fields = AdminBrowser.NewUser(email, role);
        fields["Form.OrganisationId"] = organisation == "ORG" ? (await AdminBrowser.OrganisationIdAsync(Factory)).ToString(System.Globalization.CultureInfo.InvariantCulture) : organisation;

        var response = await Browser.PostFormAsync(admin, "/admin/users/new", "/admin/users/new", fields);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains(message, Browser.Text(html));
        Assert.Contains($"value=\"{email}\"", html);
        Assert.Contains("value=\"Anna Bērziņa\"", html);
        Assert.Contains("data-testid=\"error-summary\"", html);
        Assert.Contains("aria-invalid=\"true\"", html);
        await using var db = Factory.OpenDatabase();
        Assert.False(await db.Users.AnyAsync(u => u.Email == email));
    }

    [Fact]
    public async Task Empty_fields_a_bad_email_and_a_taken_email_are_refused_in_Latvian()
    {
        var admin = await AdminBrowser.AdminClientAsync(Factory);

        var empty = await Browser.PostFormAsync(admin, "/admin/users/new", "/admin/users/new", AdminBrowser.NewUser("", Roles.Reviewer, fullName: ""));
        var bad = await Browser.PostFormAsync(admin, "/admin/users/new", "/admin/users/new", AdminBrowser.NewUser("nav-epasts", Roles.Reviewer));
        var taken = await Browser.PostFormAsync(admin, "/admin/users/new", "/admin/users/new", AdminBrowser.NewUser(Browser.Reviewer, Roles.Reviewer));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, empty.StatusCode);
        var emptyText = Browser.Text(await empty.Content.ReadAsStringAsync());
        Assert.Contains("Norādiet e-pasta adresi.", emptyText);
        Assert.Contains("Ierakstiet vārdu un uzvārdu.", emptyText);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
        Assert.Contains("E-pasta adrese nav derīga.", Browser.Text(await bad.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, taken.StatusCode);
        Assert.Contains("Lietotājs ar šo e-pasta adresi jau ir.", Browser.Text(await taken.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task An_admin_cannot_lock_deactivate_or_demote_themselves()
    {
        var admin = await AdminBrowser.AdminClientAsync(Factory);
        string id;
        await using (var db = Factory.OpenDatabase())
        {
            id = await db.Users.Where(u => u.Email == Browser.Admin).Select(u => u.Id).SingleAsync();
        }

        var lockSelf = await Browser.PostFormAsync(admin, $"/admin/users/{id}", $"/admin/users/{id}/lock", []);
        var deactivateSelf = await Browser.PostFormAsync(admin, $"/admin/users/{id}", $"/admin/users/{id}/deactivate", []);
        var demoteSelf = await Browser.PostFormAsync(admin, $"/admin/users/{id}", $"/admin/users/{id}/role", new() { ["Form.Role"] = Roles.Reviewer, ["Form.OrganisationId"] = "" });

        Assert.Equal(HttpStatusCode.Conflict, lockSelf.StatusCode);
        Assert.Contains("Savu kontu bloķēt nevar", Browser.Text(await lockSelf.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.Conflict, deactivateSelf.StatusCode);
        Assert.Contains("Savu kontu deaktivizēt nevar", Browser.Text(await deactivateSelf.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, demoteSelf.StatusCode);
        Assert.Contains("Sev administratora lomu noņemt nevar", Browser.Text(await demoteSelf.Content.ReadAsStringAsync()));
        await using (var db = Factory.OpenDatabase())
        {
            var me = await db.Users.SingleAsync(u => u.Id == id);
            Assert.Null(me.DeactivatedAtUtc);
            Assert.Null(me.LockoutEnd);
        }
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/admin/users")).StatusCode);
    }

    [Fact]
    public async Task Two_factor_reset_turns_it_off_and_clears_the_recovery_codes()
    {
        var admin = await AdminBrowser.AdminClientAsync(Factory);
        var (_, id) = await ActiveUserAsync(admin);
        await using (var db = Factory.OpenDatabase())
        {
            var user = await db.Users.SingleAsync(u => u.Id == id);
            user.TwoFactorEnabled = true;
            db.UserTokens.Add(new Microsoft.AspNetCore.Identity.IdentityUserToken<string> { UserId = id, LoginProvider = "[AspNetUserStore]", Name = "RecoveryCodes", Value = "a;b;c" });
            db.UserTokens.Add(new Microsoft.AspNetCore.Identity.IdentityUserToken<string> { UserId = id, LoginProvider = "[AspNetUserStore]", Name = "AuthenticatorKey", Value = "OLDKEY" });
            await db.SaveChangesAsync();
        }
        Assert.Contains("ieslēgta", Browser.Text(await admin.GetStringAsync($"/admin/users/{id}")));

        var reset = await Browser.PostFormAsync(admin, $"/admin/users/{id}", $"/admin/users/{id}/reset-two-factor", []);

        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        await using (var db = Factory.OpenDatabase())
        {
            Assert.False((await db.Users.SingleAsync(u => u.Id == id)).TwoFactorEnabled);
            Assert.False(await db.UserTokens.AnyAsync(t => t.UserId == id && t.Name == "RecoveryCodes"));
            Assert.NotEqual("OLDKEY", await db.UserTokens.Where(t => t.UserId == id && t.Name == "AuthenticatorKey").Select(t => t.Value).SingleAsync());
            Assert.True(await db.AuditEntries.AnyAsync(e => e.EntityKey == id && e.Field == "TwoFactorEnabled" && e.NewValue == "reset"));
        }
    }

    [Fact]
    public async Task The_list_shows_every_user_sorted_by_email_with_role_status_and_last_sign_in()
    {
        var admin = await AdminBrowser.AdminClientAsync(Factory);

        var text = Browser.Text(await admin.GetStringAsync("/admin/users"));

        Assert.True(text.IndexOf(Browser.Admin, StringComparison.Ordinal) < text.IndexOf(Browser.Reviewer, StringComparison.Ordinal));
        Assert.True(text.IndexOf(Browser.OtherStaff, StringComparison.Ordinal) < text.IndexOf(Browser.ZemgaleStaff, StringComparison.Ordinal));
        Assert.Contains("Administrators", text);
        Assert.Contains("NVO darbinieks", text);
        Assert.Contains("aktīvs", text);
        // The admin just signed in: a Riga-time stamp like 24.11.2026. 10:20.
        Assert.Matches(@"\d{2}\.\d{2}\.\d{4}\. \d{2}:\d{2}", text);
    }
}
