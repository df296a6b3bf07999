namespace EelsLive.CommandLine;

/// <summary>
/// A well-formed setting that cannot be used where the command runs (a port already in use, a host that is not known, an
/// output file that cannot be created), found while the command sets up; it stops before any frame with exit code 2.
/// </summary>
internal sealed class UnusableSettingException : Exception
{
    public UnusableSettingException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
