using System;
using System.Collections.Generic;
using System.Globalization;
using SmtpRelayClassifier.Scanning;

namespace SmtpRelayClassifier.Cli;

/// <summary>
/// The tool's own words in the text output, in the language of the explanations (<c>--lang</c>): the input line, the
/// Outlook dialog's fields and the scan summary. The diagnosis's facts come from the library's explanation. JSON keeps
/// the contract's English names and never uses these.
/// </summary>
internal sealed record TextLabels(
    string Code,
    string Input,
    string DialogHeading,
    string DialogFrench,
    string DialogEnglish,
    string Message,
    string RejectedAddress,
    string Subject,
    string Account,
    string Server,
    string Protocol,
    string ServerResponse,
    string Port,
    string Secure,
    string ServerError,
    string SocketError,
    string ErrorNumber,
    string Yes,
    string No,
    string Failures,
    string ByKind,
    string RelayBlocksByHost,
    string UnknownHost,
    string None,
    string TopRules,
    string InputsNotRead,
    string SkippedWhileReading,
    string ByAction,
    string ByBlockList,
    string ByRemoteHost,
    string ByRecipientDomain,
    string RelayBlocksByClientHost,
    string NotFailures,
    string ByReportType,
    IReadOnlyDictionary<SkipReason, string> SkipReasons,
    DiagnosisLabels Diagnosis)
{
    private static readonly TextLabels English = new(
        "en", "Input", "Outlook error dialog ({0})", "French", "English", "Message", "Rejected address", "Subject", "Account", "Server",
        "Protocol", "Server response", "Port", "Secure (SSL)", "Server error", "Socket error", "Error number", "yes", "no",
        "Failures: {0}, of which relay blocks: {1}", "By kind", "Relay blocks by remote host", "(unknown host)", "(none)", "Top rules",
        "Inputs not read: {0}", "Skipped while reading",
        "By recipient action", "By block list", "By remote host (top 20)", "By recipient domain (top 20)", "Relay blocks by client host",
        "Not failures (counted apart): {0}", "By report type",
        new Dictionary<SkipReason, string>
        {
            [SkipReason.LineTooLong] = "line too long",
            [SkipReason.CorruptCompressedData] = "corrupt compressed data",
            [SkipReason.MessageTooLarge] = "message too large",
            [SkipReason.HeaderTooLong] = "header too long",
            [SkipReason.UnreadableMessage] = "unreadable message",
            [SkipReason.BeforeSince] = "before --since",
            [SkipReason.AtOrAfterUntil] = "at or after --until",
        },
        DiagnosisLabels.English);

    private static readonly TextLabels French = new(
        "fr", "Entrée", "Boîte de dialogue d'erreur Outlook ({0})", "français", "anglais", "Message", "Adresse refusée", "Objet", "Compte", "Serveur",
        "Protocole", "Réponse du serveur", "Port", "Sécurisé (SSL)", "Erreur du serveur", "Erreur de socket", "Numéro d'erreur", "oui", "non",
        "Échecs\u00A0: {0}, dont blocages de relais\u00A0: {1}", "Par nature", "Blocages de relais par hôte distant", "(hôte inconnu)", "(aucun)",
        "Règles les plus fréquentes", "Entrées non lues\u00A0: {0}", "Ignoré à la lecture",
        "Par action sur le destinataire", "Par liste de blocage", "Par hôte distant (20 premiers)", "Par domaine du destinataire (20 premiers)",
        "Blocages de relais par hôte client", "Pas des échecs (comptés à part)\u00A0: {0}", "Par type de rapport",
        new Dictionary<SkipReason, string>
        {
            [SkipReason.LineTooLong] = "ligne trop longue",
            [SkipReason.CorruptCompressedData] = "données compressées corrompues",
            [SkipReason.MessageTooLarge] = "message trop volumineux",
            [SkipReason.HeaderTooLong] = "en-tête trop long",
            [SkipReason.UnreadableMessage] = "message illisible",
            [SkipReason.BeforeSince] = "avant --since",
            [SkipReason.AtOrAfterUntil] = "à partir de --until",
        },
        DiagnosisLabels.French);

    private static readonly TextLabels German = new(
        "de", "Eingabe", "Outlook-Fehlerdialog ({0})", "Französisch", "Englisch", "Meldung", "Abgelehnte Adresse", "Betreff", "Konto", "Server",
        "Protokoll", "Serverantwort", "Port", "Sicher (SSL)", "Serverfehler", "Socketfehler", "Fehlernummer", "ja", "nein",
        "Fehlschläge: {0}, davon Relay-Sperren: {1}", "Nach Art", "Relay-Sperren nach entferntem Host", "(unbekannter Host)", "(keine)",
        "Häufigste Regeln", "Nicht gelesene Eingaben: {0}", "Beim Lesen übersprungen",
        "Nach Empfängeraktion", "Nach Sperrliste", "Nach entferntem Host (Top 20)", "Nach Empfängerdomain (Top 20)", "Relay-Sperren nach Client-Host",
        "Keine Fehlschläge (getrennt gezählt): {0}", "Nach Berichtsart",
        new Dictionary<SkipReason, string>
        {
            [SkipReason.LineTooLong] = "Zeile zu lang",
            [SkipReason.CorruptCompressedData] = "beschädigte komprimierte Daten",
            [SkipReason.MessageTooLarge] = "Nachricht zu groß",
            [SkipReason.HeaderTooLong] = "Kopfzeile zu lang",
            [SkipReason.UnreadableMessage] = "unlesbare Nachricht",
            [SkipReason.BeforeSince] = "vor --since",
            [SkipReason.AtOrAfterUntil] = "ab --until",
        },
        DiagnosisLabels.German);

    private static readonly TextLabels Spanish = new(
        "es", "Entrada", "Cuadro de diálogo de error de Outlook ({0})", "francés", "inglés", "Mensaje", "Dirección rechazada", "Asunto", "Cuenta", "Servidor",
        "Protocolo", "Respuesta del servidor", "Puerto", "Seguro (SSL)", "Error del servidor", "Error de socket", "Número de error", "sí", "no",
        "Fallos: {0}, de ellos bloqueos de retransmisión: {1}", "Por tipo", "Bloqueos de retransmisión por host remoto", "(host desconocido)", "(ninguno)",
        "Reglas más frecuentes", "Entradas no leídas: {0}", "Omitido al leer",
        "Por acción sobre el destinatario", "Por lista de bloqueo", "Por host remoto (los 20 primeros)", "Por dominio del destinatario (los 20 primeros)",
        "Bloqueos de retransmisión por host cliente", "No son fallos (contados aparte): {0}", "Por tipo de informe",
        new Dictionary<SkipReason, string>
        {
            [SkipReason.LineTooLong] = "línea demasiado larga",
            [SkipReason.CorruptCompressedData] = "datos comprimidos dañados",
            [SkipReason.MessageTooLarge] = "mensaje demasiado grande",
            [SkipReason.HeaderTooLong] = "encabezado demasiado largo",
            [SkipReason.UnreadableMessage] = "mensaje ilegible",
            [SkipReason.BeforeSince] = "antes de --since",
            [SkipReason.AtOrAfterUntil] = "desde --until",
        },
        DiagnosisLabels.Spanish);

    /// <summary>The colon after a label: French puts a no-break space before it.</summary>
    public string Colon => Code == "fr" ? "\u00A0:" : ":";

    /// <summary>Every language the tool's words are written in, English first.</summary>
    internal static IReadOnlyList<TextLabels> All { get; } = [English, French, German, Spanish];

    /// <summary>The labels for a culture, matched by language as the explainer matches it; English when none fits.</summary>
    public static TextLabels For(CultureInfo culture)
    {
        for (var c = culture; !string.IsNullOrEmpty(c.Name); c = c.Parent)
        {
            foreach (var labels in All)
            {
                if (string.Equals(c.TwoLetterISOLanguageName, labels.Code, StringComparison.OrdinalIgnoreCase))
                    return labels;
            }
        }

        return English;
    }
}
