using Microsoft.Playwright;
using Xunit.Abstractions;
using ZemgaleNvo.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace ZemgaleNvo.BrowserTests.DataEntry;

/// <summary>
/// Staff attach an attendance list to a result and see it listed: with JavaScript (each file sent on
/// its own, with progress) and without it (the plain form). The browser portal runs in Development
/// without clamd, so the file is marked "nav pārbaudīts"; the scan itself is tested against a real
/// clamd in the integration tests.
/// </summary>
[Collection(DataEntryTestGroup.Name)]
public sealed class EvidenceUploadTests(PortalFixture portal, ITestOutputHelper output) : JourneyTest(portal, output)
{
    private static FilePayload AttendanceList(string name) => new()
    {
        Name = name,
        MimeType = "application/pdf",
        Buffer = [.. "%PDF-1.4\n% Dalībnieku saraksts\n"u8, .. new byte[2048]],
    };

    [Fact]
    public Task Staff_upload_an_attendance_list_to_a_result_and_see_it_listed() => JourneyAsync(async session =>
    {
        var page = session.Page;
        var civil = (await Portal.LinesAsync())[0];
        var (resultId, _) = await Portal.FirstResultAsync(civil.Id);
        await session.SignInDirectlyAsync(DemoAgreement.StaffEmail);
        await session.GotoAsync(await Portal.WorkspacePathAsync());
        await session.CheckAccessibilityAsync();

        await page.Locator($"#result-{resultId}").GetByRole(AriaRole.Link, new() { Name = "Pierādījumu faili" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Pierādījumu faili", Level = 1 })).ToBeVisibleAsync();
        await session.CheckAccessibilityAsync();
        await Expect(page.GetByLabel("Pievienot pie")).ToHaveValueAsync($"result-{resultId}");

        await page.Locator("input#evidence-files").SetInputFilesAsync([AttendanceList("Dalībnieku saraksts ar JS.pdf"), AttendanceList("Foto ar JS.pdf")]);
        await page.GetByRole(AriaRole.Button, new() { Name = "Augšupielādēt" }).ClickAsync();

        var files = page.GetByTestId("evidence-file");
        await Expect(files.Filter(new() { HasText = "Dalībnieku saraksts ar JS.pdf" })).ToHaveCountAsync(1);
        await Expect(files.Filter(new() { HasText = "Foto ar JS.pdf" })).ToHaveCountAsync(1);
        await Expect(files.Filter(new() { HasText = "Dalībnieku saraksts ar JS.pdf" }).GetByTestId("not-scanned")).ToHaveTextAsync("nav pārbaudīts");
        await session.CheckAccessibilityAsync();
        await session.ScreenshotAsync("listed");
    });

    [Fact]
    public Task Without_JavaScript_the_form_uploads_and_the_file_is_listed() => JourneyAsync(async session =>
    {
        var page = session.Page;
        var civil = (await Portal.LinesAsync())[0];
        var (resultId, _) = await Portal.FirstResultAsync(civil.Id);
        await session.SignInDirectlyAsync(DemoAgreement.StaffEmail);
        await session.GotoAsync(await Portal.WorkspacePathAsync());
        await session.CheckAccessibilityAsync();

        await page.Locator($"#result-{resultId}").GetByRole(AriaRole.Link, new() { Name = "Pierādījumu faili" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Pierādījumu faili", Level = 1 })).ToBeVisibleAsync();
        await session.CheckAccessibilityAsync();
        await page.Locator("input#evidence-files").SetInputFilesAsync(AttendanceList("Dalībnieku saraksts bez JS.pdf"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Augšupielādēt" }).ClickAsync();

        await Expect(page.GetByTestId("flash")).ToContainTextAsync("Saglabāti faili: 1.");
        await Expect(page.GetByTestId("evidence-file").Filter(new() { HasText = "Dalībnieku saraksts bez JS.pdf" })).ToHaveCountAsync(1);
        await session.CheckAccessibilityAsync();
    }, javaScriptEnabled: false);
}
