using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Localization;
using Minzheng.Platform.Attachments;
using Minzheng.Platform.Auditing;
using Minzheng.Platform.Calendar;
using Minzheng.Platform.Data;
using Minzheng.Platform.Demo;
using Minzheng.Platform.Imports;
using Minzheng.Platform.Modules;
using Minzheng.Platform.Observability;
using Minzheng.Platform.People;
using Minzheng.Platform.Regions;
using Minzheng.Platform.Security;
using Minzheng.Platform.Web;
using Scalar.AspNetCore;

namespace Minzheng.Platform.Hosting;

/// <summary>Composition of the whole application: services in <see cref="AddMinzheng"/>, pipeline in <see cref="UseMinzheng"/>.</summary>
public static class MinzhengHost
{
    public static WebApplicationBuilder AddMinzheng(this WebApplicationBuilder builder, IReadOnlyList<IMinzhengModule> modules)
    {
        var services = builder.Services;
        var catalog = new ModuleCatalog(modules);
        services.AddSingleton(catalog);
        builder.AddMinzhengObservability();

        services.AddSingleton(TimeProvider.System);
        // Uploads (rosters, code lists, attachments) are bounded per request, whatever the endpoint (the larger of
        // Imports:MaxFileMegabytes and Attachments:MaxMegabytes).
        var maxRequestBytes = Web.UploadReader.MaxRequestBytesOf(builder.Configuration);
        builder.WebHost.ConfigureKestrel(o => o.Limits.MaxRequestBodySize = maxRequestBytes);
        services.Configure<Microsoft.AspNetCore.Http.Features.FormOptions>(o => o.MultipartBodyLengthLimit = maxRequestBytes);
        services.AddSingleton<Web.UploadReader>();
        services.AddSingleton<Web.MoneyLimits>();
        services.AddMemoryCache();
        services.AddMinzhengDatabase();
        services.AddMinzhengIdentity(builder.Configuration, catalog);
        services.AddSessionKeys();
        services.AddTrustedProxies(builder.Configuration);
        services.AddSingleton<StartupProgress>();
        services.AddScoped<Auditing.AuditLog>();
        services.AddAuditCheckpoints();
        services.AddScoped<Auditing.IAuditContext, Auditing.HttpAuditContext>();
        services.AddSingleton(sp => new Privacy.PersonalDataProtector(
            Privacy.PrivacyKeys.Load(sp.GetRequiredService<IConfiguration>(), sp.GetRequiredService<DatabaseSettings>().DataPath)));
        services.AddScoped<DatabaseInitializer>();
        services.AddScoped<Privacy.Rekey>();
        services.AddScoped<DemoSeeder>();
        services.AddScoped<Installation.DemoData>();
        services.AddScoped<Installation.FirstAdministrators>();
        services.AddScoped<CalendarService>();
        services.AddScoped<RegionService>();
        services.AddScoped<Security.UserDirectory>();
        services.AddSingleton<Auditing.IAuditVocabulary, Auditing.PlatformAuditVocabulary>();
        services.AddScoped<Deadlines.DeadlineBoard>();
        services.AddScoped<Documents.DocumentService>();
        services.AddScoped<Statistics.WorkSummaryDrafter>();
        services.AddScoped<Statistics.PeriodStatistics>();
        services.AddScoped<Statistics.LineStatistics>();
        services.AddScoped<StagedImports>();
        services.AddScoped<AttachmentService>();
        services.AddScoped<Auditing.RowStamper>();
        foreach (var module in modules)
        {
            module.AddServices(services, builder.Configuration);
        }

        services.AddScoped<MinzhengClaimsFactory>();

        // Chinese text goes into pages as characters, not as &#x…; entities.
        services.AddWebEncoders(o => o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddRazorPages(o =>
        {
            o.RootDirectory = "/";
            o.Conventions.Add(new ModulePageRoutes());
            o.Conventions.AllowAnonymousToPage("/Platform/Web/Pages/Error");
            o.Conventions.AllowAnonymousToPage("/Platform/Web/Pages/Status");
            o.Conventions.AllowAnonymousToPage("/Platform/Web/Pages/Verify");
            foreach (var module in modules)
            {
                module.ConfigurePages(o.Conventions);
            }

            o.Conventions.ConfigureFilter(new FormTextFilter());
        });
        services.Configure<Microsoft.AspNetCore.Mvc.Razor.RazorViewEngineOptions>(o => o.PageViewLocationFormats.Add(ModulePageRoutes.SharedViews));
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
                var configuration = ctx.HttpContext.RequestServices.GetRequiredService<IConfiguration>();
                ctx.ProblemDetails.Detail = ctx.HttpContext.Request.Path.StartsWithSegments("/api/v1/attachments")
                    ? string.Create(CultureInfo.InvariantCulture, $"无法读取上传的表单：附件不能超过{AttachmentLimits.MaxMegabytesOf(configuration)}MB")
                    : string.Create(CultureInfo.InvariantCulture, $"无法读取上传的表单：文件不能超过{Web.UploadReader.MaxMegabytesOf(configuration)}MB，请分批导入");
            }
        });
        services.AddExceptionHandler<ApiExceptionHandler>();
        // Modules add their policies (e.g. anonymous booking per client address); a refusal is a Chinese 429 problem.
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = (ctx, ct) => new ValueTask(ctx.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = ctx.HttpContext,
                ProblemDetails = { Status = StatusCodes.Status429TooManyRequests, Title = ApiProblems.ChineseTitle(429), Detail = "提交过于频繁，请稍后再试" },
            }).AsTask());
        });
        // Binding failures (a number where text is expected, an unknown date) reach ApiExceptionHandler, which names the field.
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower));
        });
        services.AddOpenApi();
        SessionKeys.LoadKeyRingOnFirstUse(services);
        return builder;
    }

    public static WebApplication UseMinzheng(this WebApplication app)
    {
        app.UseTrustedProxies(app.Configuration);
        app.UseMinzhengObservability();
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

        // API errors without a body (401 from the auth handlers, unknown routes …) become ProblemDetails; a browser gets
        // a Chinese page on the site layout with a way back instead of its own blank error page.
        app.UseWhen(http => http.Request.Path.StartsWithSegments("/api"), api => api.UseStatusCodePages(async ctx =>
        {
            var http = ctx.HttpContext;
            await http.RequestServices.GetRequiredService<IProblemDetailsService>().TryWriteAsync(new ProblemDetailsContext
            {
                HttpContext = http,
                ProblemDetails = { Status = http.Response.StatusCode, Title = ApiProblems.ChineseTitle(http.Response.StatusCode) },
            });
        }));
        app.UseWhen(http => !http.Request.Path.StartsWithSegments("/api"), web => web.UseStatusCodePagesWithReExecute("/Status/{0}"));
        app.UseStaticFiles();
        app.UseStartupGate();
        app.UseRouting();
        // After routing (which needs no database) so it knows the endpoint; before authentication and the session
        // check, so that a retried request runs them again on a fresh scope.
        app.UseRateLimiter();
        app.UseMiddleware<Web.DatabaseRetry>();
        app.UseAuthentication();
        app.UseSessionValidation();
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

        app.MapOpenApi().AllowAnonymous();
        app.MapScalarApiReference(o => o.WithTitle("民政综合业务平台 API")).AllowAnonymous();

        var api = app.MapGroup("/api/v1").RequireAuthorization().AddEndpointFilter<TextInputFilter>();
        api.MapPlatform();
        api.MapCreditCodes();
        api.MapAttachments();
        api.MapStagedImports();
        foreach (var module in app.Services.GetRequiredService<ModuleCatalog>().Modules)
        {
            module.MapApi(api);
        }

        app.MapRazorPages();
        return app;
    }
}
