namespace SmtpRelayClassifier.Cli;

/// <summary>The error dialog that Microsoft KB 290842 (French edition) shows: the classic relay block.</summary>
internal static class KbExample
{
    public const string FrenchDialog =
        "Impossible d'envoyer le message car l'un des destinataires a été refusé par le serveur. " +
        "L'adresse de messagerie refusée était '<personne@exemple.com>'. Objet : '<Test>', Compte : '<Test>', " +
        "Serveur : '<smtp.exemple.com>', Protocole : SMTP, Réponse du serveur : '550 <personne@exemple.com>... Relais refusé', " +
        "Port : 25, Sécurisé (SSL) : Non, Erreur du serveur : 550, Numéro d'erreur : 0x800CCC79";
}
