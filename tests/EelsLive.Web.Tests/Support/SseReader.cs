using System.Diagnostics;
using System.Net.ServerSentEvents;
using System.Threading.Channels;

namespace EelsLive.Web.Tests.Support;

/// <summary>Reads <c>/events</c> with a plain HttpClient and timestamps every event on arrival.</summary>
internal sealed class SseReader : IAsyncDisposable
{
    private readonly HttpClient _http = new() { Timeout = Timeout.InfiniteTimeSpan };
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _reading;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, int> _seen = new();

    public SseReader(Uri address)
    {
        _reading = Task.Run(() => ReadAsync(new Uri(address, "events")));
    }

    public Channel<(string Type, string Data, long Timestamp)> Events { get; } = Channel.CreateUnbounded<(string, string, long)>();

    /// <summary>How many events of <paramref name="type"/> have arrived so far (read or not).</summary>
    public int Seen(string type) => _seen.GetValueOrDefault(type);

    public async Task<(string Type, string Data, long Timestamp)> NextAsync(Func<(string Type, string Data, long Timestamp), bool> match, TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        while (true)
        {
            var item = await Events.Reader.ReadAsync(cts.Token);
            if (match(item))
            {
                return item;
            }
        }
    }

    private async Task ReadAsync(Uri uri)
    {
        try
        {
            using var response = await _http.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead, _stop.Token);
            response.EnsureSuccessStatusCode();
            await using var stream = await response.Content.ReadAsStreamAsync(_stop.Token);
            await foreach (var item in SseParser.Create(stream).EnumerateAsync(_stop.Token))
            {
                _seen.AddOrUpdate(item.EventType, 1, (_, n) => n + 1);
                Events.Writer.TryWrite((item.EventType, item.Data, Stopwatch.GetTimestamp()));
            }
        }
        catch (OperationCanceledException)
        {
        }
        finally
        {
            Events.Writer.TryComplete();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _reading;
        }
        catch (HttpRequestException)
        {
        }

        _http.Dispose();
        _stop.Dispose();
    }
}
