namespace SmtpRelayClassifier.Probing.Internal;

/// <summary>This part records the steps: each is kept for the report and logged as it ends.</summary>
internal sealed partial class ProbeRun
{
    private void Add(ProbeStep step)
    {
        _steps.Add(step);
        ProbeLog.StepEnded(logger, step, logOptions);
    }
}
