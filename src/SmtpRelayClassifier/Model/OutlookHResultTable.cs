using System.Collections.Frozen;
using System.Collections.Generic;
using static SmtpRelayClassifier.SmtpFailureKind;
using static SmtpRelayClassifier.SmtpStage;

namespace SmtpRelayClassifier;

/// <summary>One known Outlook transport error number: its name, meaning, the command it reports and what it means alone.</summary>
internal sealed record OutlookHResultInfo(
    uint Value,
    string Name,
    string Description,
    SmtpStage Stage,
    SmtpFailureKind Kind,
    int ImpliedReplyCode = 0,
    bool IsSuccess = false);

/// <summary>
/// The Internet transport error numbers (IMNXPORT, facility 12). 0xCC00–0xCC1A and 0xCC60–0xCC7F are defined in
/// Wine's public include/imnxport.idl; the Winsock, POP3, NNTP, RAS, IMAP and HTTPMail ranges come from the Windows
/// SDK's imnxport.h and are corroborated by public dialogs; 0x800CCC80 and 0x8004210x are documented outside the
/// header (Microsoft Learn; third-party pages). An HRESULT names the command that failed, not the server's reason:
/// the kind given here is what the number says when no server response comes with it.
/// </summary>
internal static class OutlookHResultTable
{
    private static readonly FrozenDictionary<uint, OutlookHResultInfo> Table = Build().ToFrozenDictionary(i => i.Value);

    public static bool TryGet(uint value, out OutlookHResultInfo info) => Table.TryGetValue(value, out info!);

    public static IEnumerable<OutlookHResultInfo> All => Table.Values;

    private static IEnumerable<OutlookHResultInfo> Build()
    {
        const uint E = 0x800C0000, S = 0x000C0000;

        // Transport (Wine imnxport.idl).
        yield return new(E | 0xCC00, "IXP_E_LOAD_SICILY_FAILED", "The Secure Password Authentication (SPA/NTLM) package could not be loaded.", Auth, AuthenticationFailed);
        yield return new(E | 0xCC01, "IXP_E_INVALID_CERT_CN", "The server's certificate was issued for another host name.", StartTls, TlsFailed);
        yield return new(E | 0xCC02, "IXP_E_INVALID_CERT_DATE", "The server's certificate has expired or is not yet valid.", StartTls, TlsFailed);
        yield return new(E | 0xCC03, "IXP_E_ALREADY_CONNECTED", "The transport is already connected.", SmtpStage.Unknown, ProtocolError);
        yield return new(E | 0xCC04, "IXP_E_CONN", "The connection failed.", Connect, ConnectionFailed);
        yield return new(E | 0xCC05, "IXP_E_NOT_CONNECTED", "The operation needs a connection and there is none.", Connect, ConnectionFailed);
        yield return new(E | 0xCC06, "IXP_E_CONN_SEND", "Sending on the connection failed.", SmtpStage.Unknown, ConnectionFailed);
        yield return new(E | 0xCC07, "IXP_E_WOULD_BLOCK", "The operation would block.", SmtpStage.Unknown, SmtpFailureKind.Unknown);
        yield return new(E | 0xCC08, "IXP_E_INVALID_STATE", "The transport is in the wrong state for this operation.", SmtpStage.Unknown, ProtocolError);
        yield return new(E | 0xCC09, "IXP_E_CONN_RECV", "Receiving on the connection failed.", SmtpStage.Unknown, ConnectionFailed);
        yield return new(E | 0xCC0A, "IXP_E_INCOMPLETE", "The data or the operation was incomplete.", SmtpStage.Unknown, SmtpFailureKind.Unknown);
        yield return new(E | 0xCC0B, "IXP_E_BUSY", "The transport is busy.", SmtpStage.Unknown, SmtpFailureKind.Unknown);
        yield return new(E | 0xCC0C, "IXP_E_NOT_INIT", "The transport was not initialised.", SmtpStage.Unknown, SmtpFailureKind.Unknown);
        yield return new(E | 0xCC0D, "IXP_E_CANT_FIND_HOST", "The server's host name could not be resolved.", Connect, ConnectionFailed);
        yield return new(E | 0xCC0E, "IXP_E_FAILED_TO_CONNECT", "The TCP connection to the server failed (refused or timed out).", Connect, ConnectionFailed);
        yield return new(E | 0xCC0F, "IXP_E_CONNECTION_DROPPED", "The server closed the connection unexpectedly.", SmtpStage.Unknown, ConnectionFailed);
        yield return new(E | 0xCC10, "IXP_E_INVALID_ADDRESS", "An address was not recognised.", SmtpStage.Unknown, ProtocolError);
        yield return new(E | 0xCC11, "IXP_E_INVALID_ADDRESS_LIST", "An address list was not recognised.", SmtpStage.Unknown, ProtocolError);
        yield return new(E | 0xCC12, "IXP_E_SOCKET_READ_ERROR", "Reading from the socket failed.", SmtpStage.Unknown, ConnectionFailed);
        yield return new(E | 0xCC13, "IXP_E_SOCKET_WRITE_ERROR", "Writing to the socket failed.", SmtpStage.Unknown, ConnectionFailed);
        yield return new(E | 0xCC14, "IXP_E_SOCKET_INIT_ERROR", "The socket could not be initialised.", Connect, ConnectionFailed);
        yield return new(E | 0xCC15, "IXP_E_SOCKET_CONNECT_ERROR", "The socket could not connect.", Connect, ConnectionFailed);
        yield return new(E | 0xCC16, "IXP_E_INVALID_ACCOUNT", "The account or user name is not valid.", Auth, AuthenticationFailed);
        yield return new(E | 0xCC17, "IXP_E_USER_CANCEL", "The user cancelled the operation.", SmtpStage.Unknown, SmtpFailureKind.Unknown);
        yield return new(E | 0xCC18, "IXP_E_SICILY_LOGON_FAILED", "The Secure Password Authentication (SPA) logon failed.", Auth, AuthenticationFailed);
        yield return new(E | 0xCC19, "IXP_E_TIMEOUT", "The server did not answer in time.", SmtpStage.Unknown, ConnectionFailed);
        yield return new(E | 0xCC1A, "IXP_E_SECURE_CONNECT_FAILED", "The SSL/TLS connection could not be set up.", StartTls, TlsFailed);

        // HTTPMail (SDK header; 0x800CCC33 and 0x800CCC3C corroborated by Outlook dialogs).
        string[] http =
        [
            "IXP_E_HTTP_USE_PROXY", "IXP_E_HTTP_BAD_REQUEST", "IXP_E_HTTP_UNAUTHORIZED", "IXP_E_HTTP_FORBIDDEN",
            "IXP_E_HTTP_NOT_FOUND", "IXP_E_HTTP_METHOD_NOT_ALLOW", "IXP_E_HTTP_NOT_ACCEPTABLE", "IXP_E_HTTP_PROXY_AUTH_REQ",
            "IXP_E_HTTP_REQUEST_TIMEOUT", "IXP_E_HTTP_CONFLICT", "IXP_E_HTTP_GONE", "IXP_E_HTTP_LENGTH_REQUIRED",
            "IXP_E_HTTP_PRECOND_FAILED", "IXP_E_HTTP_SERVER_ERROR", "IXP_E_HTTP_NOT_IMPLEMENTED", "IXP_E_HTTP_BAD_GATEWAY",
        ];
        int[] httpStatus = [305, 400, 401, 403, 404, 405, 406, 407, 408, 409, 410, 411, 412, 500, 501, 502];
        for (int i = 0; i < http.Length; i++)
        {
            var kind = httpStatus[i] switch { 401 or 407 => AuthenticationFailed, 408 => ConnectionFailed, >= 500 => ServiceUnavailable, _ => SmtpFailureKind.Unknown };
            yield return new(E | (uint)(0xCC30 + i), http[i], $"An HTTPMail (Hotmail DAV) request failed with HTTP status {httpStatus[i]}.", SmtpStage.Unknown, kind);
        }

        yield return new(E | 0xCCF0, "IXP_E_HTTP_SERVICE_UNAVAIL", "An HTTPMail request failed with HTTP status 503.", SmtpStage.Unknown, ServiceUnavailable);
        yield return new(E | 0xCCF1, "IXP_E_HTTP_GATEWAY_TIMEOUT", "An HTTPMail request failed with HTTP status 504.", SmtpStage.Unknown, ServiceUnavailable);
        yield return new(E | 0xCCF2, "IXP_E_HTTP_VERS_NOT_SUP", "An HTTPMail request failed with HTTP status 505.", SmtpStage.Unknown, ProtocolError);
        yield return new(E | 0xCCF3, "IXP_E_HTTP_INSUFFICIENT_STORAGE", "An HTTPMail request failed: insufficient storage (HTTP 425/507).", SmtpStage.Unknown, MailboxFull);
        yield return new(E | 0xCCF4, "IXP_E_HTTP_ROOT_PROP_NOT_FOUND", "The HTTPMail root property was not found.", SmtpStage.Unknown, SmtpFailureKind.Unknown);

        // Winsock start-up (SDK header).
        yield return new(E | 0xCC40, "IXP_E_WINSOCK_WSASYSNOTREADY", "The network subsystem is not ready.", Connect, ConnectionFailed);
        yield return new(E | 0xCC41, "IXP_E_WINSOCK_WSAVERNOTSUPPORTED", "The Winsock version is not supported.", Connect, ConnectionFailed);
        yield return new(E | 0xCC42, "IXP_E_WINSOCK_WSAEPROCLIM", "Too many processes are using Winsock.", Connect, ConnectionFailed);
        yield return new(E | 0xCC43, "IXP_E_WINSOCK_WSAEFAULT", "Winsock reported a bad address.", Connect, ConnectionFailed);
        yield return new(E | 0xCC44, "IXP_E_WINSOCK_FAILED_WSASTARTUP", "Winsock could not be started.", Connect, ConnectionFailed);
        yield return new(E | 0xCC45, "IXP_E_WINSOCK_WSAEINPROGRESS", "A blocking Winsock operation is in progress.", Connect, ConnectionFailed);

        // SMTP (Wine imnxport.idl).
        yield return new(E | 0xCC60, "IXP_E_SMTP_RESPONSE_ERROR", "The SMTP server answered with an error.", SmtpStage.Unknown, SmtpFailureKind.Unknown);
        yield return new(E | 0xCC61, "IXP_E_SMTP_UNKNOWN_RESPONSE_CODE", "The SMTP server answered with a reply code the client does not understand.", SmtpStage.Unknown, ProtocolError);
        yield return new(E | 0xCC62, "IXP_E_SMTP_500_SYNTAX_ERROR", "The SMTP server answered 500: syntax error, command unrecognised.", SmtpStage.Unknown, ProtocolError, 500);
        yield return new(E | 0xCC63, "IXP_E_SMTP_501_PARAM_SYNTAX", "The SMTP server answered 501: syntax error in parameters.", SmtpStage.Unknown, ProtocolError, 501);
        yield return new(E | 0xCC64, "IXP_E_SMTP_502_COMMAND_NOTIMPL", "The SMTP server answered 502: command not implemented.", SmtpStage.Unknown, ProtocolError, 502);
        yield return new(E | 0xCC65, "IXP_E_SMTP_503_COMMAND_SEQ", "The SMTP server answered 503: bad sequence of commands.", SmtpStage.Unknown, ProtocolError, 503);
        yield return new(E | 0xCC66, "IXP_E_SMTP_504_COMMAND_PARAM_NOTIMPL", "The SMTP server answered 504: command parameter not implemented.", SmtpStage.Unknown, ProtocolError, 504);
        yield return new(E | 0xCC67, "IXP_E_SMTP_421_NOT_AVAILABLE", "The SMTP server answered 421: service not available.", SmtpStage.Unknown, ServiceUnavailable, 421);
        yield return new(E | 0xCC68, "IXP_E_SMTP_450_MAILBOX_BUSY", "The SMTP server answered 450: mailbox unavailable for now.", SmtpStage.Unknown, SmtpFailureKind.Unknown, 450);
        yield return new(E | 0xCC69, "IXP_E_SMTP_550_MAILBOX_NOT_FOUND", "The SMTP server answered 550: mailbox unavailable or command refused by policy.", SmtpStage.Unknown, SmtpFailureKind.Unknown, 550);
        yield return new(E | 0xCC6A, "IXP_E_SMTP_451_ERROR_PROCESSING", "The SMTP server answered 451: local error in processing.", SmtpStage.Unknown, ServiceUnavailable, 451);
        yield return new(E | 0xCC6B, "IXP_E_SMTP_551_USER_NOT_LOCAL", "The SMTP server answered 551: user not local.", SmtpStage.Unknown, RecipientUnknown, 551);
        yield return new(E | 0xCC6C, "IXP_E_SMTP_452_NO_SYSTEM_STORAGE", "The SMTP server answered 452: insufficient system storage.", SmtpStage.Unknown, ServiceUnavailable, 452);
        yield return new(E | 0xCC6D, "IXP_E_SMTP_552_STORAGE_OVERFLOW", "The SMTP server answered 552: storage allocation exceeded.", SmtpStage.Unknown, MessageTooLarge, 552);
        yield return new(E | 0xCC6E, "IXP_E_SMTP_553_MAILBOX_NAME_SYNTAX", "The SMTP server answered 553: mailbox name not allowed.", SmtpStage.Unknown, SmtpFailureKind.Unknown, 553);
        yield return new(E | 0xCC6F, "IXP_E_SMTP_554_TRANSACT_FAILED", "The SMTP server answered 554: transaction failed.", SmtpStage.Unknown, SmtpFailureKind.Unknown, 554);
        yield return new(S | 0xCC70, "IXP_S_SMTP_211_SYSTEM_STATUS", "Success: 211 system status.", SmtpStage.Unknown, SmtpFailureKind.Unknown, 211, true);
        yield return new(S | 0xCC71, "IXP_S_SMTP_214_HELP_MESSAGE", "Success: 214 help message.", SmtpStage.Unknown, SmtpFailureKind.Unknown, 214, true);
        yield return new(S | 0xCC72, "IXP_S_SMTP_220_READY", "Success: 220 service ready.", Connect, SmtpFailureKind.Unknown, 220, true);
        yield return new(S | 0xCC73, "IXP_S_SMTP_221_CLOSING", "Success: 221 closing the connection.", SmtpStage.Unknown, SmtpFailureKind.Unknown, 221, true);
        yield return new(S | 0xCC74, "IXP_S_SMTP_250_MAIL_ACTION_OKAY", "Success: 250 requested action completed.", SmtpStage.Unknown, SmtpFailureKind.Unknown, 250, true);
        yield return new(S | 0xCC75, "IXP_S_SMTP_251_FORWARDING_MAIL", "Success: 251 user not local, will forward.", SmtpStage.Unknown, SmtpFailureKind.Unknown, 251, true);
        yield return new(S | 0xCC76, "IXP_S_SMTP_354_START_MAIL_INPUT", "Success: 354 start mail input.", Data, SmtpFailureKind.Unknown, 354, true);
        yield return new(S | 0xCC77, "IXP_S_SMTP_CONTINUE", "Success: continue.", SmtpStage.Unknown, SmtpFailureKind.Unknown, 0, true);
        yield return new(S | 0xCC78, "IXP_S_SMTP_334_AUTH_READY_RESPONSE", "Success: 334 authentication challenge.", Auth, SmtpFailureKind.Unknown, 334, true);
        yield return new(S | 0xCC79, "IXP_S_SMTP_245_AUTH_SUCCESS", "Success: authentication succeeded.", Auth, SmtpFailureKind.Unknown, 235, true);
        yield return new(E | 0xCC78, "IXP_E_SMTP_REJECTED_SENDER", "The SMTP server refused the sender's address (MAIL FROM).", Mail, SenderNotAuthorized);
        yield return new(E | 0xCC79, "IXP_E_SMTP_REJECTED_RECIPIENTS", "The SMTP server refused a recipient (RCPT TO); the classic relay-denied error.", Rcpt, RelayDenied);
        yield return new(E | 0xCC7A, "IXP_E_SMTP_NO_SENDER", "No sender address was given.", Mail, ProtocolError);
        yield return new(E | 0xCC7B, "IXP_E_SMTP_NO_RECIPIENTS", "No recipients were given.", Rcpt, ProtocolError);
        yield return new(E | 0xCC7C, "IXP_E_SMTP_530_STARTTLS_REQUIRED", "The SMTP server requires STARTTLS first (530).", SmtpStage.Unknown, TlsRequired, 530);
        yield return new(E | 0xCC7D, "IXP_E_SMTP_NO_STARTTLS_SUPPORT", "The client asked for a secure connection and the SMTP server does not offer STARTTLS.", StartTls, TlsFailed);
        yield return new(E | 0xCC7E, "IXP_E_SMTP_NO_DSN_SUPPORT", "The SMTP server does not support delivery status notifications (DSN).", SmtpStage.Unknown, SmtpFailureKind.Unknown);
        yield return new(E | 0xCC7F, "IXP_E_SMTP_454_STARTTLS_FAILED", "STARTTLS failed: TLS not available (454).", StartTls, TlsFailed, 454);

        // Outside IMNXPORT: Microsoft Learn, "0x800CCC80 error when sending mail from Outlook".
        yield return new(E | 0xCC80, "0x800CCC80", "None of the authentication methods of the client are supported by the server; usually the account is not set to log on before sending.", Auth, AuthenticationFailed);

        // POP3 (SDK header; 0x800CCC90 and 0x800CCC92 corroborated by Outlook dialogs).
        yield return new(E | 0xCC90, "IXP_E_POP3_RESPONSE_ERROR", "The POP3 server answered with an error.", SmtpStage.Unknown, SmtpFailureKind.Unknown);
        yield return new(E | 0xCC91, "IXP_E_POP3_INVALID_USER_NAME", "The POP3 server refused the user name.", Auth, AuthenticationFailed);
        yield return new(E | 0xCC92, "IXP_E_POP3_INVALID_PASSWORD", "The POP3 server refused the password.", Auth, AuthenticationFailed);
        yield return new(E | 0xCC93, "IXP_E_POP3_PARSE_FAILURE", "The POP3 server's answer could not be parsed.", SmtpStage.Unknown, ProtocolError);
        yield return new(E | 0xCC94, "IXP_E_POP3_NEED_STAT", "The POP3 STAT command must be sent first.", SmtpStage.Unknown, ProtocolError);
        yield return new(E | 0xCC95, "IXP_E_POP3_NO_MESSAGES", "The POP3 mailbox holds no messages.", SmtpStage.Unknown, SmtpFailureKind.Unknown);
        yield return new(E | 0xCC96, "IXP_E_POP3_NO_MARKED_MESSAGES", "No POP3 messages are marked.", SmtpStage.Unknown, SmtpFailureKind.Unknown);
        yield return new(E | 0xCC97, "IXP_E_POP3_POPID_OUT_OF_RANGE", "The POP3 message number is out of range.", SmtpStage.Unknown, ProtocolError);

        // NNTP (SDK header).
        string[] nntp =
        [
            "IXP_E_NNTP_RESPONSE_ERROR", "IXP_E_NNTP_NEWGROUPS_FAILED", "IXP_E_NNTP_LIST_FAILED", "IXP_E_NNTP_LISTGROUP_FAILED",
            "IXP_E_NNTP_GROUP_FAILED", "IXP_E_NNTP_GROUP_NOTFOUND", "IXP_E_NNTP_ARTICLE_FAILED", "IXP_E_NNTP_HEAD_FAILED",
            "IXP_E_NNTP_BODY_FAILED", "IXP_E_NNTP_POST_FAILED", "IXP_E_NNTP_NEXT_FAILED", "IXP_E_NNTP_DATE_FAILED",
            "IXP_E_NNTP_HEADERS_FAILED", "IXP_E_NNTP_XHDR_FAILED",
        ];
        for (int i = 0; i < nntp.Length; i++)
            yield return new(E | (uint)(0xCCA0 + i), nntp[i], "A news (NNTP) command failed.", SmtpStage.Unknown, SmtpFailureKind.Unknown);
        yield return new(E | 0xCCAE, "IXP_E_NNTP_INVALID_USERPASS", "The news (NNTP) server refused the user name or password.", Auth, AuthenticationFailed);

        // RAS dial-up (SDK header).
        yield return new(S | 0xCCC0, "IXP_S_RAS_NOT_NEEDED", "Success: no dial-up connection was needed.", SmtpStage.Unknown, SmtpFailureKind.Unknown, 0, true);
        yield return new(S | 0xCCC1, "IXP_S_RAS_USING_CURRENT", "Success: the current dial-up connection is used.", SmtpStage.Unknown, SmtpFailureKind.Unknown, 0, true);
        yield return new(E | 0xCCC2, "IXP_E_RAS_NOT_INSTALLED", "Dial-up networking is not installed.", Connect, ConnectionFailed);
        yield return new(E | 0xCCC3, "IXP_E_RAS_PROCS_NOT_FOUND", "Dial-up networking functions were not found.", Connect, ConnectionFailed);
        yield return new(E | 0xCCC4, "IXP_E_RAS_ERROR", "Dial-up networking failed.", Connect, ConnectionFailed);
        yield return new(E | 0xCCC5, "IXP_E_RAS_INVALID_CONNECTOID", "The dial-up connection entry is not valid.", Connect, ConnectionFailed);
        yield return new(E | 0xCCC6, "IXP_E_RAS_GET_DIAL_PARAMS", "The dial-up parameters could not be read.", Connect, ConnectionFailed);

        // IMAP (SDK header).
        yield return new(S | 0xCCD0, "IXP_S_IMAP_UNRECOGNIZED_RESP", "Success: an IMAP answer was not recognised.", SmtpStage.Unknown, SmtpFailureKind.Unknown, 0, true);
        yield return new(E | 0xCCD1, "IXP_E_IMAP_LOGINFAILURE", "The IMAP server refused the login.", Auth, AuthenticationFailed);
        yield return new(E | 0xCCD2, "IXP_E_IMAP_TAGGED_NO_RESPONSE", "The IMAP server answered NO.", SmtpStage.Unknown, SmtpFailureKind.Unknown);
        yield return new(E | 0xCCD3, "IXP_E_IMAP_BAD_RESPONSE", "The IMAP server answered BAD.", SmtpStage.Unknown, ProtocolError);
        yield return new(E | 0xCCD4, "IXP_E_IMAP_SVR_SYNTAXERR", "The IMAP server's answer had a syntax error.", SmtpStage.Unknown, ProtocolError);
        yield return new(E | 0xCCD5, "IXP_E_IMAP_NOTIMAPSERVER", "The server is not an IMAP server.", Connect, ProtocolError);
        yield return new(E | 0xCCD6, "IXP_E_IMAP_BUFFER_OVERFLOW", "An IMAP buffer overflowed.", SmtpStage.Unknown, ProtocolError);
        yield return new(E | 0xCCD7, "IXP_E_IMAP_RECVR_ERROR", "The IMAP receiver failed.", SmtpStage.Unknown, ProtocolError);
        yield return new(E | 0xCCD8, "IXP_E_IMAP_INCOMPLETE_LINE", "An IMAP line was incomplete.", SmtpStage.Unknown, ProtocolError);
        yield return new(E | 0xCCD9, "IXP_E_IMAP_CONNECTION_REFUSED", "The IMAP server refused the connection.", Connect, ConnectionFailed);
        yield return new(E | 0xCCDA, "IXP_E_IMAP_UNRECOGNIZED_RESP", "An IMAP answer was not recognised.", SmtpStage.Unknown, ProtocolError);
        yield return new(E | 0xCCDB, "IXP_E_IMAP_CHANGEDUID", "The IMAP message's UID changed.", SmtpStage.Unknown, SmtpFailureKind.Unknown);
        yield return new(E | 0xCCDC, "IXP_E_IMAP_UIDORDER", "IMAP UIDs are out of order.", SmtpStage.Unknown, ProtocolError);
        yield return new(E | 0xCCDD, "IXP_E_IMAP_UNSOLICITED_BYE", "The IMAP server closed the session unexpectedly (BYE).", SmtpStage.Unknown, ConnectionFailed);
        yield return new(E | 0xCCDE, "IXP_E_IMAP_IMPROPER_SVRSTATE", "The IMAP server is in the wrong state.", SmtpStage.Unknown, ProtocolError);
        yield return new(E | 0xCCDF, "IXP_E_IMAP_AUTH_NOT_POSSIBLE", "IMAP authentication is not possible.", Auth, AuthenticationFailed);
        yield return new(E | 0xCCE0, "IXP_E_IMAP_OUT_OF_AUTH_METHODS", "Every IMAP authentication method was tried and failed.", Auth, AuthenticationFailed);
        yield return new(S | 0xCCE1, "IXP_S_IMAP_VERBATIM_MBOX", "Success: IMAP mailbox name taken verbatim.", SmtpStage.Unknown, SmtpFailureKind.Unknown, 0, true);

        // Outlook 2002+ send/receive task errors (third-party pages only; meanings unverified).
        yield return new(0x80042108, "0x80042108", "Outlook could not connect to the incoming mail server (third-party description).", Connect, ConnectionFailed);
        yield return new(0x80042109, "0x80042109", "Outlook could not connect to the outgoing (SMTP) server (third-party description).", Connect, ConnectionFailed);
        yield return new(0x8004210B, "0x8004210B", "The operation timed out waiting for the server (third-party description).", SmtpStage.Unknown, ConnectionFailed);
    }
}
