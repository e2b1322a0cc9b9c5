using System.Globalization;
using Microsoft.Playwright;
using Xunit.Abstractions;
using ZemgaleNvo.BrowserTests.DataEntry;
using ZemgaleNvo.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace ZemgaleNvo.BrowserTests.Journeys;

/// <summary>
/// WCAG 2.1 AA beyond what axe finds (issue 19, docs/accessibility.md): reflow at 320 px and at 200 % zoom,
/// focus rings and control borders of at least 3:1, required fields marked, Latvian content marked
/// <c>lang="lv"</c> in the English UI. axe runs on every page here too, now also at 320 px.
/// </summary>
public sealed class AccessibilityTests(PortalFixture portal, ITestOutputHelper output) : JourneyTest(portal, output)
{
    /// <summary>1280 × 900 at 200 % zoom lays the page out in 640 × 450 CSS pixels.</summary>
    private static readonly ViewportSize Zoomed = new() { Width = 640, Height = 450 };

    private static readonly ViewportSize Narrow = new() { Width = 320, Height = 640 };

    public static TheoryData<string> Roles => [DemoAgreement.StaffEmail, DemoAgreement.ReviewerEmail, "admin@demo.zemgalenvo.lv"];

    [Theory]
    [MemberData(nameof(Roles))]
    public Task Main_pages_fit_320_px_and_200_percent_zoom_without_sideways_scrolling(string email) => JourneyAsync(async session =>
    {
        var page = session.Page;
        var agreement = await Portal.ZemgaleAgreementPathAsync();
        string[] paths = email switch
        {
            DemoAgreement.StaffEmail => ["/", agreement, await Portal.WorkspacePathAsync(), await NewResultPathAsync()],
            DemoAgreement.ReviewerEmail => ["/", "/dashboard", agreement, $"{agreement}/years/2", $"{agreement}/summary", $"{agreement}/audit"],
            _ => ["/admin/users", "/admin/organisations", "/admin/regions", "/admin/agreements", $"/admin/agreements/{agreement[(agreement.LastIndexOf('/') + 1)..]}/edit", "/admin/users/new"],
        };
        await session.SignInDirectlyAsync(email);
        await page.SetViewportSizeAsync(Narrow.Width, Narrow.Height);
        foreach (var path in paths)
        {
            await session.GotoAsync(path);
            await session.CheckAccessibilityAsync();
            await AssertNoSidewaysScrollAsync(page);
        }

        // The folded menu opens and everything in it (the user's name, "Iziet") is inside the screen.
        var toggle = page.GetByRole(AriaRole.Button, new() { Name = "Izvēlne", Exact = true });
        await Expect(session.SignOutButton).ToBeHiddenAsync();
        await toggle.ClickAsync();
        await Expect(toggle).ToHaveAttributeAsync("aria-expanded", "true");
        await session.CheckAccessibilityAsync();
        await AssertInsideWidthAsync(page, session.SignOutButton);
        await AssertInsideWidthAsync(page, page.GetByTestId("current-user"));

        // 200 % zoom of a 1280 px window: the same menu, nothing cut off.
        await page.SetViewportSizeAsync(Zoomed.Width, Zoomed.Height);
        await session.GotoAsync(paths[0]);
        await session.CheckAccessibilityAsync();
        await AssertNoSidewaysScrollAsync(page);
        await toggle.ClickAsync();
        await AssertInsideWidthAsync(page, session.SignOutButton);
        await AssertInsideWidthAsync(page, page.GetByTestId("current-user"));
        await session.ScreenshotAsync("zoomed");
    });

    [Fact]
    public Task Focus_rings_and_field_borders_have_at_least_3_to_1_contrast() => JourneyAsync(async session =>
    {
        var page = session.Page;
        await session.SignInDirectlyAsync(DemoAgreement.StaffEmail);
        await session.GotoAsync(await NewResultPathAsync());
        await session.CheckAccessibilityAsync();

        // By keyboard from the top: skip link, brand, then the menu's first link on the blue bar.
        var menuLink = page.GetByRole(AriaRole.Navigation, new() { Name = "Galvenā navigācija" }).GetByRole(AriaRole.Link, new() { Name = "Līgumi", Exact = true });
        for (var presses = 0; presses < 6 && !await menuLink.EvaluateAsync<bool>("e => e === document.activeElement"); presses++)
        {
            await page.Keyboard.PressAsync("Tab");
        }
        await Expect(menuLink).ToBeFocusedAsync();
        var onBar = await FocusRingContrastAsync(menuLink);
        Assert.True(onBar >= 3, $"The focus ring of a menu link has {onBar:0.00}:1 against the blue bar; at least 3:1 is needed.");

        var field = page.GetByLabel("Rezultāts", new() { Exact = true });
        var border = await field.EvaluateAsync<double>(WithContrastHelpers("e => contrast(colour(getComputedStyle(e).borderTopColor), background(e.parentElement))"));
        Assert.True(border >= 3, $"The border of a text field has {border:0.00}:1 against the page; at least 3:1 is needed.");
        await field.FocusAsync();
        var onPage = await FocusRingContrastAsync(field);
        Assert.True(onPage >= 3, $"The focus ring of a text field has {onPage:0.00}:1 against the page; at least 3:1 is needed.");
        var button = page.GetByRole(AriaRole.Button, new() { Name = "Saglabāt", Exact = true });
        await button.FocusAsync();
        await page.Keyboard.PressAsync("Shift+Tab");
        await page.Keyboard.PressAsync("Tab");
        var onButton = await FocusRingContrastAsync(button);
        Assert.True(onButton >= 3, $"The focus ring of a button has {onButton:0.00}:1 against the page; at least 3:1 is needed.");
    });

    private static readonly (string Path, string[] Required)[] AdminForms =
    [
        ("/admin/agreements/new", ["Nosaukums", "Izpildītājs", "Reģions"]),
        ("/admin/users/new", ["E-pasts", "Vārds, uzvārds"]),
    ];

    [Fact]
    public Task Required_fields_are_marked_visibly_and_programmatically_with_the_convention_once_per_form() => JourneyAsync(async session =>
    {
        var page = session.Page;
        await session.SignInDirectlyAsync("admin@demo.zemgalenvo.lv");
        foreach (var (path, required) in AdminForms)
        {
            await session.GotoAsync(path);
            await session.CheckAccessibilityAsync();
            foreach (var label in required)
            {
                await Expect(page.GetByLabel(label, new() { Exact = true })).ToHaveAttributeAsync("aria-required", "true");
            }
            await AssertRequiredMarkedAsync(page, path);
        }
    });

    [Fact]
    public Task Staff_result_form_marks_its_required_text_and_nothing_else() => JourneyAsync(async session =>
    {
        var page = session.Page;
        await session.SignInDirectlyAsync(DemoAgreement.StaffEmail);
        var path = await NewResultPathAsync();
        await session.GotoAsync(path);
        await session.CheckAccessibilityAsync();
        await Expect(page.GetByLabel("Rezultāts", new() { Exact = true })).ToHaveAttributeAsync("aria-required", "true");
        await Expect(page.GetByLabel("Vieta", new() { Exact = true })).Not.ToHaveAttributeAsync("aria-required", "true");
        await AssertRequiredMarkedAsync(page, path);
    });

    [Fact]
    public Task Latvian_content_is_marked_lang_lv_in_the_English_interface() => JourneyAsync(async session =>
    {
        var page = session.Page;
        await session.OpenSignedInAsync(DemoAgreement.StaffEmail);
        await session.CheckAccessibilityAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "English", Exact = true }).ClickAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await session.CheckAccessibilityAsync();
        await AssertLatvianMarkedAsync(page, "table a[href^='/agreements/']", "/");

        await session.GotoAsync(await Portal.WorkspacePathAsync());
        await session.CheckAccessibilityAsync();
        await AssertLatvianMarkedAsync(page, "[data-testid='result'] .entry-text, [id^='strand-'] h3, [data-testid='year-budget'] tbody th", "the year page");

        await session.GotoAsync(await Portal.ZemgaleAgreementPathAsync());
        await session.CheckAccessibilityAsync();
        await AssertLatvianMarkedAsync(page, "h1", "the agreement page");
    });

    [Fact]
    public Task A_form_posted_after_the_session_ended_comes_back_filled_in_after_signing_in_again() => JourneyAsync(async session =>
    {
        var page = session.Page;
        // Through the form: this journey ends its own session, never a copy others use.
        await session.SignInAsync(DemoAgreement.StaffEmail);
        await session.CheckAccessibilityAsync();
        await session.GotoAsync($"{(await Portal.WorkspacePathAsync())[..^"/entry".Length]}/evaluation");
        await session.CheckAccessibilityAsync();
        // Without JavaScript too, the form says the idle limit.
        await Expect(page.Locator("main .session-limit-note")).ToContainTextAsync("30 minūtēm");
        const string typed = "Gada rezultāti sasniegti; šis teksts rakstīts, kamēr sesija beidzās.";
        await page.Locator("main textarea").First.FillAsync(typed);

        // The session ends while the user types: the sign-in cookie is gone when they press save.
        var auth = (await page.Context.CookiesAsync()).Single(c => c.Name.EndsWith("-Auth", StringComparison.Ordinal));
        await page.Context.ClearCookiesAsync(new() { Name = auth.Name });
        await page.GetByRole(AriaRole.Button, new() { Name = "Saglabāt", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/account/login");
        await session.CheckAccessibilityAsync();

        await page.GetByLabel("E-pasts").FillAsync(DemoAgreement.StaffEmail);
        await page.GetByLabel("Parole").FillAsync(BrowserSession.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Pieslēgties", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath.EndsWith("/evaluation", StringComparison.Ordinal));
        await session.CheckAccessibilityAsync();
        await Expect(page.GetByTestId("session-ended")).ToContainTextAsync("Sesija bija beigusies — pārbaudiet un saglabājiet vēlreiz.");
        await Expect(page.Locator("main textarea").First).ToHaveValueAsync(typed);
        await session.ScreenshotAsync();
    });

    /// <summary>The form for a new result in the first strand of the demo draft year.</summary>
    private async Task<string> NewResultPathAsync() =>
        $"{(await Portal.WorkspacePathAsync())[..^"/entry".Length]}/results/new?line={(await Portal.LinesAsync())[0].Id}";

    private static async Task AssertLatvianMarkedAsync(IPage page, string selector, string where)
    {
        var unmarked = await page.EvaluateAsync<string[]>(
            "s => [...document.querySelectorAll(s)].filter(e => e.textContent.trim() !== '' && e.closest('[lang]').getAttribute('lang') !== 'lv').map(e => e.textContent.trim().slice(0, 60))",
            selector);
        Assert.True(await page.Locator(selector).CountAsync() > 0, $"Nothing matched {selector} on {where}.");
        Assert.True(unmarked.Length == 0, $"Latvian content on {where} without lang=\"lv\": {string.Join(" | ", unmarked)}");
    }

    /// <summary>Every required check the server makes is marked; the star explained once per form; no English default messages.</summary>
    private static async Task AssertRequiredMarkedAsync(IPage page, string where)
    {
        var problems = await page.EvaluateAsync<string[]>("""
            () => {
                const problems = [];
                for (const form of document.querySelectorAll('main form')) {
                    const controls = [...form.querySelectorAll('input, select, textarea')];
                    const english = controls.filter(c => /is required/i.test(c.getAttribute('data-val-required') || ''));
                    english.forEach(c => problems.push(`${c.name}: English message "${c.getAttribute('data-val-required')}"`));
                    const required = controls.filter(c => c.hasAttribute('data-val-required') && !['hidden', 'checkbox', 'radio'].includes(c.type)
                        && c.getAttribute('data-val-required') !== 'Aizpildiet šo lauku.');
                    for (const c of required) {
                        if (c.getAttribute('aria-required') !== 'true') problems.push(`${c.name}: no aria-required`);
                        const label = c.id ? form.querySelector(`label[for="${c.id}"]`) : null;
                        if (!label || !label.classList.contains('required-label') || !getComputedStyle(label, '::after').content.includes('*')) problems.push(`${c.name}: no * after its label`);
                    }
                    const notes = form.querySelectorAll('.required-note').length;
                    if (required.length > 0 && notes !== 1) problems.push(`a form with required fields explains the * ${notes} times`);
                }
                return problems;
            }
            """);
        Assert.True(problems.Length == 0, $"On {where}: {string.Join("; ", problems)}");
        Assert.True(await page.Locator("main .required-note").CountAsync() > 0, $"On {where} no form explains its required fields.");
    }

    private static async Task AssertNoSidewaysScrollAsync(IPage page)
    {
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
        Assert.True(widths[0] <= widths[1], $"{page.Url} is {widths[0]} px wide in a {widths[1]} px window: it scrolls sideways.");
    }

    private static async Task AssertInsideWidthAsync(IPage page, ILocator element)
    {
        await Expect(element).ToBeVisibleAsync();
        var box = await element.BoundingBoxAsync() ?? throw new InvalidOperationException("No box.");
        var width = await page.EvaluateAsync<int>("() => window.innerWidth");
        Assert.True(box.X >= 0 && box.X + box.Width <= width + 0.5,
            $"{await element.InnerTextAsync()} lies at {box.X.ToString("0", CultureInfo.InvariantCulture)}–{(box.X + box.Width).ToString("0", CultureInfo.InvariantCulture)} px in a {width} px window.");
    }

    /// <summary>
    /// Contrast of the focused element's ring (its outline, or failing that its box-shadow, blended over
    /// what is behind it) against the background around the element.
    /// </summary>
    private static Task<double> FocusRingContrastAsync(ILocator focused) =>
        focused.EvaluateAsync<double>(WithContrastHelpers("""
            e => {
                const style = getComputedStyle(e);
                const around = background(e.parentElement);
                let ring = null;
                if (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2) ring = colour(style.outlineColor);
                else if (style.boxShadow && style.boxShadow !== 'none') ring = colour(style.boxShadow.match(/rgba?\([^)]*\)/)[0]);
                if (!ring) return 0;
                return contrast(blend(ring, around), around);
            }
            """));

    private static string WithContrastHelpers(string function) => $"element => {{ {ContrastHelpers} return ({function})(element); }}";

    private const string ContrastHelpers = """
        const colour = text => { const [r, g, b, a] = text.match(/[\d.]+/g).map(Number); return { r, g, b, a: a === undefined ? 1 : a }; };
        const blend = (top, under) => ({ r: top.r * top.a + under.r * (1 - top.a), g: top.g * top.a + under.g * (1 - top.a), b: top.b * top.a + under.b * (1 - top.a), a: 1 });
        const background = element => {
            for (let e = element; e; e = e.parentElement) {
                const c = colour(getComputedStyle(e).backgroundColor);
                if (c.a > 0) return blend(c, { r: 255, g: 255, b: 255, a: 1 });
            }
            return { r: 255, g: 255, b: 255, a: 1 };
        };
        const luminance = c => [c.r, c.g, c.b].map(v => v / 255).map(v => v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4))
            .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
        const contrast = (x, y) => { const [a, b] = [luminance(x), luminance(y)].sort((p, q) => q - p); return (a + 0.05) / (b + 0.05); };
        """;
}
