using System.Text;
using Aligner.Detection;
using Aligner.Input;
using Aligner.Normalization;
using Aligner.Restoration;
using Aligner.Scoring;
using Aligner.Segmentation;
using Aligner.Text;
using SharpFuzz;

namespace Aligner.Fuzz;

/// <summary>
/// SharpFuzz harnesses: <c>dotnet Aligner.Fuzz.dll TARGET</c> reads one input from standard input under afl-fuzz
/// (fuzz/run.sh), or <c>dotnet Aligner.Fuzz.dll TARGET FILE...</c> replays inputs (a crash found, a corpus).
/// Expected failures (a refused file: <see cref="InvalidDataException"/>) are fine; any other exception, or a broken
/// contract (an offset out of range, a sentence in no bead), is a crash.
/// </summary>
public static class Program
{
    private static readonly Dictionary<string, Action<byte[]>> Targets = new(StringComparer.Ordinal)
    {
        ["text"] = Text,
        ["html"] = Html,
        ["model"] = Model,
        ["segmenter"] = Segmenter,
        ["normalizer"] = Normalizer,
        ["restorer"] = Restorer,
        ["aligner"] = Align,
    };

    public static int Main(string[] args)
    {
        if (args.Length == 0 || !Targets.TryGetValue(args[0], out var target))
        {
            Console.Error.WriteLine($"usage: Aligner.Fuzz {string.Join('|', Targets.Keys)} [FILE...]");
            return 2;
        }

        if (args.Length > 1)
        {
            foreach (var file in args[1..])
            {
                target(File.ReadAllBytes(file));
            }

            return 0;
        }

        Fuzzer.OutOfProcess.Run(stream =>
        {
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            target(buffer.ToArray());
        });
        return 0;
    }

    private static string AsText(byte[] bytes) => Encoding.UTF8.GetString(bytes);

    private static void Check(bool condition, string what)
    {
        if (!condition)
        {
            throw new InvalidOperationException("contract broken: " + what);
        }
    }

    // The reader: any bytes, any encoding named or detected; a read text maps every content range into its text.
    private static void Text(byte[] bytes)
    {
        var encoding = bytes.Length > 0 ? (SourceEncoding?)(bytes[0] % 7 == 6 ? null : (SourceEncoding)(bytes[0] % 7)) : null;
        SourceText source;
        try
        {
            source = SourceText.Read(new MemoryStream(bytes), "fuzz", encoding);
        }
        catch (InvalidDataException)
        {
            return;
        }

        CheckContentMap(source);
    }

    private static void Html(byte[] bytes)
    {
        var source = SourceText.FromHtml(AsText(bytes), "fuzz.html");
        CheckContentMap(source);
    }

    private static void CheckContentMap(SourceText source)
    {
        var previous = 0;
        for (var i = 0; i < source.Content.Length; i++)
        {
            var range = source.ToSource(new TextRange(i, i + 1));
            Check(range.Start >= previous && range.Start <= range.End && range.End <= source.Text.Length, $"content {i} maps to {range}");
            previous = range.Start;
        }

        var all = source.ToSource(new TextRange(0, source.Content.Length));
        _ = source.ContentOf(all);
    }

    // Model files: each loader refuses damaged input with InvalidDataException and nothing else.
    private static void Model(byte[] bytes)
    {
        var kind = bytes.Length > 0 ? bytes[0] % 4 : 0;
        var body = bytes.Length > 0 ? bytes[1..] : bytes;
        try
        {
            switch (kind)
            {
                case 0:
                    LanguageModel.Load(new MemoryStream(body));
                    break;
                case 1:
                    SyllableLanguageModel.Load(new MemoryStream(body));
                    break;
                case 2:
                    Lexicon.Load(new MemoryStream(body));
                    break;
                default:
                    ScorerModel.Load(new MemoryStream(body));
                    break;
            }
        }
        catch (InvalidDataException)
        {
        }
    }

    private static void Segmenter(byte[] bytes)
    {
        var text = AsText(bytes);
        var sentences = SentenceSplitter.Split(text);
        var end = 0;
        foreach (var sentence in sentences)
        {
            Check(sentence.Range.Start >= end && sentence.Range.End <= text.Length && sentence.Range.Length > 0, $"sentence {sentence.Range}");
            Check(sentence.Range.Length <= SentenceSplitter.MaxSentenceLength, "sentence longer than the bound");
            end = sentence.Range.End;
        }
    }

    private static void Normalizer(byte[] bytes)
    {
        var text = AsText(bytes);
        var view = VietnameseNormalizer.Default.Normalize(text);
        for (var i = 0; i < view.Text.Length; i++)
        {
            var range = view.ToOriginal(new TextRange(i, i + 1));
            Check(range.Start >= 0 && range.End <= text.Length && range.Start <= range.End, $"normalised {i} maps to {range}");
        }

        Check(Lines(view.Text) == Lines(text) || view.Text.Length != text.Length || LegacyEncoding.Detect(text) != VietnameseLegacyEncoding.None, "line count changed");
    }

    // Line breaks as the paragraph splitter sees them: LF, CR LF and a lone CR (form feeds, U+2028 and the like are
    // odd spaces by design and become U+0020).
    private static int Lines(string text)
    {
        var count = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n' || (text[i] == '\r' && (i + 1 >= text.Length || text[i + 1] != '\n')))
            {
                count++;
            }
        }

        return count;
    }

    private static void Restorer(byte[] bytes)
    {
        var text = AsText(bytes);
        var restored = DiacriticRestorer.Default.Restore(text);
        Check(restored.Length == text.Length, "restoring changed the length");
    }

    // Two texts (split at the first NUL byte, or in the middle): every sentence in exactly one bead, beads in English
    // order, scores in [0, 1]. The Vietnamese side is in order too for translations, but comparable text is linked in
    // any order (ComparableLinker), so only its cover is checked.
    private static void Align(byte[] bytes)
    {
        var cut = Array.IndexOf(bytes, (byte)0);
        cut = cut < 0 ? bytes.Length / 2 : cut;
        var english = AsText(bytes[..cut]);
        var vietnamese = AsText(bytes[Math.Min(cut + 1, bytes.Length)..]);
        var alignment = Bitext.Align(english, vietnamese);
        var englishSeen = new int[alignment.EnglishSentences.Count];
        var vietnameseSeen = new int[alignment.VietnameseSentences.Count];
        var lastEnglish = -1;
        foreach (var bead in alignment.Beads)
        {
            Check(bead.EnglishCount + bead.VietnameseCount > 0, "an empty bead");
            Check(bead.Score is >= 0 and <= 1, "a score outside [0, 1]");
            Check(bead.EnglishStart >= 0 && bead.EnglishStart + bead.EnglishCount <= englishSeen.Length
                && bead.VietnameseStart >= 0 && bead.VietnameseStart + bead.VietnameseCount <= vietnameseSeen.Length, "a bead outside the sentences");
            for (var i = bead.EnglishStart; i < bead.EnglishStart + bead.EnglishCount; i++)
            {
                Check(i > lastEnglish, "beads out of English order");
                englishSeen[i]++;
                lastEnglish = i;
            }

            for (var j = bead.VietnameseStart; j < bead.VietnameseStart + bead.VietnameseCount; j++)
            {
                vietnameseSeen[j]++;
            }
        }

        Check(englishSeen.All(c => c == 1) && vietnameseSeen.All(c => c == 1), "a sentence in no bead, or in two");
        foreach (var sentence in alignment.EnglishSentences.Concat(alignment.VietnameseSentences))
        {
            Check(sentence.Range.Start >= 0 && sentence.Range.End <= Math.Max(english.Length, vietnamese.Length), "sentence out of range");
        }
    }
}
