using ApprovalWatch.Functions;
using ApprovalWatch.Pipeline.Hosting;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

var builder = FunctionsApplication.CreateBuilder(args);
builder.Services.AddApprovalWatchPipeline(builder.Configuration);
builder.Services.AddHostedService<StorageInitializer>();
builder.Build().Run();
