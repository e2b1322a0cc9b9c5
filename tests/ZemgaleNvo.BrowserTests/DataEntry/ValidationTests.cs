using Microsoft.Playwright;
using Xunit.Abstractions;
using ZemgaleNvo.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace ZemgaleNvo.BrowserTests.DataEntry;

/// <summary>
/// A refused form says what is wrong next to the field and keeps everything typed: first in the
/// browser (forms.js), then from the server (422 with an error summary), with and without JavaScript.
/// </summary>
[Collection(DataEntryTestGroup.Name)]
public sealed class ValidationTests(PortalFixture portal, ITestOutputHelper output) : JourneyTest(portal, output)
{
    private const string DecimalsMessage = "Summā var būt ne vairāk kā divi cipari aiz komata.";

    [Fact]
    public Task An_amount_with_three_decimals_is_refused_beside_the_field_before_anything_is_sent() => JourneyAsync(async session =>
    {
        var page = session.Page;
        var workspace = new YearWorkspace(page);
        var civil = (await Portal.LinesAsync())[0];
        await session.SignInDirectlyAsync(DemoAgreement.StaffEmail);
        await session.GotoAsync(await Portal.WorkspacePathAsync());
        await session.CheckAccessibilityAsync();
        var entriesBefore = await workspace.SpendingEntries(civil.Id).CountAsync();
        var actualBefore = await YearWorkspace.CentsAsync(workspace.Actual(civil.Id));

        await workspace.Spending(civil.Id).GetByRole(AriaRole.Link, new() { Name = "Pievienot izdevumu" }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath.EndsWith("/spending/new", StringComparison.Ordinal));
        await session.CheckAccessibilityAsync();
        var posts = 0;
        page.Request += (_, request) =>
        {
            if (request.Method == "POST")
            {
                Interlocked.Increment(ref posts);
            }
        };

        await page.GetByLabel("Datums").FillAsync("2024-09-03");
        await page.GetByLabel("Apraksts").FillAsync("Kancelejas preces semināriem");
        var amount = page.GetByLabel("Summa, euro");
        await amount.FillAsync("12,345");
        // Leaving the field checks it, with the server's own wording, tied to the field for screen readers.
        await page.Keyboard.PressAsync("Tab");
        var message = page.Locator("[data-valmsg-for='Form.Amount']");
        await Expect(message).ToBeVisibleAsync();
        await Expect(message).ToHaveTextAsync(DecimalsMessage);
        await Expect(amount).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(amount).ToHaveAccessibleDescriptionAsync(new System.Text.RegularExpressions.Regex(System.Text.RegularExpressions.Regex.Escape(DecimalsMessage)));
        await session.CheckAccessibilityAsync();

        // Saving is stopped in the browser: the cursor goes back to the amount, the page stays, nothing is posted.
        await page.GetByRole(AriaRole.Button, new() { Name = "Saglabāt" }).ClickAsync();
        await Expect(amount).ToBeFocusedAsync();
        await Expect(message).ToHaveTextAsync(DecimalsMessage);
        Assert.EndsWith("/spending/new", new Uri(page.Url).AbsolutePath, StringComparison.Ordinal);
        Assert.Equal(0, Volatile.Read(ref posts));
        await Expect(page.GetByTestId("error-summary")).ToHaveCountAsync(0);
        await Expect(amount).ToHaveValueAsync("12,345");
        await Expect(page.GetByLabel("Apraksts")).ToHaveValueAsync("Kancelejas preces semināriem");
        await Expect(page.GetByLabel("Datums")).ToHaveValueAsync("2024-09-03");
        await session.ScreenshotAsync();

        // Correcting the amount clears the message as it is typed.
        await amount.FillAsync("12,34");
        await Expect(message).ToBeEmptyAsync();
        await Expect(amount).Not.ToHaveAttributeAsync("aria-invalid", "true");

        // Leaving without saving: the year has exactly what it had.
        await page.GetByRole(AriaRole.Link, new() { Name = "Atcelt" }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath.EndsWith("/years/3/entry", StringComparison.Ordinal));
        await session.CheckAccessibilityAsync();
        Assert.Equal(0, Volatile.Read(ref posts));
        await Expect(workspace.SpendingEntries(civil.Id)).ToHaveCountAsync(entriesBefore);
        Assert.Equal(actualBefore, await YearWorkspace.CentsAsync(workspace.Actual(civil.Id)));
    });

    [Fact]
    public Task The_server_refuses_a_reallocation_to_the_same_line_and_keeps_what_was_typed() => JourneyAsync(async session =>
    {
        var page = session.Page;
        var workspace = new YearWorkspace(page);
        var civil = (await Portal.LinesAsync())[0];
        await session.SignInDirectlyAsync(DemoAgreement.StaffEmail);
        await session.GotoAsync(await Portal.WorkspacePathAsync());
        await session.CheckAccessibilityAsync();
        var movesBefore = await workspace.Reallocations.Locator("tbody tr").CountAsync();

        await workspace.Reallocations.GetByRole(AriaRole.Link, new() { Name = "Pievienot pārdali" }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath.EndsWith("/reallocations/new", StringComparison.Ordinal));
        await session.CheckAccessibilityAsync();
        var from = page.GetByLabel("No pozīcijas");
        var to = page.GetByLabel("Uz pozīciju");
        var amount = page.GetByLabel("Summa, euro");
        var reason = page.GetByLabel("Pamatojums");
        var reference = page.GetByLabel("Atsauce");
        const string reasonText = "Telpu īre sadārdzinājās";
        const string referenceText = "Vēstule Nr. 7/2025";
        await from.SelectOptionAsync(new SelectOptionValue { Label = civil.Name });
        await to.SelectOptionAsync(new SelectOptionValue { Label = civil.Name });
        await amount.FillAsync("1 250,50");
        await reason.FillAsync(reasonText);
        await reference.FillAsync(referenceText);

        // Nothing the browser checks is wrong, so the form goes to the server, which refuses it.
        var response = await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "Saglabāt" }).ClickAsync(),
            r => r.Request.Method == "POST");
        Assert.Equal(422, response.Status);
        var summary = page.GetByTestId("error-summary");
        await Expect(summary).ToBeVisibleAsync();
        await session.CheckAccessibilityAsync();
        await Expect(summary).ToBeFocusedAsync();
        await Expect(summary).ToContainTextAsync("Naudu var pārdalīt tikai uz citu pozīciju.");
        await Expect(page.Locator("[data-valmsg-for='Form.ToBudgetLineId']")).ToHaveTextAsync("Naudu var pārdalīt tikai uz citu pozīciju.");
        // forms.js ties the server's message to its field, so a screen reader reads it with the field.
        await Expect(to).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(to).ToHaveAccessibleDescriptionAsync(new System.Text.RegularExpressions.Regex("Naudu var pārdalīt tikai uz citu pozīciju"));
        await session.ScreenshotAsync();

        // Everything typed is still there.
        var lineValue = civil.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await Expect(from).ToHaveValueAsync(lineValue);
        await Expect(to).ToHaveValueAsync(lineValue);
        await Expect(amount).ToHaveValueAsync("1 250,50");
        await Expect(reason).ToHaveValueAsync(reasonText);
        await Expect(reference).ToHaveValueAsync(referenceText);

        // The summary's link takes the cursor to the field to fix.
        await summary.GetByRole(AriaRole.Link, new() { Name = "Naudu var pārdalīt tikai uz citu pozīciju." }).ClickAsync();
        await Expect(to).ToBeFocusedAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Atcelt" }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath.EndsWith("/years/3/entry", StringComparison.Ordinal));
        await session.CheckAccessibilityAsync();
        await Expect(workspace.Reallocations.Locator("tbody tr")).ToHaveCountAsync(movesBefore);
    });

    [Fact]
    public Task Without_javascript_the_server_refuses_an_empty_description_and_a_bad_amount_and_keeps_the_input() => JourneyAsync(async session =>
    {
        var page = session.Page;
        var workspace = new YearWorkspace(page);
        var minority = (await Portal.LinesAsync())[1];
        await session.SignInDirectlyAsync(DemoAgreement.StaffEmail);
        await session.GotoAsync(await Portal.WorkspacePathAsync());
        await session.CheckAccessibilityAsync();
        var entriesBefore = await workspace.SpendingEntries(minority.Id).CountAsync();

        await workspace.Spending(minority.Id).GetByRole(AriaRole.Link, new() { Name = "Pievienot izdevumu" }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath.EndsWith("/spending/new", StringComparison.Ordinal));
        await session.CheckAccessibilityAsync();
        var date = page.GetByLabel("Datums");
        var amount = page.GetByLabel("Summa, euro");
        var document = page.GetByLabel("Dokumenta Nr.");
        var description = page.GetByLabel("Apraksts");
        var supplier = page.GetByLabel("Piegādātājs");
        await date.FillAsync("2025-02-11");
        await amount.FillAsync("12,345");
        await document.FillAsync("R-77");
        await supplier.FillAsync("SIA „Drukātava”");

        var response = await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "Saglabāt" }).ClickAsync(),
            r => r.Request.Method == "POST");
        Assert.Equal(422, response.Status);
        var summary = page.GetByTestId("error-summary");
        await Expect(summary).ToBeVisibleAsync();
        await session.CheckAccessibilityAsync();
        // Both refusals, each linking to its field and repeated beside it.
        await Expect(summary.GetByRole(AriaRole.Link, new() { Name = "Ierakstiet, par ko maksāts." })).ToHaveAttributeAsync("href", "#Form_Description");
        await Expect(summary.GetByRole(AriaRole.Link, new() { Name = DecimalsMessage })).ToHaveAttributeAsync("href", "#Form_Amount");
        await Expect(page.Locator("[data-valmsg-for='Form.Description']")).ToHaveTextAsync("Ierakstiet, par ko maksāts.");
        await Expect(page.Locator("[data-valmsg-for='Form.Amount']")).ToHaveTextAsync(DecimalsMessage);
        // The amount comes back exactly as typed, not reformatted or emptied.
        await Expect(date).ToHaveValueAsync("2025-02-11");
        await Expect(amount).ToHaveValueAsync("12,345");
        await Expect(document).ToHaveValueAsync("R-77");
        await Expect(supplier).ToHaveValueAsync("SIA „Drukātava”");
        await Expect(description).ToHaveValueAsync("");
        await Expect(page.GetByLabel("Budžeta pozīcija")).ToHaveValueAsync(minority.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await session.ScreenshotAsync();

        // Nothing was saved.
        await page.GetByRole(AriaRole.Link, new() { Name = "Atcelt" }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath.EndsWith("/years/3/entry", StringComparison.Ordinal));
        await session.CheckAccessibilityAsync();
        await Expect(workspace.SpendingEntries(minority.Id)).ToHaveCountAsync(entriesBefore);
    }, javaScriptEnabled: false);
}
