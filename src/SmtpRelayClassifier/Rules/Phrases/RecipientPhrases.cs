namespace SmtpRelayClassifier.Rules.Phrases;

/// <summary>
/// The ways servers say that an address does not exist, is disabled or suspended, or has moved, in the languages real
/// servers send. Said of the recipient at RCPT and after, of the sender at MAIL (<see cref="GenericPhraseRules"/>).
/// </summary>
internal static class RecipientPhrases
{
    /// <summary>The address, its mailbox or its domain does not exist or cannot be resolved.</summary>
    public static readonly string[] Unknown =
    [
        "user unknown", "unknown user", "no such user", "no such recipient", "no such mailbox", "no such address", "no such person",
        "mailbox not found", "mailbox does not exist", "mailbox unknown", "unknown mailbox", "invalid mailbox", "mailbox unavailable",
        "mailbox unavailable or not local", "no mailbox by that name", "no mail box", "no mailbox here", "recipient not found",
        "recipient unknown", "unknown recipient", "recipient does not exist", "recipient address rejected: user unknown", "user not found",
        "user does not exist", "user doesn't exist", "address does not exist", "address unknown", "unknown address", "unknown local part",
        "unknown local user", "unknown virtual user", "unknown or illegal alias", "alias user", "not a valid mailbox", "not a valid recipient",
        "bad recipient address", "invalid address", "address is invalid", "account does not exist", "this user doesn't have",
        "no one with that", "not known to this system", "not found in ldap", "no such mail drop", "addressee unknown",
        "may not exist", "marked as invalid", "primary smtp address is missing",
        "bad address syntax", "bad address mailbox syntax", "bad destination mailbox address", "bad destination system address",
        "malformed address", "no such domain", "domain does not exist", "domain not found", "domain name not found",
        "couldn't find any host named", "unrouteable mail domain", "host unknown", "not listed in", "user rejected", "rcpt is rejected",
        "recipient reject", "valid address is required", "invalid domain", "domain invalid",
        "need fully-qualified address", "fully-qualified address required", "fully qualified address required", "invalid user",
        "user not known", "does not have an account", "doesn't have an account", "not a valid user", "user not exist",
        "point to non-existent hosts", "recipient undeliverable", "domain name required",
        "adress unknown", "not exist", "no exist", "invalid rcpt", "not on this server", "non-existent", "nonexistent", "mailbox is unavailable",
        // French, German, Spanish, Italian, Portuguese, Dutch, Polish, Russian, Chinese, Japanese.
        "utilisateur inconnu", "destinataire inconnu", "adresse inconnue", "n'existe pas", "adresse invalide", "compte inexistant",
        "benutzer unbekannt", "empfänger unbekannt", "adressat unbekannt", "unbekannter empfänger", "unbekannter benutzer",
        "existiert nicht", "gibt es nicht", "usuario desconocido", "destinatario desconocido", "no existe", "usuario inexistente",
        "dirección inexistente", "direccion inexistente", "sconosciuto",
        "destinatario errato", "non esiste", "indirizzo inesistente", "utente inesistente", "usuário desconhecido", "usuario desconhecido",
        "destinatário desconhecido", "não existe", "endereço inexistente", "bestaat niet", "onbekende gebruiker", "onbekende ontvanger",
        "nie istnieje", "nie ma takiego", "не существует", "нет такого пользователя", "пользователь не найден", "неизвестный пользователь",
        "адресат не найден", "用户不存在", "该用户不存在", "收件人不存在", "收件人地址不存在", "邮箱不存在", "邮件地址不存在", "帐号不存在",
        "账号不存在", "账户不存在", "存在しません", "宛先不明", "ユーザ不明", "ユーザー不明",
    ];

    /// <summary>The address exists but is disabled, suspended, closed, locked or gone.</summary>
    public static readonly string[] Disabled =
    [
        "mailbox is disabled", "mailbox disabled", "account has been disabled", "account is disabled", "account disabled",
        "domain has been disabled", "mailbox has been disabled", "user has been disabled", "account is not active", "alias is not active",
        "list is not active", "mailbox is not active", "user is not active", "address is not active", "inactive user",
        "is suspended", "currently suspended", "user suspended", "account suspended", "mailbox suspended", "has been suspended",
        "locked or suspended", "has been temporarily suspended", "user disabled", "mailbox is frozen", "account is frozen", "mailbox temporarily disabled", "account locked", "account is locked", "account closed", "account is closed", "mailbox closed", "user is locked",
        "blocked due to inactivity", "no longer available", "no longer accepts mail", "address no longer valid",
        "address is no longer valid", "has moved", "not currently being accepted for this mailbox", "invalid/inactive",
        "account locked", "account is locked", "has been locked", "status is locked",
        "mailbox temporarily disabled", "account temporarily disabled", "currently disabled",
        "compte désactivé", "boîte désactivée", "mailbox deaktiviert", "konto deaktiviert", "konto gesperrt", "cuenta desactivada",
        "cuenta suspendida", "inactivo", "por falta de uso", "casella disattivata", "mailbox disattivata",
        "per inutilizzo", "conta desativada", "conta suspensa", "nieaktywne", "ящик заблокирован",
        "ящик отключен", "учетная запись отключена", "已停用", "已冻结", "该用户未开通",
    ];
}
