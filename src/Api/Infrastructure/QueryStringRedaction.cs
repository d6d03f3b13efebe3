namespace AGH.Api.Infrastructure;

/// <summary>
/// ASP.NET Core's "Request starting/finished" lines quote the query string, and a person search (`?q=`) is a name. The
/// hosting category's logger writes them without it, at every level and to every provider.
/// </summary>
public sealed class QueryStringRedaction(ILoggerFactory inner) : ILoggerFactory
{
    private const string HostingCategory = "Microsoft.AspNetCore.Hosting.Diagnostics";

    public static void Register(IServiceCollection services)
    {
        var original = services.Last(d => d.ServiceType == typeof(ILoggerFactory));
        services.Remove(original);
        services.AddSingleton<ILoggerFactory>(sp => new QueryStringRedaction(original.ImplementationInstance as ILoggerFactory
            ?? (ILoggerFactory)(original.ImplementationFactory?.Invoke(sp) ?? ActivatorUtilities.CreateInstance(sp, original.ImplementationType!))));
    }

    public ILogger CreateLogger(string categoryName) =>
        categoryName == HostingCategory ? new Redacting(inner.CreateLogger(categoryName)) : inner.CreateLogger(categoryName);

    public void AddProvider(ILoggerProvider provider) => inner.AddProvider(provider);

    public void Dispose() => inner.Dispose();

    private sealed class Redacting(ILogger inner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => inner.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (state is not IReadOnlyList<KeyValuePair<string, object?>> fields
                || fields.FirstOrDefault(f => f.Key == "QueryString").Value is not string { Length: > 0 } query)
            {
                inner.Log(logLevel, eventId, state, exception, formatter);
                return;
            }
            var message = formatter(state, exception).Replace(query, "", StringComparison.Ordinal);
            IReadOnlyList<KeyValuePair<string, object?>> redacted = fields
                .Select(f => f.Key == "QueryString" ? new KeyValuePair<string, object?>(f.Key, "") : f).ToArray();
            inner.Log(logLevel, eventId, redacted, exception, (_, _) => message);
        }
    }
}
