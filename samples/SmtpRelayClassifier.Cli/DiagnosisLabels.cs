using System.Collections.Generic;

namespace SmtpRelayClassifier.Cli;

/// <summary>
/// The tool's words for the diagnosis fields the library's facts leave out (what to do with the recipient, the wait,
/// the block list, the listed item, the help link) and for <c>classify --why</c>, in each language of
/// <see cref="TextLabels"/>. Enum names (kinds, strengths, outcomes in JSON) stay the contract's.
/// </summary>
internal sealed record DiagnosisLabels(
    string RecipientAction,
    IReadOnlyDictionary<SmtpRelayClassifier.RecipientAction, string> RecipientActions,
    string RetryAfter,
    string RetryNamedByServer,
    string RetryKindDefault,
    string BlockList,
    string BlockListValue,
    IReadOnlyDictionary<BlockListKind, string> BlockListKinds,
    string ListedItem,
    string HelpLink,
    string WhyHeading,
    string DecidedBy,
    string Text,
    string Phrases,
    string CodesUsed,
    string ReplyCode,
    string EnhancedCode,
    string Stage,
    string OtherRules,
    string Weaker,
    string TriedLater,
    string ContradictsNote,
    string LowersConfidenceNote,
    IReadOnlyDictionary<RuleCandidateOutcome, string> Outcomes)
{
    /// <summary>English.</summary>
    public static readonly DiagnosisLabels English = new(
        "Recipient action",
        new Dictionary<SmtpRelayClassifier.RecipientAction, string>
        {
            [SmtpRelayClassifier.RecipientAction.Review] = "review the failure before acting",
            [SmtpRelayClassifier.RecipientAction.Suppress] = "stop sending to the address",
            [SmtpRelayClassifier.RecipientAction.RetryLater] = "send again later, unchanged",
            [SmtpRelayClassifier.RecipientAction.RetryFromElsewhere] = "send from another IP address, relay or provider",
            [SmtpRelayClassifier.RecipientAction.FixSenderConfiguration] = "fix the sending side's set-up; the recipient is not at fault",
            [SmtpRelayClassifier.RecipientAction.ReviewContent] = "change the message before sending it again",
            [SmtpRelayClassifier.RecipientAction.None] = "nothing to do",
        },
        "Retry after", "{0}, as the server said {1}", "{0}, the default for this kind",
        "Block list", "{0} (lists {1}); look-up and removal: {2}",
        new Dictionary<BlockListKind, string> { [BlockListKind.Ip] = "IP addresses", [BlockListKind.Domain] = "domains", [BlockListKind.Url] = "the domains of links" },
        "Listed item", "Help link",
        "Why this diagnosis", "Decided by", "Text", "Phrases", "Codes used", "reply code", "enhanced code", "stage", "Other rules weighed",
        "weaker than the deciding {0}", "as strong, but tried after the deciding rule",
        "the strongest contradiction; the confidence stays", "the strongest contradiction: it lowered the confidence",
        new Dictionary<RuleCandidateOutcome, string>
        {
            [RuleCandidateOutcome.Decided] = "decided",
            [RuleCandidateOutcome.Agrees] = "agrees: independent support",
            [RuleCandidateOutcome.Repeats] = "agrees, on evidence already counted",
            [RuleCandidateOutcome.LeavesKindOpen] = "names no kind: leaves it to the rest",
        });

    /// <summary>French.</summary>
    public static readonly DiagnosisLabels French = new(
        "Action sur le destinataire",
        new Dictionary<SmtpRelayClassifier.RecipientAction, string>
        {
            [SmtpRelayClassifier.RecipientAction.Review] = "examiner l'échec avant d'agir",
            [SmtpRelayClassifier.RecipientAction.Suppress] = "ne plus écrire à cette adresse",
            [SmtpRelayClassifier.RecipientAction.RetryLater] = "renvoyer plus tard, sans rien changer",
            [SmtpRelayClassifier.RecipientAction.RetryFromElsewhere] = "envoyer depuis une autre adresse IP, un autre relais ou un autre fournisseur",
            [SmtpRelayClassifier.RecipientAction.FixSenderConfiguration] = "corriger la configuration de l'envoi\u00A0; le destinataire n'y est pour rien",
            [SmtpRelayClassifier.RecipientAction.ReviewContent] = "modifier le message avant de le renvoyer",
            [SmtpRelayClassifier.RecipientAction.None] = "rien à faire",
        },
        "Réessayer après", "{0}, selon le serveur {1}", "{0}, la valeur par défaut pour ce type",
        "Liste de blocage", "{0} (liste des {1})\u00A0; consultation et retrait\u00A0: {2}",
        new Dictionary<BlockListKind, string> { [BlockListKind.Ip] = "adresses IP", [BlockListKind.Domain] = "domaines", [BlockListKind.Url] = "domaines de liens" },
        "Élément listé", "Lien d'aide",
        "Pourquoi ce diagnostic", "Décidé par", "Texte", "Expressions", "Codes utilisés", "code de réponse", "code étendu", "étape", "Autres règles pesées",
        "plus faible que l'indice décisif ({0})", "aussi forte, mais essayée après la règle décisive",
        "la plus forte contradiction\u00A0; la confiance reste la même", "la plus forte contradiction\u00A0: elle a abaissé la confiance",
        new Dictionary<RuleCandidateOutcome, string>
        {
            [RuleCandidateOutcome.Decided] = "a décidé",
            [RuleCandidateOutcome.Agrees] = "d'accord\u00A0: appui indépendant",
            [RuleCandidateOutcome.Repeats] = "d'accord, sur un indice déjà compté",
            [RuleCandidateOutcome.LeavesKindOpen] = "ne nomme aucun type\u00A0: laisse décider le reste",
        });

    /// <summary>German.</summary>
    public static readonly DiagnosisLabels German = new(
        "Empfängeraktion",
        new Dictionary<SmtpRelayClassifier.RecipientAction, string>
        {
            [SmtpRelayClassifier.RecipientAction.Review] = "den Fehler vor dem Handeln prüfen",
            [SmtpRelayClassifier.RecipientAction.Suppress] = "nicht mehr an die Adresse senden",
            [SmtpRelayClassifier.RecipientAction.RetryLater] = "später unverändert erneut senden",
            [SmtpRelayClassifier.RecipientAction.RetryFromElsewhere] = "von einer anderen IP-Adresse, einem anderen Relay oder Anbieter senden",
            [SmtpRelayClassifier.RecipientAction.FixSenderConfiguration] = "die Einrichtung der sendenden Seite korrigieren; der Empfänger ist nicht schuld",
            [SmtpRelayClassifier.RecipientAction.ReviewContent] = "die Nachricht vor dem erneuten Senden ändern",
            [SmtpRelayClassifier.RecipientAction.None] = "nichts zu tun",
        },
        "Erneut versuchen nach", "{0}, laut Server {1}", "{0}, der Standardwert für diese Art",
        "Sperrliste", "{0} (listet {1}); Abfrage und Austragung: {2}",
        new Dictionary<BlockListKind, string> { [BlockListKind.Ip] = "IP-Adressen", [BlockListKind.Domain] = "Domains", [BlockListKind.Url] = "die Domains von Links" },
        "Gelistetes Element", "Hilfe-Link",
        "Warum diese Diagnose", "Entschieden durch", "Wortlaut", "Wendungen", "Verwendete Codes", "Antwortcode", "erweiterter Code", "Phase", "Weitere abgewogene Regeln",
        "schwächer als der entscheidende Beleg ({0})", "gleich stark, aber nach der entscheidenden Regel geprüft",
        "der stärkste Widerspruch; die Konfidenz bleibt", "der stärkste Widerspruch: er senkte die Konfidenz",
        new Dictionary<RuleCandidateOutcome, string>
        {
            [RuleCandidateOutcome.Decided] = "hat entschieden",
            [RuleCandidateOutcome.Agrees] = "stimmt zu: unabhängige Stütze",
            [RuleCandidateOutcome.Repeats] = "stimmt zu, mit bereits gezähltem Beleg",
            [RuleCandidateOutcome.LeavesKindOpen] = "nennt keine Art: überlässt sie dem Rest",
        });

    /// <summary>Spanish.</summary>
    public static readonly DiagnosisLabels Spanish = new(
        "Acción sobre el destinatario",
        new Dictionary<SmtpRelayClassifier.RecipientAction, string>
        {
            [SmtpRelayClassifier.RecipientAction.Review] = "revisar el fallo antes de actuar",
            [SmtpRelayClassifier.RecipientAction.Suppress] = "dejar de enviar a la dirección",
            [SmtpRelayClassifier.RecipientAction.RetryLater] = "volver a enviar más tarde, sin cambios",
            [SmtpRelayClassifier.RecipientAction.RetryFromElsewhere] = "enviar desde otra dirección IP, otro relé u otro proveedor",
            [SmtpRelayClassifier.RecipientAction.FixSenderConfiguration] = "corregir la configuración del envío; el destinatario no tiene la culpa",
            [SmtpRelayClassifier.RecipientAction.ReviewContent] = "cambiar el mensaje antes de volver a enviarlo",
            [SmtpRelayClassifier.RecipientAction.None] = "nada que hacer",
        },
        "Reintentar tras", "{0}, según el servidor {1}", "{0}, el valor predeterminado para este tipo",
        "Lista de bloqueo", "{0} (lista {1}); consulta y retirada: {2}",
        new Dictionary<BlockListKind, string> { [BlockListKind.Ip] = "direcciones IP", [BlockListKind.Domain] = "dominios", [BlockListKind.Url] = "los dominios de enlaces" },
        "Elemento listado", "Enlace de ayuda",
        "Por qué este diagnóstico", "Decidido por", "Texto", "Frases", "Códigos usados", "código de respuesta", "código ampliado", "fase", "Otras reglas sopesadas",
        "más débil que la prueba decisiva ({0})", "igual de fuerte, pero probada después de la regla decisiva",
        "la contradicción más fuerte; la confianza no cambia", "la contradicción más fuerte: bajó la confianza",
        new Dictionary<RuleCandidateOutcome, string>
        {
            [RuleCandidateOutcome.Decided] = "decidió",
            [RuleCandidateOutcome.Agrees] = "coincide: apoyo independiente",
            [RuleCandidateOutcome.Repeats] = "coincide, con una prueba ya contada",
            [RuleCandidateOutcome.LeavesKindOpen] = "no nombra ningún tipo: lo deja al resto",
        });
}
