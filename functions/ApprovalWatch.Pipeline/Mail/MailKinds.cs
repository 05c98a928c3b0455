using ApprovalWatch.Pipeline.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ApprovalWatch.Pipeline.Mail;

/// <summary>The registered kinds of mail, by name.</summary>
public sealed class MailKinds(IEnumerable<IMailKind> kinds)
{
    private readonly Dictionary<string, IMailKind> _kinds = kinds.ToDictionary(k => k.Kind, StringComparer.Ordinal);

    /// <summary>The kind a message names; a message of no registered kind fails (and, retried, ends in the poison queue).</summary>
    public IMailKind Of(NotifyMessage message) =>
        _kinds.GetValueOrDefault(message.Kind)
        ?? throw new InvalidOperationException(
            $"No mail of kind '{message.Kind}' is registered (known: {string.Join(", ", _kinds.Keys.Order(StringComparer.Ordinal))}); the message to "
                + $"{message.Recipient} is not sent."
        );
}

public static class MailKindRegistration
{
    /// <summary>Registers a kind of mail the notify queue can carry.</summary>
    public static IServiceCollection AddMailKind<T>(this IServiceCollection services)
        where T : class, IMailKind
    {
        services.TryAddSingleton<T>();
        services.AddSingleton<IMailKind>(provider => provider.GetRequiredService<T>());
        return services;
    }
}
