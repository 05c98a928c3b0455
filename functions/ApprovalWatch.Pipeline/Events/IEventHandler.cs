namespace ApprovalWatch.Pipeline.Events;

/// <summary>
/// A feature's reaction to an event, registered beside the feature (<c>services.AddEventHandler&lt;TEvent, T&gt;()</c>);
/// the publisher knows no handler. An event may be published twice (a step tried again), so a handler is idempotent.
/// </summary>
public interface IEventHandler<in TEvent>
{
    Task HandleAsync(TEvent published, CancellationToken cancellationToken);
}
