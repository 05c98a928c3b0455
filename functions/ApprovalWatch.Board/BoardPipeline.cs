using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ApprovalWatch.Board;

/// <summary>
/// The board as one ASP.NET Core request pipeline (endpoint routing over <see cref="BoardRoutes"/>), built once over the
/// app's services: the Functions app hands it each request of its HTTP trigger, Kestrel serves it here, and a test
/// invokes it with a request of its own. Whoever serves it signs the person in (<see cref="ISignIn"/>).
/// </summary>
public sealed class BoardPipeline
{
    private readonly RequestDelegate _serve;

    public BoardPipeline(IServiceProvider services)
    {
        var app = new ApplicationBuilder(services);
        app.UseRouting();
        app.UseEndpoints(endpoints => endpoints.MapBoard());
        _serve = app.Build();
    }

    public Task ServeAsync(HttpContext http) => _serve(http);
}

public static class BoardServices
{
    /// <summary>
    /// The board's pages and pipeline, beside the pipeline's services (<c>AddApprovalWatchPipeline</c>); signed in by the
    /// platform unless the host registered its own <see cref="ISignIn"/> first.
    /// </summary>
    public static IServiceCollection AddApprovalWatchBoard(this IServiceCollection services)
    {
        services.AddRouting();
        // The routing middleware reports to a diagnostic listener, which only a web host registers.
        services.TryAddSingleton(new DiagnosticListener("ApprovalWatch.Board"));
        services.TryAddSingleton<ISignIn, PlatformSignIn>();
        services.AddSingleton<AckPage>();
        services.AddSingleton<ProblemPage>();
        services.AddSingleton<NoticePage>();
        services.AddSingleton<LeavePage>();
        services.AddSingleton<BoardPage>();
        services.AddSingleton<SubmitPage>();
        services.AddSingleton<ProcedureListPage>();
        services.AddSingleton<ProjectPage>();
        services.AddSingleton<MyProjectsPage>();
        services.AddSingleton<BoardApp>();
        services.AddSingleton<BoardPipeline>();
        return services;
    }
}
