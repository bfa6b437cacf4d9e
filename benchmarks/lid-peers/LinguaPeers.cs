// Runs Lingua (.NET port, NuGet SearchPioneer.Lingua) and this repository's detector on the items of a lid_eval
// TSV (label, category, text), in one process, and prints one JSON object per detector, as peers.mjs does.
// Copied into a temporary console project by run.sh; not part of the solution.
using System.Diagnostics;
using System.Text.Json;
using Aligner.Detection;
using Aligner.Text;
using Aligner;
using Lingua;
using static Lingua.Language;

var rows = File.ReadAllLines(args[0]).Where(l => l.Length > 0).Select(l => l.Split('\t', 3)).Select(p => (Key: $"{p[0]}/{p[1]}", Label: p[0], Text: p[2])).ToArray();

void Measure(string name, Func<string, string> detect)
{
    foreach (var row in rows.Take(50))
    {
        detect(row.Text); // warm-up (Lingua loads its models lazily)
    }

    var guesses = new string[rows.Length];
    var clock = Stopwatch.StartNew();
    for (var i = 0; i < rows.Length; i++)
    {
        guesses[i] = detect(rows[i].Text);
    }

    var micros = clock.Elapsed.TotalMicroseconds / rows.Length;
    var counts = new SortedDictionary<string, int[]>(StringComparer.Ordinal);
    for (var i = 0; i < rows.Length; i++)
    {
        if (!counts.TryGetValue(rows[i].Key, out var c))
        {
            counts[rows[i].Key] = c = new int[2];
        }

        c[1]++;
        c[0] += guesses[i] == rows[i].Label ? 1 : 0;
    }

    Console.WriteLine(JsonSerializer.Serialize(new Dictionary<string, object> { ["name"] = name, ["counts"] = counts, ["microsPerItem"] = micros }));
}

static string Code(Language language) => language == English ? "en" : language == Vietnamese ? "vi" : "unknown";

var ours = Aligner.Detection.LanguageDetector.Default;
Measure("Aligner (this repository)", t => ours.DetectMixed(t, new TextRange(0, t.Length)).LanguageCode);
var restricted = LanguageDetectorBuilder.FromLanguages(English, Vietnamese).Build();
Measure("Lingua (en, vi only)", t => Code(restricted.DetectLanguageOf(t)));
var all = LanguageDetectorBuilder.FromAllLanguages().Build();
Measure("Lingua (all languages)", t => Code(all.DetectLanguageOf(t)));
