using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace SmtpRelayClassifier.Tests.Infrastructure;

/// <summary>
/// Makes inputs for the fuzz smoke from a seed corpus with a seeded <see cref="Random"/>: the same seed gives the same
/// inputs on every machine. Most inputs are seeds with a few mutations (bit flips, random bytes, deletions,
/// duplications, splices, insertions of the tokens replies, logs and mails are made of, invalid UTF-8, NUL, non-ASCII,
/// long runs); the rest are made of tokens and random bytes alone.
/// </summary>
public sealed class InputMutator
{
    private static readonly byte[][] Tokens =
    [
        .. new[]
        {
            "\r", "\n", "\r\n", "\\n", "\t", " ", "@", "<", ">", "<>", "\"", "'", ":", ";", ",", "(", ")", "[", "]", "#", "=",
            "5.7.1", "4.7.1", "5.", "550", "550-", "550 ", "554 ", "421-", "250 ", "999 ", "(#5.7.1)", "(#", "#5.", "x.y.z",
            "<bob@example.org>", "bob@", "@example.org", "...", "Relay access denied", "Relaying denied", "relay",
            "said: ", "host mx[192.0.2.4] said: ", "(in reply to RCPT TO command)", "smtp; ", "Remote Server returned '",
            "SMTP error from remote mail server after RCPT TO:<bob@example.org>: ", "The server response was: ",
            "Server Response: '", "Error Number: ", "0x800CCC79", "0x800CCC", "Port: ", "Port : 25", "Secure (SSL): No",
            "Réponse du serveur : '", "Numéro d'erreur : ", "Task 'x' reported error (",
            "status=bounced (", "status=deferred (", "NOQUEUE: reject: RCPT from unknown[192.0.2.1]: ", "to=<", "relay=",
            " ** ", " == ", " rejected RCPT ", ", reject=", "dsn=5.7.1, stat=", " H=", "F=<",
            "From MAILER-DAEMON Tue Dec  1 20:00:00 2026\n", "Content-Type: multipart/report; report-type=delivery-status; boundary=\"b\"\n",
            "\n--b\n", "\n--b--\n", "Content-Type: message/delivery-status\n\n", "Final-Recipient: rfc822; ", "Action: failed\n",
            "Status: 5.7.1\n", "Diagnostic-Code: smtp; ", "Remote-MTA: dns; ", "Content-Transfer-Encoding: base64\n",
            "=?utf-8?B?", "?=", "charset=\"x-unknown\"", "é", "€", "ß", "😀", "\u2028", "\u0085", "\uFEFF",
        }.Select(Encoding.UTF8.GetBytes),
        [0], [0, 0, 0], [0xC3], [0xE2, 0x82], [0xFF], [0xFE, 0xFF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xC0, 0xAF], [0x80],
    ];

    private readonly Random _random;
    private readonly IReadOnlyList<byte[]> _seeds;

    /// <summary>Creates a mutator over <paramref name="seeds"/>.</summary>
    public InputMutator(int seed, IReadOnlyList<byte[]> seeds)
    {
        ArgumentOutOfRangeException.ThrowIfZero(seeds.Count);
        _random = new Random(seed);
        _seeds = seeds;
    }

    /// <summary>The next input.</summary>
    public byte[] Next()
    {
        if (_random.Next(8) == 0)
            return Generate();
        var input = new List<byte>(_seeds[_random.Next(_seeds.Count)]);
        int mutations = 1 + _random.Next(8);
        for (int i = 0; i < mutations; i++)
            Mutate(input);
        return [.. input];
    }

    private byte[] Generate()
    {
        var input = new List<byte>();
        int parts = _random.Next(40);
        for (int i = 0; i < parts; i++)
        {
            if (_random.Next(3) == 0)
                input.Add((byte)_random.Next(256));
            else
                input.AddRange(Token());
        }
        return [.. input];
    }

    private void Mutate(List<byte> input)
    {
        int at = _random.Next(input.Count + 1);
        switch (_random.Next(input.Count == 0 ? 1 : 10))
        {
            case 0 or 1 or 2:
                input.InsertRange(at, Token());
                break;
            case 3:
                input[Math.Min(at, input.Count - 1)] ^= (byte)(1 << _random.Next(8));
                break;
            case 4:
                input[Math.Min(at, input.Count - 1)] = (byte)_random.Next(256);
                break;
            case 5:
                input.RemoveRange(Math.Min(at, input.Count - 1), _random.Next(1, 1 + Math.Min(32, input.Count - Math.Min(at, input.Count - 1))));
                break;
            case 6:
            {
                int start = _random.Next(input.Count), length = _random.Next(1, 1 + Math.Min(64, input.Count - start));
                input.InsertRange(at, input.GetRange(start, length));
                break;
            }
            case 7:
            {
                var other = _seeds[_random.Next(_seeds.Count)];
                int from = _random.Next(other.Length + 1);
                input.RemoveRange(at, input.Count - at);
                input.AddRange(other.AsSpan(from).ToArray());
                break;
            }
            case 8:
                input.RemoveRange(at, input.Count - at);
                break;
            default:
                InsertRun(input, at);
                break;
        }
    }

    // A run: 2 to 600 copies of one token or byte, or (one time in 16) 20 to 70 KB of them: a line limit, a quadratic scan.
    private void InsertRun(List<byte> input, int at)
    {
        byte[] unit = _random.Next(2) == 0 ? Token() : [(byte)_random.Next(256)];
        int count = _random.Next(16) == 0 ? (20_000 + _random.Next(50_000)) / unit.Length : _random.Next(2, 600);
        var run = new byte[unit.Length * count];
        for (int i = 0; i < count; i++)
            unit.CopyTo(run, i * unit.Length);
        input.InsertRange(at, run);
    }

    private byte[] Token() => Tokens[_random.Next(Tokens.Length)];
}
