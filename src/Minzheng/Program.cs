using Minzheng.Infrastructure.Hosting;

// `Minzheng [verb] [--data <folder>] [--urls …]`: with no verb, run the web application.
var command = CommandLine.Parse(args);
var builder = WebApplication.CreateBuilder(command.HostArgs);
builder.Configuration.AddCommandLine(command.HostArgs, CommandLine.SwitchMappings);
builder.AddMinzheng();
var app = builder.Build();
app.UseMinzheng();
return await CommandLine.RunAsync(app, command);
