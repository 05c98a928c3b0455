using ApprovalWatch.Board;
using ApprovalWatch.Functions;
using ApprovalWatch.Pipeline.Hosting;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

var builder = FunctionsApplication.CreateBuilder(args);
// HTTP triggers take ASP.NET Core's request: the board's pipeline runs on the host's own HTTP stack.
builder.ConfigureFunctionsWebApplication();
builder.Services.AddApprovalWatchPipeline(builder.Configuration);
builder.Services.AddApprovalWatchBoard();
builder.Services.AddApprovalWatchTelemetry(builder.Configuration);
builder.Services.AddHostedService<StorageInitializer>();
builder.Build().Run();
