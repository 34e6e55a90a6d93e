namespace SmtpRelayClassifier.Scanning;

/// <summary>The mail server whose log a failure line comes from.</summary>
public enum MailLogFormat
{
    /// <summary>Postfix: <c>status=bounced|deferred (…)</c> delivery lines and <c>reject:</c> lines of smtpd.</summary>
    Postfix,

    /// <summary>Exim: <c>**</c> (bounced) and <c>==</c> (deferred) delivery lines, and <c>rejected RCPT|MAIL</c> lines.</summary>
    Exim,

    /// <summary>Sendmail: delivery lines with <c>dsn=4.x.x|5.x.x, stat=…</c> and <c>reject=</c> lines of its rule sets.</summary>
    Sendmail,
}
