using System;

namespace SmtpRelayClassifier.Parsing;

/// <summary>
/// One code found in a text by <see cref="SmtpReply.EnumerateCodes(ReadOnlySpan{char})"/>: a reply code, an enhanced
/// status code, or both when they stand together (<c>550 5.1.1</c>), and where they stand.
/// </summary>
/// <remarks>A value type that holds an offset, not a copy of the text. Immutable and thread-safe.</remarks>
public readonly struct SmtpCodeOccurrence
{
    internal SmtpCodeOccurrence(int code, EnhancedStatusCode enhancedStatusCode, Range range)
    {
        Code = code;
        EnhancedStatusCode = enhancedStatusCode;
        Range = range;
    }

    /// <summary>The three-digit reply code, or 0 when only an enhanced status code stands here.</summary>
    public int Code { get; }

    /// <summary>The enhanced status code, or empty when only a reply code stands here.</summary>
    public EnhancedStatusCode EnhancedStatusCode { get; }

    /// <summary>Where the occurrence stands in the span that was searched: from the first digit of its first code to the last digit of its last.</summary>
#if NET
    public Range Range { get; }
#else
    internal Range Range { get; }
#endif
}
