// Built once against each build compared (benchmarks/ab/run): the loops the classification benchmark times.
using SmtpRelayClassifier;
#if NAMESPACE_CLASSIFICATION
using SmtpRelayClassifier.Classification;
#endif

public static class Driver
{
    private static readonly SmtpFailureClassifier Classifier = SmtpFailureClassifier.Default;

    public static int Brief(string[] replies) => Count(replies, static r => Classifier.ClassifyBrief(r).IsRelayBlock);

    public static int Kind(string[] replies) => Count(replies, static r => Classifier.ClassifyKind(r) == SmtpFailureKind.RelayDenied);

    public static int Full(string[] replies) => Count(replies, static r => Classifier.Classify(r).IsRelayBlock);

    // The same delegate call for every build compared: it costs them all alike.
    private static int Count(string[] replies, Func<string, bool> isRelayBlock)
    {
        int relay = 0;
        foreach (string reply in replies)
            relay += isRelayBlock(reply) ? 1 : 0;
        return relay;
    }

    public static long Allocated(string[] replies)
    {
        long before = GC.GetAllocatedBytesForCurrentThread();
        Full(replies);
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }
}
