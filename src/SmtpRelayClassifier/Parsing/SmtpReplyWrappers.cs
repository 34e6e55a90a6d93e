using System;

namespace SmtpRelayClassifier.Parsing;

/// <summary>The wrappers found around a reply, as it is quoted in bounces, mail logs and client dialogs.</summary>
[Flags]
public enum SmtpReplyWrappers
{
    /// <summary>The input was a bare reply.</summary>
    None = 0,

    /// <summary>A delivery status notification's diagnostic type, <c>smtp;</c> (RFC 3464), possibly after <c>Diagnostic-Code:</c>.</summary>
    DsnDiagnosticCode = 1,

    /// <summary>Postfix's <c>host mx.example.com[192.0.2.1] said:</c>.</summary>
    PostfixHostSaid = 2,

    /// <summary>Postfix's trailing <c>(in reply to RCPT TO command)</c>, which names the command.</summary>
    PostfixInReplyTo = 4,

    /// <summary>Exim's <c>SMTP error from remote mail server after RCPT TO:&lt;…&gt;:</c>.</summary>
    EximRemoteError = 8,

    /// <summary>An Outlook error dialog's <c>Server Response: '…'</c> (or the French <c>Réponse du serveur : '…'</c>).</summary>
    OutlookServerResponse = 16,

    /// <summary>Exchange's non-delivery report text <c>Remote Server returned '…'</c>.</summary>
    ExchangeRemoteServerReturned = 32,

    /// <summary>System.Net.Mail's <c>The server response was: …</c>.</summary>
    SystemNetMailServerResponse = 64,
}
