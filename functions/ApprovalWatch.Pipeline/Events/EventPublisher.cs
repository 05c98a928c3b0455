using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ApprovalWatch.Pipeline.Events;

/// <summary>Hands an event to each registered handler in turn, in the order they were registered; a failure stops the rest and throws.</summary>
public sealed class EventPublisher(IServiceProvider services)
{
    public async Task PublishAsync<TEvent>(TEvent published, CancellationToken cancellationToken)
    {
        foreach (var handler in services.GetServices<IEventHandler<TEvent>>())
        {
            await handler.HandleAsync(published, cancellationToken);
        }
    }
}

public static class EventHandlerRegistration
{
    /// <summary>Registers <typeparamref name="THandler"/> (one instance, whatever events it handles) as a handler of <typeparamref name="TEvent"/>.</summary>
    public static IServiceCollection AddEventHandler<TEvent, THandler>(this IServiceCollection services)
        where THandler : class, IEventHandler<TEvent>
    {
        services.TryAddSingleton<THandler>();
        services.AddSingleton<IEventHandler<TEvent>>(provider => provider.GetRequiredService<THandler>());
        return services;
    }
}
