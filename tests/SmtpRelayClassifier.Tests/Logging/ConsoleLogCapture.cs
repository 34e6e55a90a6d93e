using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Xunit;

namespace SmtpRelayClassifier.Tests.Logging;

/// <summary>
/// What the real console loggers write: standard output is swapped for a writer around a real
/// <see cref="LoggerFactory"/> with the simple or the JSON console formatter (scopes on unless asked otherwise), and the
/// factory is disposed to flush the logger's queue before the text is read.
/// </summary>
internal static class ConsoleLogCapture
{
    private static readonly object Gate = new();

    public static string Capture(string formatter, Action<ILogger> log)
    {
        string text = Raw(formatter, includeScopes: true, log);
        return formatter == "json" ? Decoded(text) : text;
    }

    /// <summary>The JSON console formatter's events, one document per event, as the formatter wrote them.</summary>
    public static JsonDocument[] CaptureJson(bool includeScopes, Action<ILogger> log) =>
        Array.ConvertAll(Raw("json", includeScopes, log).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), line => JsonDocument.Parse(line));

    private static string Raw(string formatter, bool includeScopes, Action<ILogger> log)
    {
        lock (Gate)
        {
            var original = Console.Out;
            var captured = new StringWriter();
            Console.SetOut(TextWriter.Synchronized(captured));
            try
            {
                using (var factory = LoggerFactory.Create(builder =>
                {
                    builder.SetMinimumLevel(LogLevel.Trace);
                    if (formatter == "json")
                        builder.AddJsonConsole(o => o.IncludeScopes = includeScopes);
                    else
                        builder.AddSimpleConsole(o => (o.IncludeScopes, o.ColorBehavior) = (includeScopes, LoggerColorBehavior.Disabled));
                }))
                {
                    log(factory.CreateLogger("SmtpTest"));
                }
            }
            finally
            {
                Console.SetOut(original);
            }

            string text = captured.ToString();
            Assert.False(string.IsNullOrWhiteSpace(text), "the console logger wrote nothing");
            return text;
        }
    }

    // The JSON formatter escapes quotes and angle brackets (\u0022, \u003C): read every name and string back as text.
    private static string Decoded(string jsonLines)
    {
        var text = new StringBuilder();
        foreach (string line in jsonLines.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            using var document = JsonDocument.Parse(line);
            Append(document.RootElement, text);
        }

        return text.ToString();
    }

    private static void Append(JsonElement element, StringBuilder text)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    text.Append(property.Name).Append(": ");
                    Append(property.Value, text);
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray().ToArray())
                    Append(item, text);
                break;
            case JsonValueKind.String:
                text.Append(element.GetString()).Append('\n');
                break;
            default:
                text.Append(element.GetRawText()).Append('\n');
                break;
        }
    }
}
