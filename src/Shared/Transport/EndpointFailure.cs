using System.Net.Sockets;
using NetMQ;

namespace EelsLive.Transport;

/// <summary>Says in words why a ZeroMQ endpoint could not be bound or connected, where NetMQ's own message often only names its exception type.</summary>
internal static class EndpointFailure
{
    /// <summary>The reason <paramref name="failure"/> gives, as a clause to follow the endpoint, e.g. "the address is already in use: …".</summary>
    public static string Describe(Exception failure) => failure switch
    {
        AddressAlreadyInUseException =>
            "the address is already in use: another program (perhaps another eelslive or eelslive-sim) is bound to it; give another port, or stop that program",
        NetMQException { ErrorCode: ErrorCode.AddressNotAvailable } =>
            "the host is not an address of this PC; give one of its own addresses, 127.0.0.1 (this PC only) or * (every network interface)",
        ProtocolNotSupportedException => "the protocol is not supported; give a tcp://HOST:PORT endpoint",
        SocketException { SocketErrorCode: SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain } =>
            "the host name is not known; check its spelling, or give an IP address",
        FormatException => "it is not a tcp://HOST:PORT endpoint with a numeric port",
        NetMQException { ErrorCode: var code } when failure.Message.StartsWith("Exception of type", StringComparison.Ordinal) => $"ZeroMQ reported {code}",
        _ => failure.Message.TrimEnd('.'),
    };
}
