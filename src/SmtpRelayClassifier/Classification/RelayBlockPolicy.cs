using System.Collections.Generic;

namespace SmtpRelayClassifier;

/// <summary>TAXONOMY's definition of a relay block, in one place.</summary>
internal static class RelayBlockPolicy
{
    public static bool IsRelayBlock(SmtpFailureKind kind, SmtpStage stage, IReadOnlyList<FailureCause> causes) => kind switch
    {
        SmtpFailureKind.RelayDenied => true,
        // 530 is answered to MAIL, RCPT or DATA (RFC 4954 §6); an unknown stage is one of those in practice.
        SmtpFailureKind.AuthenticationRequired => stage is SmtpStage.Mail or SmtpStage.Rcpt or SmtpStage.Unknown,
        SmtpFailureKind.SenderNotAuthorized => Contains(causes, FailureCause.SenderDoesNotMatchAccount) || Contains(causes, FailureCause.SenderIdentityNotVerified),
        SmtpFailureKind.ConnectionFailed => Contains(causes, FailureCause.OutboundPort25Blocked),
        SmtpFailureKind.ClientBlocked => Contains(causes, FailureCause.DynamicIpListed),
        _ => false,
    };

    private static bool Contains(IReadOnlyList<FailureCause> causes, FailureCause cause)
    {
        for (int i = 0; i < causes.Count; i++)
        {
            if (causes[i] == cause)
                return true;
        }

        return false;
    }
}
