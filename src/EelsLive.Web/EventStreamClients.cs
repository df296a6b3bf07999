using System.Net.ServerSentEvents;
using System.Threading.Channels;

namespace EelsLive.Web;

/// <summary>
/// The connected <c>/events</c> clients, each with its own bounded queue: a slow browser loses its oldest queued
/// updates instead of holding memory or the processing thread.
/// </summary>
internal sealed class EventStreamClients
{
    private const int QueueCapacity = 64;
    private readonly Lock _gate = new();
    private readonly List<Channel<SseItem<string>>> _clients = [];
    private bool _completed;

    /// <summary>Connected clients.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _clients.Count;
            }
        }
    }

    /// <summary>Registers a client whose queue starts with <paramref name="initial"/>; dispose the lease when it leaves.</summary>
    public ClientLease Register(IEnumerable<SseItem<string>> initial)
    {
        var channel = Channel.CreateBounded<SseItem<string>>(new BoundedChannelOptions(QueueCapacity)
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleReader = true,
        });
        foreach (var item in initial)
        {
            channel.Writer.TryWrite(item);
        }

        lock (_gate)
        {
            if (_completed)
            {
                channel.Writer.TryComplete();
            }
            else
            {
                _clients.Add(channel);
            }
        }

        return new ClientLease(this, channel);
    }

    /// <summary>Queues one event for every client.</summary>
    public void Broadcast(SseItem<string> item)
    {
        lock (_gate)
        {
            foreach (var client in _clients)
            {
                client.Writer.TryWrite(item);
            }
        }
    }

    /// <summary>Ends every stream (the server is stopping).</summary>
    public void CompleteAll()
    {
        lock (_gate)
        {
            _completed = true;
            foreach (var client in _clients)
            {
                client.Writer.TryComplete();
            }

            _clients.Clear();
        }
    }

    private void Remove(Channel<SseItem<string>> channel)
    {
        lock (_gate)
        {
            _clients.Remove(channel);
        }

        channel.Writer.TryComplete();
    }

    /// <summary>One client's queue; disposing it unregisters the client.</summary>
    internal sealed class ClientLease(EventStreamClients owner, Channel<SseItem<string>> channel) : IDisposable
    {
        /// <summary>The client's events, in order.</summary>
        public ChannelReader<SseItem<string>> Reader => channel.Reader;

        public void Dispose() => owner.Remove(channel);
    }
}
