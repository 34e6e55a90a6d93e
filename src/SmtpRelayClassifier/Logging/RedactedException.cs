using System;
using SmtpRelayClassifier.Parsing;

namespace SmtpRelayClassifier;

/// <summary>
/// What the log events carry instead of an exception unless <see cref="SmtpFailureLogOptions.ShowFullAddresses"/> is set:
/// the original's type name, message, inner exceptions and stack trace, with every e-mail address masked. Its
/// <see cref="ToString"/> is the original's <c>ToString()</c> masked, which is what the console and JSON console
/// loggers print; the original object (and properties such as MailKit's <c>SmtpCommandException.Mailbox</c>) never
/// reaches the logger. Immutable and thread-safe.
/// </summary>
public sealed class RedactedException : Exception
{
    private readonly string? _stackTrace;
    private readonly string _text;

    /// <summary>Makes the redacted copy of an exception.</summary>
    /// <param name="original">The exception to copy.</param>
    /// <exception cref="ArgumentNullException"><paramref name="original"/> is null.</exception>
    public RedactedException(Exception original)
        : base(AddressRedactor.MaskAll((original ?? throw new ArgumentNullException(nameof(original))).Message),
            original.InnerException is { } inner ? new RedactedException(inner) : null)
    {
        OriginalTypeName = original.GetType().FullName ?? original.GetType().Name;
        HResult = original.HResult;
        _stackTrace = original.StackTrace is { } stackTrace ? AddressRedactor.MaskAll(stackTrace) : null;
        _text = AddressRedactor.MaskAll(original.ToString());
    }

    /// <summary>The full name of the original exception's type, such as <c>MailKit.Net.Smtp.SmtpCommandException</c>.</summary>
    public string OriginalTypeName { get; }

    /// <summary>The original's stack trace (method names and source lines), with any address in it masked.</summary>
    public override string? StackTrace => _stackTrace;

    /// <summary>The original's <c>ToString()</c> (type, message, inner exceptions, stack trace) with every address masked.</summary>
    /// <returns>The redacted text.</returns>
    public override string ToString() => _text;
}
