
namespace SmtpRelayClassifier.Rules;

/// <summary>Stage sets that rules share.</summary>
internal static class Stages
{
    /// <summary>The mail transaction: where relay, sender and recipient decisions are made.</summary>
    public static readonly SmtpStage[] Envelope = [SmtpStage.Mail, SmtpStage.Rcpt, SmtpStage.Data, SmtpStage.EndOfData];

    /// <summary>MAIL FROM only.</summary>
    public static readonly SmtpStage[] Mail = [SmtpStage.Mail];

    /// <summary>RCPT TO only.</summary>
    public static readonly SmtpStage[] Rcpt = [SmtpStage.Rcpt];

    /// <summary>AUTH only.</summary>
    public static readonly SmtpStage[] Auth = [SmtpStage.Auth];

    /// <summary>The connection's greeting.</summary>
    public static readonly SmtpStage[] Connect = [SmtpStage.Connect];

    /// <summary>DATA and the end of the data: where content is judged.</summary>
    public static readonly SmtpStage[] Content = [SmtpStage.Data, SmtpStage.EndOfData];
}
