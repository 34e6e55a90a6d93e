using System.Collections.Generic;
using static SmtpRelayClassifier.FailureCause;
using static SmtpRelayClassifier.FailureRemedy;
using static SmtpRelayClassifier.SmtpFailureKind;

namespace SmtpRelayClassifier.Rules;

/// <summary>Generic wording of protocol errors, connection and transport failures, and the weakest wording, tried last.</summary>
internal static partial class GenericPhraseRules
{
    // Declared after the other generic rules and concatenated after them: the order inside a tier is kept.
    private static IEnumerable<SmtpFailureRule> ProtocolAndTransport =>
    [
        new() { Id = "generic.protocol-error", Tier = RuleTier.Phrase, Kind = ProtocolError,
            AnyPhrase = ["syntax error", "command unrecognized", "command unrecognised", "unrecognized command", "unrecognised command",
                "command not recognized", "unknown command", "invalid command", "bad sequence of commands", "bad command sequence",
                "out of sequence", "command not implemented", "not implemented", "parameter not implemented", "line too long",
                "send helo first", "send ehlo first", "helo first", "ehlo first", "need mail command", "need rcpt command",
                "nested mail command", "bad syntax", "invalid syntax", "syntax:", "parameter syntax", "invalid param", "rcpt param", "mail param"],
            Causes = [ClientProtocolViolation], Remedies = [FixClientSoftware] },
        // The client broke the protocol's rules; a 4xx here ends the session and a new one may go through, so the code decides.
        new() { Id = "generic.protocol-violation", Tier = RuleTier.Phrase, Kind = ProtocolError, Transience = Transience.ByCodeClass,
            AnyPhrase = ["must precede data", "synchronization error", "nonmail commands", "command too long", "bad commands", "too many errors",
                "protocol violation", "bad protocol", "bare line-feed", "bare lf", "stray newline", "parse error", "unbalanced", "prescan",
                "smtputf8 is required", "requires smtputf8", "bare newline", "barelf", "before smtp greeting", "before greeting", "talk too soon",
                "invalid base64", "already logged in", "already authenticated", "already encrypted", "invalid response", "http request",
                "line is too long", "already in tls", "already successfully executed", "identity changes", "no recipients specified",
                "no valid recipients", "should be a fqdn", "fqdn or address literal", "invalid arguments", "support is disabled",
                "invalid proxy", "proxy protocol", "proxy header",
                "erreur de syntaxe", "syntaxfehler", "error de sintaxis", "errore di sintassi", "erro de sintaxe", "синтаксическая ошибка", "语法错误"],
            Causes = [ClientProtocolViolation], Remedies = [FixClientSoftware] },

        // The server hung up on a client that sent nothing for too long: a dropped session, even under a 221 or a 421.
        new() { Id = "generic.idle-disconnect", Tier = RuleTier.Phrase, Kind = ConnectionFailed, Transience = Transience.Always,
            AnyPhrase = ["idle timeout", "inactive client", "inactivity timeout", "disconnected for inactivity", "idle too long",
                "idle for too long", "timeout waiting for client input"],
            Causes = [ConnectionDropped], Remedies = [RetryLater] },
        // A count of recipients over the server's limit ("550 I don't take more than 20 RCPTs"): a rate, not the recipients themselves.
        new() { Id = "generic.recipient-count", Tier = RuleTier.Phrase, Kind = RateLimited, Transience = Transience.Always,
            AllPhrases = ["more than"], AnyPhrase = ["rcpts", "recipients"], NotPhrases = ["more than one", "bounce"],
            Causes = [RateLimitExceeded], Remedies = [ReduceSendingRate] },
        // XCLIENT and XFORWARD are proxy-to-server commands: refused, they say the client used a command it may not use.
        new() { Id = "generic.xclient-refused", Tier = RuleTier.Phrase, Kind = ProtocolError, Transience = Transience.Never,
            AnyPhrase = ["xclient", "xforward"], Causes = [ClientProtocolViolation], Remedies = [FixClientSoftware] },
        // An MX is reached on port 25: a connection to it that times out is, first of all, a network that blocks outbound port 25.
        new() { Id = "generic.port-25-timeout", Tier = RuleTier.Phrase, Kind = ConnectionFailed, Transience = Transience.Always,
            AnyPhrase = [":25: connection timed out", ":25: operation timed out", "port 25 timed out", "port 25: connection timed out"],
            Causes = [OutboundPort25Blocked, ConnectionTimedOut], Remedies = [UseSubmissionPortInsteadOf25, AuthenticateOnSubmissionPort] },
        new() { Id = "generic.mx-connect-timeout", Tier = RuleTier.Phrase, Kind = ConnectionFailed, Transience = Transience.Always,
            AllPhrases = ["timed out"], AnyPhrase = ["connecting to mx server", "connection to mx server", "connect to mx server"],
            Causes = [OutboundPort25Blocked, ConnectionTimedOut], Remedies = [UseSubmissionPortInsteadOf25, AuthenticateOnSubmissionPort] },
        new() { Id = "generic.null-mx", Tier = RuleTier.Phrase, Kind = ServiceUnavailable,
            AnyPhrase = ["null mx", "does not accept mail", "domain does not accept"], Causes = [RecipientDomainMissing],
            Remedies = [VerifyRecipientAddress], Responsible = ResponsibleParty.RecipientSide, Transience = Transience.Never },
        // "554 Blocked - see …", "521 <192.0.2.10> is blocked": blocked, said of nothing else, at the envelope or before it, is the client.
        new() { Id = "generic.blocked", Tier = RuleTier.WeakPhrase, Kind = ClientBlocked, Transience = Transience.ByCodeClass,
            Stages = [SmtpStage.Connect, SmtpStage.Ehlo, SmtpStage.Mail, SmtpStage.Rcpt], AnyPhrase = ["blocked", "banned"],
            NotPhrases = ["recipient", "mailbox", "message", "content", "attachment", "url", "sender", "account", "user", "envelope",
                "from address", "mail from", "mailfrom"],
            Causes = [ClientOnBlockList, PoorReputation], Remedies = [RequestBlockListRemoval, ContactMailAdministrator],
            Confidence = DiagnosisConfidence.Medium },
        // "504 5.7.0 Sorry, NOTIFY not supported": an extension or parameter the server does not offer.
        new() { Id = "generic.not-supported", Tier = RuleTier.WeakPhrase, Kind = ProtocolError, AnyPhrase = ["not supported", "unsupported"],
            NotPhrases = ["tls", "ssl", "auth", "mechanism"], Causes = [ClientProtocolViolation], Remedies = [FixClientSoftware],
            Confidence = DiagnosisConfidence.Medium },
        new() { Id = "generic.service-unavailable", Tier = RuleTier.WeakPhrase, Kind = ServiceUnavailable, Transience = Transience.ByCodeClass,
            AnyPhrase = ["no smtp service here", "service not available", "service unavailable", "temporarily unavailable",
                "shutting down", "local error", "local data error", "local problem", "internal error", "server error", "system error", "system not accepting",
                "not accepting network messages", "insufficient system storage", "insufficient storage", "disk full", "out of disk",
                "queue file write error", "mail system full", "server busy", "server is busy", "too busy", "resources temporarily",
                "configuration error", "misconfigured", "loops back to myself",
                "temporary lookup failure", "temporary failure", "maildir", "home directory", "try again later", "try later", "please retry", "load is too high",
                "load too high", "internal failure", "out of memory", "queue unavailable", "database temporary error", "database error",
                "resource unavailable", "mail transport unavailable", "unable to queue", "database down", "database is down", "database unavailable", "server closing connection", "service indisponible",
                "dienst nicht verfügbar", "servicio no disponible", "servizio non disponibile", "serviço indisponível", "сервис недоступен", "is busy",
                "服务不可用", "系统繁忙"] },
        new() { Id = "generic.connection-failed", Tier = RuleTier.WeakPhrase, Kind = ConnectionFailed, Transience = Transience.Always,
            AnyPhrase = ["connection timed out", "connection refused", "lost connection", "connection reset", "connection dropped",
                "unexpectedly disconnected", "unexpectedly terminated", "closed connection", "connection closed", "no route to host",
                "network is unreachable", "host not found", "timeout exceeded", "timed out", "conversation with", "command timeout",
                "connection timeout", "timeout waiting", "timeout", "delivery timeout", "lost incoming connection", "greeting failed", "no welcome message",
                "network error when connecting", "cannot assign requested address", "connection expired", "unexpected end of file",
                "establish an smtp connection", "in the queue too long", "retry timeout exceeded",
                "could not connect", "couldn't connect", "can't connect", "cannot connect", "unable to connect", "failed to connect",
                "unknown smtp host", "unknown host", "host was not found", "to smtp host", "unexpectedly closed", "connection was closed",
                "connection failure", "unreachable host", "host unreachable", "dns resolv", "dns query", "reading response",
                "without delivery", "délai dépassé", "zeitüberschreitung",
                "tiempo de espera agotado", "tempo scaduto", "tempo esgotado", "время ожидания истекло", "连接超时", "タイムアウト"] },
        new() { Id = "generic.connection-broken", Tier = RuleTier.WeakPhrase, Kind = ConnectionFailed, Transience = Transience.Always,
            AllPhrases = ["connection"], AnyPhrase = ["is broken", "was broken", "broken pipe"] },
        new() { Id = "generic.message-too-large-weak", Tier = RuleTier.WeakPhrase, Kind = MessageTooLarge,
            AnyPhrase = ["too large", "too big"] },
        new() { Id = "generic.policy", Tier = RuleTier.WeakPhrase, Kind = MessageRejected, Transience = Transience.ByCodeClass,
            AnyPhrase = ["policy", "suspicious", "not accepted", "rejected for"], Stages = Stages.Content,
            Causes = [ContentPolicy], Remedies = [ReviewMessageContent] },
    ];
}
