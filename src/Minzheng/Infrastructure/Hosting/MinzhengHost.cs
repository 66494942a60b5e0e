using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Localization;
using Minzheng.Features.Account;
using Minzheng.Features.Audit;
using Minzheng.Features.Benefits;
using Minzheng.Features.Calendar;
using Minzheng.Features.Cases;
using Minzheng.Features.Enrollments;
using Minzheng.Features.IdNumbers;
using Minzheng.Features.Imports;
using Minzheng.Features.Monitoring;
using Minzheng.Features.Payments;
using Minzheng.Features.Regions;
using Minzheng.Features.Registry;
using Minzheng.Features.Reports;
using Minzheng.Features.Reviews;
using Minzheng.Features.Standards;
using Minzheng.Features.Users;
using Minzheng.Features.Verification;
using Minzheng.Infrastructure.Calendar;
using Minzheng.Infrastructure.Database;
using Minzheng.Infrastructure.Demo;
using Minzheng.Infrastructure.Security;
using Minzheng.Infrastructure.Web;
using Scalar.AspNetCore;

namespace Minzheng.Infrastructure.Hosting;

/// <summary>Composition of the whole application: services in <see cref="AddMinzheng"/>, pipeline in <see cref="UseMinzheng"/>.</summary>
public static class MinzhengHost
{
    public static WebApplicationBuilder AddMinzheng(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        builder.Logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.UseUtcTimestamp = true;
            o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ";
        });

        services.AddSingleton(TimeProvider.System);
        // Uploads (rosters, code lists) are bounded per request, whatever the endpoint (Imports:MaxFileMegabytes).
        var maxRequestBytes = Web.UploadReader.MaxRequestBytesOf(builder.Configuration);
        builder.WebHost.ConfigureKestrel(o => o.Limits.MaxRequestBodySize = maxRequestBytes);
        services.Configure<Microsoft.AspNetCore.Http.Features.FormOptions>(o => o.MultipartBodyLengthLimit = maxRequestBytes);
        services.AddSingleton<Web.UploadReader>();
        services.AddSingleton<Web.MoneyLimits>();
        services.AddMemoryCache();
        services.AddMinzhengDatabase();
        services.AddMinzhengIdentity(builder.Configuration);
        services.AddSessionKeys();
        services.AddTrustedProxies(builder.Configuration);
        services.AddScoped<Auditing.AuditLog>();
        services.AddScoped<Auditing.IAuditContext, Auditing.HttpAuditContext>();
        services.AddSingleton(sp => new Privacy.PersonalDataProtector(
            Privacy.PrivacyKeys.Load(sp.GetRequiredService<IConfiguration>(), sp.GetRequiredService<DatabaseSettings>().DataPath)));
        services.AddScoped<DatabaseInitializer>();
        services.AddScoped<ControlCharacterCleanup>();
        services.AddScoped<Privacy.Rekey>();
        services.AddScoped<DemoSeeder>();
        services.AddScoped<DemoCaseload>();
        services.AddScoped<DemoCases>();
        services.AddScoped<DemoPayments>();
        services.AddScoped<DemoVerification>();
        services.AddScoped<CalendarService>();
        services.AddScoped<RegionService>();
        services.AddScoped<UserAdminService>();
        services.AddScoped<SignInService>();
        services.AddScoped<Features.Registry.RegistryService>();
        services.AddScoped<Features.Registry.RegistryEditService>();
        services.AddScoped<Features.Registry.MemberEconomicsService>();
        services.AddScoped<Features.Imports.ImportService>();
        services.AddScoped<Features.Imports.MemberRosterImport>();
        services.AddScoped<Features.Imports.AssistanceRosterWriter>();
        services.AddScoped<Features.Imports.RosterValidation>();
        services.AddScoped<Features.Standards.StandardService>();
        services.AddScoped<Features.Benefits.BenefitService>();
        services.AddScoped<Features.Cases.CaseService>();
        services.AddScoped<Features.Cases.CaseDecision>();
        services.AddScoped<Features.Cases.CaseQueries>();
        services.AddScoped<Features.Cases.ReserveFundService>();
        services.AddScoped<Features.Enrollments.EnrollmentService>();
        services.AddScoped<Features.Reviews.ReviewService>();
        services.AddScoped<Features.Payments.PayrollGenerator>();
        services.AddScoped<Features.Payments.PayrollService>();
        services.AddScoped<Features.Payments.PayrollQueries>();
        services.AddScoped<Features.Payments.PayrollCorrections>();
        services.AddScoped<Features.Payments.BankFileService>();
        services.AddScoped<Features.Payments.ReconciliationService>();
        services.AddScoped<Features.Verification.DeathRecordImport>();
        services.AddScoped<Features.Verification.PersonMatcher>();
        services.AddScoped<Infrastructure.Auditing.RowStamper>();
        services.AddScoped<Features.Verification.CheckListImport>();
        services.AddScoped<Features.Verification.ApplicationScreening>();
        services.AddScoped<Features.Verification.RelativeRegister>();
        services.AddScoped<Features.Verification.TipOffService>();
        services.AddScoped<Features.Verification.VerificationOverview>();
        services.AddScoped<Features.Monitoring.MonitoringService>();
        services.AddScoped<Features.Verification.FindingService>();
        services.AddScoped<Features.Verification.ExclusionScan>();
        services.AddScoped<Features.Reports.AssistanceSummaryService>();
        services.AddScoped<Features.Reports.WorkSummaryDrafter>();
        services.AddScoped<Features.Reports.VerificationSentences>();
        services.AddScoped<Features.Reports.DashboardService>();
        services.AddScoped<Features.Reports.PeriodTables>();
        services.AddScoped<Features.Reports.ReportSubmissions>();
        services.AddScoped<Features.Audit.AuditQuery>();
        services.AddScoped<Features.Audit.AuditExporter>();
        services.AddScoped<Features.Audit.AuditValueReveal>();
        services.AddScoped<MinzhengClaimsFactory>();

        // Chinese text goes into pages as characters, not as &#x…; entities.
        services.AddWebEncoders(o => o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddRazorPages(o =>
        {
            o.RootDirectory = "/Features";
            o.Conventions.AllowAnonymousToPage("/Account/Login");
            o.Conventions.AllowAnonymousToPage("/Account/AccessDenied");
            o.Conventions.AllowAnonymousToPage("/Account/LoginWith2fa");
            o.Conventions.AllowAnonymousToPage("/Error");
            o.Conventions.ConfigureFilter(new FormTextFilter());
        });
        services.AddProblemDetails(o => o.CustomizeProblemDetails = ctx =>
        {
            // Framework-made problems (401, 404, 405 …) get Chinese titles too.
            var status = ctx.ProblemDetails.Status ?? ctx.HttpContext.Response.StatusCode;
            if (ctx.ProblemDetails.Title is null || ctx.ProblemDetails.Title.All(c => c < 128))
            {
                ctx.ProblemDetails.Title = ApiProblems.ChineseTitle(status);
            }

            // A form the framework could not read (most often an upload over the request limit) says so in Chinese.
            if (status is 400 or 413 && ctx.ProblemDetails.Detail is null && ctx.HttpContext.Request.HasFormContentType)
            {
                ctx.ProblemDetails.Detail = string.Create(CultureInfo.InvariantCulture,
                    $"无法读取上传的表单：文件不能超过{Web.UploadReader.MaxMegabytesOf(ctx.HttpContext.RequestServices.GetRequiredService<IConfiguration>())}MB，请分批导入");
            }
        });
        services.AddExceptionHandler<ApiExceptionHandler>();
        // Binding failures (a number where text is expected, an unknown date) reach ApiExceptionHandler, which names the field.
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower));
        });
        services.AddOpenApi();
        services.AddHealthChecks().AddDbContextCheck<MinzhengDbContext>("database");
        return builder;
    }

    public static WebApplication UseMinzheng(this WebApplication app)
    {
        app.UseTrustedProxies(app.Configuration);
        var chinese = new CultureInfo("zh-CN");
        app.UseRequestLocalization(new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture(chinese),
            SupportedCultures = [chinese],
            SupportedUICultures = [chinese],
        });
        app.UseSecurityHeaders();
        app.UseExceptionHandler("/Error");
        if (app.Configuration.GetValue<bool>("Security:RequireHttps"))
        {
            app.UseHsts();
            app.UseHttpsRedirection();
        }

        app.UseStatusCodePages(async ctx =>
        {
            // API errors without a body (401 from the auth handlers, unknown routes …) become ProblemDetails.
            var http = ctx.HttpContext;
            if (http.Request.Path.StartsWithSegments("/api") && http.RequestServices.GetRequiredService<IProblemDetailsService>() is { } problems)
            {
                await problems.TryWriteAsync(new ProblemDetailsContext
                {
                    HttpContext = http,
                    ProblemDetails = { Status = http.Response.StatusCode, Title = ApiProblems.ChineseTitle(http.Response.StatusCode) },
                });
            }
        });
        app.UseStaticFiles();
        app.UseRouting();
        app.UseAuthentication();
        app.UseSessionValidation();
        app.UseRateLimiter();
        app.UseAuthorization();
        app.UseAccountGate();
        // A body or parameter the framework cannot bind is answered here, field by field, as every other API error
        // (left to the exception-handler middleware it became an empty 400).
        app.Use(async (http, next) =>
        {
            try
            {
                await next();
            }
            catch (BadHttpRequestException bad) when (http.Request.Path.StartsWithSegments("/api") && !http.Response.HasStarted)
            {
                if (http.Request.HasFormContentType)
                {
                    // A form the framework cannot read (an upload over the limit): the problem customisation names the limit.
                    http.Response.StatusCode = StatusCodes.Status400BadRequest;
                    await http.RequestServices.GetRequiredService<IProblemDetailsService>().TryWriteAsync(
                        new ProblemDetailsContext { HttpContext = http, ProblemDetails = { Status = StatusCodes.Status400BadRequest } });
                    return;
                }

                var handler = http.RequestServices.GetServices<Microsoft.AspNetCore.Diagnostics.IExceptionHandler>().OfType<ApiExceptionHandler>().First();
                await handler.TryHandleAsync(http, bad, http.RequestAborted);
            }
        });

        app.MapHealthChecks("/health", new Microsoft.AspNetCore.Diagnostics.HealthChecks.HealthCheckOptions
        {
            ResponseWriter = (ctx, report) => ctx.Response.WriteAsJsonAsync(new { status = report.Status.ToString() }),
        }).AllowAnonymous();
        app.MapOpenApi().AllowAnonymous();
        app.MapScalarApiReference(o => o.WithTitle("民政综合业务平台 API")).AllowAnonymous();

        var api = app.MapGroup("/api/v1").RequireAuthorization().AddEndpointFilter<TextInputFilter>();
        api.MapAuth();
        api.MapRegions();
        api.MapCalendar();
        api.MapIdNumbers();
        api.MapUsers();
        api.MapAudit();
        api.MapRegistry();
        api.MapImports();
        api.MapStandards();
        api.MapBenefits();
        api.MapCases();
        api.MapEnrollments();
        api.MapReviews();
        api.MapPayments();
        api.MapVerification();
        api.MapChecks();
        api.MapMonitoring();
        api.MapReports();
        api.MapStatistics();
        api.MapRosterExport();
        app.MapRazorPages();
        return app;
    }
}
