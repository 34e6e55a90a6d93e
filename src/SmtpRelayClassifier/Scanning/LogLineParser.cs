using System;
using SmtpRelayClassifier.Parsing;

namespace SmtpRelayClassifier.Scanning;

/// <summary>The failure marker a log line holds, which also says which server wrote it.</summary>
internal enum LogMarker
{
    PostfixStatus,
    PostfixReject,
    EximDelivery,
    EximReject,
    SendmailStatus,
    SendmailReject,
}

/// <summary>The fields of one failure line, as slices of the line.</summary>
internal ref struct LogLineFields
{
    public MailLogFormat Format;
    public SmtpStage Stage;
    public DiagnosisSource Source;
    public ReadOnlySpan<char> Text;
    public ReadOnlySpan<char> QueueId;
    public ReadOnlySpan<char> RemoteHost;
    public ReadOnlySpan<char> RemoteAddress;
    public ReadOnlySpan<char> Sender;
    public ReadOnlySpan<char> Recipient;
    public EnhancedStatusCode? DsnCode;

    /// <summary>The line defers a delivery (Postfix <c>status=deferred</c>, Exim <c>==</c>, Sendmail <c>dsn=4.x.x</c>): the server retries it.</summary>
    public bool Deferred;
}

/// <summary>
/// Recognizes and takes apart the failure lines of Postfix, Exim and Sendmail logs. Finding a marker costs a few
/// vectorized searches over the line's bytes; the fields are read only on the few lines that have one.
/// </summary>
internal static class LogLineParser
{
    public static LogMarker? FindMarker(ReadOnlySpan<byte> line)
    {
        if (line.IndexOf("status=bounced"u8) >= 0 || line.IndexOf("status=deferred"u8) >= 0)
            return LogMarker.PostfixStatus;
        if (line.IndexOf(": reject: "u8) >= 0)
            return LogMarker.PostfixReject;
        if (line.IndexOf(" ** "u8) >= 0 || line.IndexOf(" == "u8) >= 0)
            return LogMarker.EximDelivery;
        if (line.IndexOf(" rejected RCPT "u8) >= 0 || line.IndexOf(" rejected MAIL "u8) >= 0)
            return LogMarker.EximReject;
        if (line.IndexOf(", reject="u8) >= 0)
            return LogMarker.SendmailReject;
        if (line.IndexOf(", dsn=5."u8) >= 0 || line.IndexOf(", dsn=4."u8) >= 0)
            return LogMarker.SendmailStatus;
        return null;
    }

    public static LogMarker? FindMarker(ReadOnlySpan<char> line)
    {
        if (line.Contains("status=bounced", StringComparison.Ordinal) || line.Contains("status=deferred", StringComparison.Ordinal))
            return LogMarker.PostfixStatus;
        if (line.Contains(": reject: ", StringComparison.Ordinal))
            return LogMarker.PostfixReject;
        if (line.Contains(" ** ", StringComparison.Ordinal) || line.Contains(" == ", StringComparison.Ordinal))
            return LogMarker.EximDelivery;
        if (line.Contains(" rejected RCPT ", StringComparison.Ordinal) || line.Contains(" rejected MAIL ", StringComparison.Ordinal))
            return LogMarker.EximReject;
        if (line.Contains(", reject=", StringComparison.Ordinal))
            return LogMarker.SendmailReject;
        if (line.Contains(", dsn=5.", StringComparison.Ordinal) || line.Contains(", dsn=4.", StringComparison.Ordinal))
            return LogMarker.SendmailStatus;
        return null;
    }

    public static bool TryParse(ReadOnlySpan<char> line, LogMarker marker, out LogLineFields fields)
    {
        fields = default;
        return marker switch
        {
            LogMarker.PostfixStatus => PostfixStatus(line, ref fields),
            LogMarker.PostfixReject => PostfixReject(line, ref fields),
            LogMarker.EximDelivery => EximDelivery(line, ref fields),
            LogMarker.EximReject => EximReject(line, ref fields),
            LogMarker.SendmailStatus => SendmailStatus(line, ref fields),
            _ => SendmailReject(line, ref fields),
        };
    }

    // "… postfix/smtp[123]: 4C1F2: to=<bob@example.org>, relay=mx.example.org[192.0.2.1]:25, …, dsn=5.7.1, status=bounced (host … said: 554 … (in reply to RCPT TO command))"
    private static bool PostfixStatus(ReadOnlySpan<char> line, ref LogLineFields f)
    {
        f.Format = MailLogFormat.Postfix;
        f.Source = DiagnosisSource.RemoteServer;
        int status = line.IndexOf("status=", StringComparison.Ordinal);
        int open = line[status..].IndexOf('(');
        int close = line.LastIndexOf(')');
        if (open < 0 || close <= status + open)
            return false;
        f.Text = line[(status + open + 1)..close];
        f.Deferred = line[status..].StartsWith("status=deferred", StringComparison.Ordinal);
        Delivery(line, ref f);
        return true;
    }

    // "… postfix/smtpd[1]: NOQUEUE: reject: RCPT from unknown[192.0.2.5]: 554 5.7.1 <x>: Relay access denied; from=<a> to=<b> proto=ESMTP helo=<h>"
    private static bool PostfixReject(ReadOnlySpan<char> line, ref LogLineFields f)
    {
        f.Format = MailLogFormat.Postfix;
        f.Source = DiagnosisSource.SubmissionSession;
        int reject = line.IndexOf(": reject: ", StringComparison.Ordinal);
        f.QueueId = TokenBefore(line, reject);
        var rest = line[(reject + 10)..];
        f.Stage = StageOf(rest);
        int from = rest.IndexOf(" from ", StringComparison.Ordinal);
        if (from < 0)
            return false;
        var client = rest[(from + 6)..];
        int colon = client.IndexOf(": ", StringComparison.Ordinal);
        if (colon < 0)
            return false;
        SplitHost(client[..colon], ref f);
        var text = client[(colon + 2)..];
        int envelope = text.IndexOf("; from=<", StringComparison.Ordinal);
        if (envelope >= 0)
        {
            var tail = text[(envelope + 2)..];
            text = text[..envelope];
            f.Sender = Bracketed(tail[5..]);
            int to = tail.IndexOf(" to=<", StringComparison.Ordinal);
            if (to >= 0)
                f.Recipient = Bracketed(tail[(to + 4)..]);
        }

        f.Text = text;
        return true;
    }

    // "… 1vXYZ-000ABC-12 ** bob@example.org R=dnslookup T=remote_smtp H=mx.example.org [192.0.2.1]: SMTP error from remote mail server after RCPT TO:<bob@example.org>: 550 …"
    private static bool EximDelivery(ReadOnlySpan<char> line, ref LogLineFields f)
    {
        f.Format = MailLogFormat.Exim;
        f.Source = DiagnosisSource.RemoteServer;
        int mark = line.IndexOf(" ** ", StringComparison.Ordinal);
        if (mark < 0)
            mark = line.IndexOf(" == ", StringComparison.Ordinal);
        f.QueueId = TokenBefore(line, mark);
        f.Deferred = line[mark..].StartsWith(" == ", StringComparison.Ordinal);
        var rest = line[(mark + 4)..];
        int space = rest.IndexOfAny(' ', ':');
        f.Recipient = (space < 0 ? rest : rest[..space]).Trim('<').TrimEnd('>');
        int host = rest.IndexOf(" H=", StringComparison.Ordinal);
        if (host >= 0)
            EximHost(rest[(host + 3)..], ref f);

        int smtpError = rest.IndexOf("SMTP error from remote mail server", StringComparison.Ordinal);
        if (smtpError >= 0)
        {
            f.Text = rest[smtpError..];
            return true;
        }

        f.Text = AfterColon(rest);
        return true;
    }

    // "… H=(helo.example) [192.0.2.5]:54321 F=<a@b.example> rejected RCPT <x@y.example>: relay not permitted"
    private static bool EximReject(ReadOnlySpan<char> line, ref LogLineFields f)
    {
        f.Format = MailLogFormat.Exim;
        f.Source = DiagnosisSource.SubmissionSession;
        int rcpt = line.IndexOf(" rejected RCPT ", StringComparison.Ordinal);
        int at = rcpt >= 0 ? rcpt : line.IndexOf(" rejected MAIL ", StringComparison.Ordinal);
        f.Stage = rcpt >= 0 ? SmtpStage.Rcpt : SmtpStage.Mail;
        var head = line[..at];
        int host = head.IndexOf("H=", StringComparison.Ordinal);
        if (host >= 0)
            EximHost(head[(host + 2)..], ref f);

        int sender = head.IndexOf(" F=<", StringComparison.Ordinal);
        if (sender >= 0)
            f.Sender = Bracketed(head[(sender + 3)..]);
        var rest = line[(at + 15)..];
        var address = Bracketed(rest);
        if (rcpt >= 0)
            f.Recipient = address;
        else if (f.Sender.IsEmpty)
            f.Sender = address;
        f.Text = AfterColon(rest);
        return true;
    }

    // "… sm-mta[1]: 4AB12C: to=<bob@example.org>, delay=00:00:01, mailer=esmtp, relay=mx.example.org. [192.0.2.1], dsn=5.1.1, stat=User unknown"
    private static bool SendmailStatus(ReadOnlySpan<char> line, ref LogLineFields f)
    {
        f.Format = MailLogFormat.Sendmail;
        f.Source = DiagnosisSource.RemoteServer;
        int stat = line.IndexOf(", stat=", StringComparison.Ordinal);
        if (stat < 0)
            return false;
        f.Text = line[(stat + 7)..];
        Delivery(line, ref f);
        f.Deferred = f.DsnCode is { Class: 4 };
        return true;
    }

    // "… ruleset=check_rcpt, arg1=<bob@example.org>, relay=host.example [192.0.2.5], reject=550 5.7.1 <bob@example.org>... Relaying denied"
    private static bool SendmailReject(ReadOnlySpan<char> line, ref LogLineFields f)
    {
        f.Format = MailLogFormat.Sendmail;
        f.Source = DiagnosisSource.SubmissionSession;
        int reject = line.IndexOf(", reject=", StringComparison.Ordinal);
        f.Text = line[(reject + 9)..];
        var ruleset = Field(line, "ruleset=");
        f.Stage = ruleset switch
        {
            "check_rcpt" => SmtpStage.Rcpt,
            "check_mail" => SmtpStage.Mail,
            "check_relay" => SmtpStage.Connect,
            _ => SmtpStage.Unknown,
        };
        var arg = Bracketed(Field(line, "arg1="));
        if (f.Stage == SmtpStage.Mail)
            f.Sender = arg;
        else if (f.Stage == SmtpStage.Rcpt)
            f.Recipient = arg;
        SplitHost(Field(line, "relay="), ref f);
        return true;
    }

    // Postfix and Sendmail delivery lines: "QUEUEID: to=<x>, …, relay=host[ip]…, dsn=x.y.z, …" (Sendmail may omit the brackets).
    private static void Delivery(ReadOnlySpan<char> line, ref LogLineFields f)
    {
        int to = line.IndexOf(": to=", StringComparison.Ordinal);
        if (to > 0)
        {
            f.QueueId = TokenBefore(line, to);
            var recipient = line[(to + 5)..];
            f.Recipient = recipient.StartsWith('<') ? Bracketed(recipient) : recipient[..Math.Max(0, recipient.IndexOf(','))];
        }

        SplitHost(Field(line, "relay="), ref f);
        f.DsnCode = Dsn(line);
    }

    // Exim: "mx.example.org [192.0.2.4]…" or "(helo.example) [192.0.2.5]:54321 …"; a name in parentheses is only the HELO.
    private static void EximHost(ReadOnlySpan<char> value, ref LogLineFields f)
    {
        int end = value.IndexOf(' ');
        var name = end < 0 ? value : value[..end];
        if (!name.StartsWith('('))
            f.RemoteHost = name.TrimEnd(':');
        int lb = value.IndexOf('[');
        int rb = value.IndexOf(']');
        if (lb >= 0 && rb > lb)
            f.RemoteAddress = value[(lb + 1)..rb];
    }

    private static SmtpStage StageOf(ReadOnlySpan<char> command) =>
        command.StartsWith("RCPT", StringComparison.Ordinal) ? SmtpStage.Rcpt :
        command.StartsWith("MAIL", StringComparison.Ordinal) ? SmtpStage.Mail :
        command.StartsWith("END-OF-MESSAGE", StringComparison.Ordinal) ? SmtpStage.EndOfData :
        command.StartsWith("DATA", StringComparison.Ordinal) || command.StartsWith("BDAT", StringComparison.Ordinal) ? SmtpStage.Data :
        command.StartsWith("CONNECT", StringComparison.Ordinal) ? SmtpStage.Connect :
        command.StartsWith("EHLO", StringComparison.Ordinal) || command.StartsWith("HELO", StringComparison.Ordinal) ? SmtpStage.Ehlo :
        command.StartsWith("STARTTLS", StringComparison.Ordinal) ? SmtpStage.StartTls :
        command.StartsWith("AUTH", StringComparison.Ordinal) ? SmtpStage.Auth :
        SmtpStage.Unknown;

    // "name=value, …": the value up to the next ", ".
    private static ReadOnlySpan<char> Field(ReadOnlySpan<char> line, string name)
    {
        int at = line.IndexOf(name, StringComparison.Ordinal);
        if (at < 0)
            return default;
        var value = line[(at + name.Length)..];
        int comma = value.IndexOf(", ", StringComparison.Ordinal);
        return comma < 0 ? value : value[..comma];
    }

    // "mx.example.org[192.0.2.1]:25", "mx.example.org. [192.0.2.1]", "unknown[192.0.2.5]", "none"
    private static void SplitHost(ReadOnlySpan<char> value, ref LogLineFields f)
    {
        if (value.IsEmpty || value.SequenceEqual("none"))
            return;
        int lb = value.IndexOf('[');
        int rb = value.IndexOf(']');
        var host = (lb < 0 ? value : value[..lb]).Trim().TrimEnd('.');
        if (!host.IsEmpty && !host.SequenceEqual("unknown"))
            f.RemoteHost = host;
        if (lb >= 0 && rb > lb)
            f.RemoteAddress = value[(lb + 1)..rb];
    }

    // Exim puts the reason after the address and a ": "; a line without one keeps all of it.
    private static ReadOnlySpan<char> AfterColon(ReadOnlySpan<char> value)
    {
        int colon = value.IndexOf(": ", StringComparison.Ordinal);
        return colon >= 0 ? value[(colon + 2)..] : value;
    }

    private static ReadOnlySpan<char> Bracketed(ReadOnlySpan<char> value)
    {
        if (!value.StartsWith('<'))
            return default;
        int close = value.IndexOf('>');
        return close > 0 ? value[1..close] : default;
    }

    private static ReadOnlySpan<char> TokenBefore(ReadOnlySpan<char> line, int end)
    {
        if (end <= 0)
            return default;
        int start = line[..end].LastIndexOf(' ') + 1;
        return line[start..end];
    }

    private static EnhancedStatusCode? Dsn(ReadOnlySpan<char> line) =>
        EnhancedStatusCode.TryParse(Field(line, "dsn="), out var code) ? code : null;
}
