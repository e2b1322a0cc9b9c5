using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Razor;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Localization;
using ZemgaleNvo.Web.Features.Account;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.WebEncoders;
using Serilog;
using ZemgaleNvo.Infrastructure;
using ZemgaleNvo.Web.Features.Reports.Pdf;
using ZemgaleNvo.Infrastructure.Data;
using ZemgaleNvo.Infrastructure.Identity;
using ZemgaleNvo.Infrastructure.Seeding;
using ZemgaleNvo.Web.Authorization;
using ZemgaleNvo.Web.Features.Agreements;
using ZemgaleNvo.Web.Features.Health;
using ZemgaleNvo.Web.Features.Home;
using ZemgaleNvo.Web.Notifications;
using ZemgaleNvo.Web.Resources;
using ZemgaleNvo.Web.Features.Dossier;
using ZemgaleNvo.Web.Features.Reports.Publication;

namespace ZemgaleNvo.Web.Startup;

internal static class PortalServices
{
    public static void AddPortalServices(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;

        builder.Services.AddSerilog((provider, logger) => logger
            .ReadFrom.Configuration(configuration)
            .ReadFrom.Services(provider)
            .Enrich.FromLogContext());

        // Database: the provider comes from the Database section, checked as the host starts.
        services.AddAppDatabase(configuration, builder.Environment.ContentRootPath);
        services.AddScoped<IDataScope, HttpDataScope>();
        services.AddScoped<DatabaseInitializer>();
        services.AddScoped<UserAdministration>();
        services.AddScoped<DemoDataSeeder>();
        services.AddScoped<LargeAgreementGenerator>();
        services.AddHostedService<DatabaseStartup>();

        // One application name and keys in the database, so every instance reads every cookie.
        var dataProtection = services.AddDataProtection()
            .SetApplicationName("ZemgaleNvo")
            .PersistKeysToDbContext<AppDbContext>();
        ProtectKeysAtRest(dataProtection, configuration, builder.Environment.ContentRootPath);

        // Cookie names and the rate limit are fixed while the services are registered: read (and
        // checked) now, with the same class and rules as everything else.
        var security = SettingsRegistration.Read(configuration.GetSection(SecurityOptions.Section), new SecurityOptionsValidation());
        var cookies = CookiePolicy.From(security);
        services.AddSingleton(cookies);
        // One clock for sessions, stamp checks and authenticator codes (tests move it forward).
        services.TryAddSingleton(TimeProvider.System);
        AddIdentity(services, cookies);
        services.AddSignInRateLimit(security.SignInAttemptsPerMinute);

        services.AddHttpContextAccessor();
        services.AddScoped<IAuthorizationHandler, AgreementAuthorizationHandler>();
        // Every endpoint needs a signed-in user unless it says [AllowAnonymous]: a controller that
        // forgets [Authorize] stays closed.
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPortalPolicies();

        // Behind a reverse proxy that terminates TLS: trust X-Forwarded-For/-Proto only from the
        // proxies named in ReverseProxy:KnownProxies (IP addresses), and only their own hop.
        services.AddSingleton<IValidateOptions<ReverseProxyOptions>, ReverseProxyOptionsValidation>();
        services.AddSettings<ReverseProxyOptions>(configuration.GetSection(ReverseProxyOptions.Section));
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ReverseProxyOptions>>((options, proxies) =>
        {
            // ASP.NET Core trusts loopback out of the box: anyone on the host could then name their
            // own address per request and start the sign-in rate limit afresh each time (issue 17).
            // Loopback is trusted only when it is listed, like any other proxy; and with no proxy
            // listed no header is read at all (the middleware trusts everyone when both lists are empty).
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            options.ForwardLimit = 1;
            foreach (var proxy in proxies.Value.KnownProxies)
            {
                options.KnownProxies.Add(System.Net.IPAddress.Parse(proxy));
            }
            options.ForwardedHeaders = options.KnownProxies.Count == 0
                ? ForwardedHeaders.None
                : ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        });
        services.AddHsts(options =>
        {
            options.MaxAge = TimeSpan.FromDays(365);
            options.IncludeSubDomains = true;
        });

        // Latvian letters stay letters in the HTML (not &#x101; entities): smaller pages, readable source.
        services.Configure<WebEncoderOptions>(options => options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));

        services.AddLocalization();
        services.Configure<RequestLocalizationOptions>(options =>
        {
            string[] cultures = ["lv-LV", "en"];
            options.SetDefaultCulture("lv-LV").AddSupportedCultures(cultures).AddSupportedUICultures(cultures);
            // Only the user's explicit choice (the cookie) switches the language: Latvian first.
            options.RequestCultureProviders = [new CookieRequestCultureProvider()];
        });

        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = cookies.Name("Antiforgery");
            options.Cookie.SecurePolicy = cookies.SecurePolicy;
        });

        services.AddControllersWithViews(options =>
            {
                // Every POST needs a valid antiforgery token, whatever a controller forgets.
                options.Filters.Add(new AutoValidateAntiforgeryTokenAttribute());
                // MVC's own required checks (non-nullable numbers, selects) get a Latvian message too (issue 19).
                options.ModelMetadataDetailsProviders.Add(new ZemgaleNvo.Web.Accessibility.LatvianRequiredMessages());
                // A form posted after the session ended comes back filled in after signing in (issue 19).
                options.Filters.Add<ZemgaleNvo.Web.Features.Session.PendingForms.RestoreFilter>();
                // Dates at the calendar's ends are refused wherever they are bound (issue 17).
                options.ModelBinderProviders.Insert(0, new ZemgaleNvo.Web.Forms.PlausibleDateBinderProvider());
                // Free text tidied and checked against the report font wherever it is bound (issue 17).
                options.ModelBinderProviders.Insert(0, new ZemgaleNvo.Web.Forms.FreeTextBinderProvider());
            })
            .AddRazorOptions(options =>
            {
                // Views live beside their controllers in feature folders.
                options.ViewLocationFormats.Clear();
                options.ViewLocationFormats.Add("/Features/{1}/{0}" + RazorViewEngine.ViewExtension);
                options.ViewLocationFormats.Add("/Features/Shared/{0}" + RazorViewEngine.ViewExtension);
                options.ViewLocationExpanders.Add(new FeatureFolderViews());
            })
            .AddViewLocalization()
            .AddDataAnnotationsLocalization(options =>
                options.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(SharedResource)));

        services.AddOptions<MvcOptions>().Configure<IStringLocalizerFactory>(LocaliseModelBindingMessages);
        // Where a form posted after the session ended waits for the sign-in; a shared cache when the deployment registers one first.
        services.AddDistributedMemoryCache();
        services.AddScoped<AgreementListQuery>();
        services.AddScoped<ZemgaleNvo.Web.Features.Years.YearEntryGate>();
        services.AddScoped<ZemgaleNvo.Web.Features.Years.YearWorkspaceQuery>();
        services.AddScoped<ZemgaleNvo.Web.Features.Review.ReviewPanelQuery>();
        services.AddSingleton<ZemgaleNvo.Web.Features.Review.FrozenReportSeals>();
        services.AddScoped<ZemgaleNvo.Web.Features.Review.ReportFreezer>();
        services.AddScoped<ZemgaleNvo.Web.Features.Review.UnfrozenApprovals>();
        services.AddScoped<ZemgaleNvo.Web.Features.Review.WorkflowNotices>();
        services.AddScoped<ZemgaleNvo.Web.Features.Account.SecurityAudit>();
        services.AddHttpContextAccessor();
        services.AddScoped<ZemgaleNvo.Web.Features.Reports.SummaryReportQuery>();
        services.AddSingleton<ZemgaleNvo.Web.Features.Reports.SummaryReportCache>();
        services.AddSingleton<ZemgaleNvo.Web.Features.Reports.ReportDocumentCache>();
        services.AddSingleton<IValidateOptions<ZemgaleNvo.Web.Features.Reports.ReportCacheOptions>, ZemgaleNvo.Web.Features.Reports.ReportCacheOptionsValidation>();
        services.AddSettings<ZemgaleNvo.Web.Features.Reports.ReportCacheOptions>(configuration.GetSection(ZemgaleNvo.Web.Features.Reports.ReportCacheOptions.Section));
        services.AddSingleton<ZemgaleNvo.Web.Features.Dashboard.DashboardCache>();
        services.AddScoped<ZemgaleNvo.Web.Features.Dashboard.DashboardQuery>();
        services.AddScoped<ZemgaleNvo.Web.Features.Deadlines.DeadlineQuery>();
        services.AddScoped<ZemgaleNvo.Web.Features.Audit.AuditWording>();
        services.AddAuditorsDossier();
        services.AddPublication();
        AddReportFonts(services, configuration);
        ZemgaleNvo.Web.Features.Sealing.SealingServices.AddSealing(services, configuration);
        services.AddPortalHealthChecks();
        services.AddWorkflowNotifications(configuration, builder.Environment);
        ZemgaleNvo.Web.Features.Admin.AdminServices.AddAdministration(services);
        ZemgaleNvo.Infrastructure.Evidence.EvidenceRegistration.AddEvidenceFiles(services, configuration, builder.Environment.ContentRootPath, builder.Environment.IsDevelopment());
        services.AddScoped<ZemgaleNvo.Web.Features.Evidence.EvidencePageQuery>();
        services.AddScoped<ZemgaleNvo.Web.Features.Evidence.EvidenceUpload>();
    }

    /// <summary>
    /// With <c>DataProtection:CertificatePath</c> (a PFX file, its password in
    /// <c>DataProtection:CertificatePassword</c>), the keys that sign cookies and forms are stored
    /// encrypted with that certificate, so a copy of the database (a backup, say) does not carry
    /// usable keys. Every instance needs the same certificate. Without the setting the keys are
    /// stored as they are, protected by the database's own access rights. The certificate is needed
    /// while the services are registered, so the section is read and checked now.
    /// </summary>
    private static void ProtectKeysAtRest(IDataProtectionBuilder dataProtection, ConfigurationManager configuration, string contentRoot)
    {
        var options = SettingsRegistration.Read(
            configuration.GetSection(DataProtectionCertificateOptions.Section), new DataProtectionCertificateValidation(contentRoot));
        if (options.Load(contentRoot) is { } certificate)
        {
            // Decrypting must not depend on the machine's certificate store (there is none to speak of on Linux).
            dataProtection.ProtectKeysWithCertificate(certificate).UnprotectKeysWithAnyCertificate(certificate);
        }
    }

    /// <summary>
    /// Model binding's own messages ("The value 'abc' is not valid for Count.") in Latvian or English;
    /// the localizer reads the request's UI culture each time a message is made.
    /// </summary>
    private static void LocaliseModelBindingMessages(MvcOptions options, IStringLocalizerFactory factory)
    {
        var localizer = factory.Create(typeof(SharedResource));
        var messages = options.ModelBindingMessageProvider;
        messages.SetAttemptedValueIsInvalidAccessor((value, field) => localizer["Vērtība „{0}” neder laukam „{1}”.", value, field]);
        messages.SetValueIsInvalidAccessor(value => localizer["Vērtība „{0}” neder.", value]);
        messages.SetValueMustBeANumberAccessor(field => localizer["Laukā „{0}” jābūt skaitlim.", field]);
        messages.SetValueMustNotBeNullAccessor(value => localizer["Vērtība „{0}” neder.", value]);
        messages.SetMissingBindRequiredValueAccessor(field => localizer["Trūkst lauka „{0}” vērtības.", field]);
        messages.SetMissingKeyOrValueAccessor(() => localizer["Trūkst vērtības."]);
        messages.SetMissingRequestBodyRequiredValueAccessor(() => localizer["Trūkst vērtības."]);
        messages.SetNonPropertyAttemptedValueIsInvalidAccessor(value => localizer["Vērtība „{0}” neder.", value]);
        messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => localizer["Vērtība neder."]);
        messages.SetUnknownValueIsInvalidAccessor(field => localizer["Laukā „{0}” ir nederīga vērtība.", field]);
        messages.SetNonPropertyValueMustBeANumberAccessor(() => localizer["Jābūt skaitlim."]);
    }

    /// <summary>
    /// The PDF fonts: the Pdf section is checked as the host starts (every face found and readable),
    /// so a machine without them stops there with the setting to change, rather than failing the
    /// first reviewer who downloads a report. The one shared set is loaded when first needed.
    /// </summary>
    private static void AddReportFonts(IServiceCollection services, ConfigurationManager configuration)
    {
        services.AddSingleton<IValidateOptions<PdfFontOptions>, PdfFontOptionsValidation>();
        services.AddSettings<PdfFontOptions>(configuration.GetSection(PdfFontOptions.Section));
        // The monitor's value is the one the start-up check validated (by loading the faces): not checked again.
        services.AddSingleton(provider => ReportFonts.Load(provider.GetRequiredService<IOptionsMonitor<PdfFontOptions>>().CurrentValue));
        // The characters the report fonts can draw, read from their cmap once (issue 17, text hygiene).
        services.AddSingleton(provider => ZemgaleNvo.Web.Forms.PdfGlyphCoverage.FromFiles(provider.GetRequiredService<ZemgaleNvo.Pdf.FontSet>().FilePaths));
    }

    private static void AddIdentity(IServiceCollection services, CookiePolicy cookies)
    {
        services.AddIdentity<AppUser, IdentityRole>(options =>
            {
                // Length, not composition rules (ASVS 5.0, NIST 800-63B).
                options.Password.RequiredLength = 12;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 1;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Lockout.AllowedForNewUsers = true;
                options.User.RequireUniqueEmail = true;
            })
            .AddEntityFrameworkStores<AppDbContext>()
            .AddDefaultTokenProviders()
            .AddTokenProvider<OneTimeAuthenticatorTokenProvider>(OneTimeAuthenticatorTokenProvider.Name)
            .AddPasswordValidator<CommonPasswordValidator>()
            .AddErrorDescriber<PortalIdentityErrorDescriber>()
            .AddClaimsPrincipalFactory<PortalClaimsPrincipalFactory>();

        // Authenticator codes: one step either side of now, each code once (not Identity's ±90 s, reusable).
        services.Configure<IdentityOptions>(options => options.Tokens.AuthenticatorTokenProvider = OneTimeAuthenticatorTokenProvider.Name);
        services.Configure<PasswordHasherOptions>(options => options.IterationCount = 210_000);
        services.Configure<SecurityStampValidatorOptions>(options =>
        {
            options.ValidationInterval = SignInSecurity.StampCheckInterval;
            options.OnRefreshingPrincipal = SignInSecurity.KeepTwoFactorClaim;
        });

        // Sessions on the server (issue 17): the cookie carries a key to a ticket in the database,
        // so ending a session (sign-out, an admin, an account change) holds on every instance at once.
        services.AddSingleton<SignInTicketStore>();
        services.AddScoped<Features.Account.Sessions.OpenSessions>();
        services.AddOptions<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<SignInTicketStore>((options, store) => options.SessionStore = store);

        // The half-way cookie between the password and the code: as protected as the session cookie.
        services.Configure<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>(IdentityConstants.TwoFactorUserIdScheme, options =>
        {
            options.Cookie.Name = cookies.Name("TwoFactor");
            options.Cookie.SecurePolicy = cookies.SecurePolicy;
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
        });

        services.ConfigureApplicationCookie(options =>
        {
            options.Cookie.Name = cookies.Name("Auth");
            options.Cookie.SecurePolicy = cookies.SecurePolicy;
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.ExpireTimeSpan = SignInSecurity.IdleTimeout;
            options.SlidingExpiration = true;
            options.Events.OnSigningIn = SignInSecurity.OnSigningIn;
            options.Events.OnValidatePrincipal = SignInSecurity.OnValidatePrincipal;
            options.LoginPath = "/account/login";
            // A form posted after the session ended is kept through the sign-in (issue 19, Features/Session).
            options.Events.OnRedirectToLogin = ZemgaleNvo.Web.Features.Session.PendingForms.OnRedirectToLoginAsync;
            options.LogoutPath = "/account/logout";
            options.AccessDeniedPath = "/account/denied";
            // Denied access is recorded where it happens, whether or not the browser follows the
            // redirect to the "denied" page.
            options.Events.OnRedirectToAccessDenied = async context =>
            {
                var audit = context.HttpContext.RequestServices.GetRequiredService<ZemgaleNvo.Web.Features.Account.SecurityAudit>();
                await audit.RecordAsync(Domain.Audit.AuditAction.AccessDenied, context.HttpContext.User,
                    context.Request.Method + " " + context.Request.Path + context.Request.QueryString);
                context.Response.Redirect(context.RedirectUri);
            };
        });
    }
}
