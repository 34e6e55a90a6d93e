using SmtpRelayClassifier;

namespace Snippets;

// Rule files are read on .NET only (System.Text.Json is no dependency of the netstandard2.0 build): the .NET Framework
// app of .ci/package-check leaves this snippet out; rules built in code are tested on both builds.
#if NET

/// <summary>The rules section of README.md: a rule of one's own in code, and a rule file.</summary>
public static class RulesSnippet
{
    /// <summary>Builds a classifier with a site's own rule, and one from a rule file.</summary>
    public static (SmtpFailureClassifier InCode, SmtpFailureClassifier FromFile) Create(string path)
    {
        // begin-snippet: rules
        var classifier = SmtpFailureClassifier.Create(new SmtpFailureClassifierOptions
        {
            Rules =
            [
                new SmtpFailureRuleDefinition
                {
                    Id = "site.aliyun-not-local",
                    Kind = SmtpFailureKind.RelayDenied,
                    Phrases = ["account isn't a local account"],
                    Codes = [503],
                },
            ],
            DisabledRuleIds = ["generic.spam"],
        });
        var fromFile = SmtpFailureClassifier.Create(SmtpFailureRules.Load(path));   // errors: SmtpRuleFileException
        // end-snippet
        return (classifier, fromFile);
    }
}
#endif
