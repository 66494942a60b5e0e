using Minzheng.Platform.Hosting;

// `Minzheng [verb] [--data <folder>] [--urls …]`: with no verb, run the web application.
var command = CommandLine.Parse(args);
// Content (appsettings.json, compiled views) comes from the build output, not from wherever the command is run;
// static web assets resolve through the build manifest in every environment, so `dotnet run` serves CSS/JS too.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = command.HostArgs, ContentRootPath = AppContext.BaseDirectory });
builder.WebHost.UseStaticWebAssets();
builder.Configuration.AddCommandLine(command.HostArgs, CommandLine.SwitchMappings);
builder.AddMinzheng(Minzheng.Modules.MinzhengModules.All);
var app = builder.Build();
app.UseMinzheng();
return await CommandLine.RunAsync(app, command);
