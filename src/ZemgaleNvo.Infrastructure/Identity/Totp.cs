using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ZemgaleNvo.Infrastructure.Identity;

/// <summary>
/// Time-based one-time passwords as authenticator apps make them (RFC 6238 over RFC 4226): HMAC-SHA1
/// of the 30-second time step, six digits. Written out here rather than taken from Identity, whose
/// provider accepts a code for three minutes and any number of times (see
/// <see cref="OneTimeAuthenticatorTokenProvider"/>).
/// </summary>
public static class Totp
{
    public const int StepSeconds = 30;
    public const int Digits = 6;

    public static long StepAt(DateTimeOffset time) => time.ToUnixTimeSeconds() / StepSeconds;

    /// <summary>The code for one time step; <paramref name="digits"/> is 6 for authenticator apps (8 in RFC 6238's test vectors).</summary>
    public static string Code(byte[] key, long step, int digits = Digits)
    {
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, step);
        Span<byte> hash = stackalloc byte[HMACSHA1.HashSizeInBytes];
        // SHA-1 is what every authenticator app computes for TOTP (RFC 6238's default); as an HMAC
        // it is not affected by SHA-1's collision weakness.
#pragma warning disable CA5350
        HMACSHA1.HashData(key, counter, hash);
#pragma warning restore CA5350

        // RFC 4226 §5.3, dynamic truncation: four bytes from the offset the last nibble names.
        var offset = hash[^1] & 0x0F;
        var binary = (BinaryPrimitives.ReadInt32BigEndian(hash.Slice(offset, 4)) & 0x7FFFFFFF);
        var modulus = (int)Math.Pow(10, digits);
        return (binary % modulus).ToString(CultureInfo.InvariantCulture).PadLeft(digits, '0');
    }

    /// <summary>What a person typed, with the spaces and dashes apps show between digit groups removed.</summary>
    public static string? Normalise(string? typed)
    {
        if (typed is null)
        {
            return null;
        }
        var digits = new string(typed.Where(c => c is not (' ' or '-' or '\u00A0')).ToArray());
        return digits.Length == Digits && digits.All(char.IsAsciiDigit) ? digits : null;
    }

    /// <summary>Decodes the Base32 key authenticator apps are given (RFC 4648, no padding needed, case and spaces ignored).</summary>
    public static byte[] DecodeKey(string base32)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var output = new List<byte>(base32.Length * 5 / 8);
        int buffer = 0, bits = 0;
        foreach (var c in base32.ToUpperInvariant())
        {
            if (c is ' ' or '=' or '-')
            {
                continue;
            }
            var value = alphabet.IndexOf(c, StringComparison.Ordinal);
            if (value < 0)
            {
                throw new FormatException($"'{c}' is not a Base32 character.");
            }
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8)
            {
                bits -= 8;
                output.Add((byte)(buffer >> bits));
                buffer &= (1 << bits) - 1;
            }
        }
        return [.. output];
    }

    /// <summary>The key in groups of four for typing by hand into an app ("ABCD EFGH …").</summary>
    public static string Grouped(string base32)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < base32.Length; i++)
        {
            if (i > 0 && i % 4 == 0)
            {
                builder.Append(' ');
            }
            builder.Append(char.ToUpperInvariant(base32[i]));
        }
        return builder.ToString();
    }

    /// <summary>The otpauth:// address an authenticator app reads from the QR code.</summary>
    public static string AppAddress(string issuer, string account, string base32Key) =>
        $"otpauth://totp/{Uri.EscapeDataString(issuer)}:{Uri.EscapeDataString(account)}" +
        $"?secret={base32Key.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant()}&issuer={Uri.EscapeDataString(issuer)}&digits={Digits}&period={StepSeconds}";
}
