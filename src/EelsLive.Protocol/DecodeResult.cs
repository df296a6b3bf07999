using System.Diagnostics.CodeAnalysis;

namespace EelsLive.Protocol;

/// <summary>The outcome of decoding one wire message: the message, or the reason it was rejected.</summary>
public readonly struct DecodeResult
{
    private DecodeResult(WireMessage? message, Rejection? rejection)
    {
        Message = message;
        Rejection = rejection;
    }

    /// <summary>The decoded message, when accepted.</summary>
    public WireMessage? Message { get; }

    /// <summary>Why the message was rejected, when it was.</summary>
    public Rejection? Rejection { get; }

    /// <summary>True when <see cref="Message"/> holds a valid message.</summary>
    [MemberNotNullWhen(true, nameof(Message))]
    [MemberNotNullWhen(false, nameof(Rejection))]
    public bool IsAccepted => Message is not null;

    public static DecodeResult Accept(WireMessage message) => new(message ?? throw new ArgumentNullException(nameof(message)), null);

    public static DecodeResult Reject(RejectionKind kind, string detail) => new(null, new Rejection(kind, detail));

    public static implicit operator DecodeResult(Rejection rejection) => new(null, rejection);
}
