using System.Diagnostics.CodeAnalysis;
using Aligner.Detection;
using Aligner.Restoration;
using Aligner.Scoring;

namespace Aligner.Training;

/// <summary>
/// Training from code, as static members of the model each trainer makes (C# 14 extension members; with
/// <c>using Aligner.Training;</c>): <see cref="LanguageDetector"/>.Train, <see cref="Lexicon"/>.Train,
/// <see cref="ScorerModel"/>.Train, <see cref="DiacriticRestorer"/>.Train and .TrainFiles. The <c>aligner train-*</c>
/// commands and <c>training/*.sh</c> run the same code. Training lives in this namespace, above the models, so that the
/// stages that use a model never depend on the code that estimates it.
/// </summary>
/// <example>
/// <code>
/// using Aligner.Training;
///
/// var lexicon = Lexicon.Train(pairs, trainedOn: "my corpus");
/// var scorer = ScorerModel.Train(englishLines, vietnameseLines, "my corpus", lexicon);
/// var detector = LanguageDetector.Train(File.ReadLines("en.txt"), File.ReadLines("vi.txt"));
/// var restorer = DiacriticRestorer.TrainFiles(["vi-news.txt.gz"]);
/// </code>
/// </example>
[SuppressMessage("Naming", "CA1708:Identifiers should differ by more than case", Justification = "False positive on several extension blocks in one class: dotnet/roslyn-analyzers#7771.")]
public static class TrainingExtensions
{
    extension(LanguageDetector)
    {
        /// <summary>
        /// Trains a language detector (what <c>aligner train-detector</c> does): naive Bayes counts of hashed character
        /// n-grams and words, then, on held-out lines, a logistic regression that calibrates the confidence.
        /// </summary>
        /// <param name="english">English lines.</param>
        /// <param name="vietnamese">Vietnamese lines (with diacritics; the unaccented form is derived).</param>
        /// <param name="options">Sizes and settings; <see cref="LanguageDetectorTrainingOptions.Default"/> when null.</param>
        /// <param name="cancellationToken">Checked every few thousand lines.</param>
        /// <returns>A detector with <see cref="LanguageDetectorOptions.Default"/>; <see cref="LanguageDetector.Save"/> writes its model.</returns>
        /// <exception cref="ArgumentNullException">A corpus is null.</exception>
        /// <exception cref="ArgumentException">A corpus has fewer than 20 lines with letters.</exception>
        /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
        /// <exception cref="OperationCanceledException">Cancelled.</exception>
        public static LanguageDetector Train(IEnumerable<string> english, IEnumerable<string> vietnamese, LanguageDetectorTrainingOptions? options = null, CancellationToken cancellationToken = default) =>
            LanguageDetectorTrainer.Train(english, vietnamese, options, cancellationToken);
    }

    extension(Lexicon)
    {
        /// <summary>
        /// Trains a lexicon (what <c>aligner train-lexicon</c> does) from English–Vietnamese sentence pairs, or dictionary
        /// entries given as short pairs, with IBM Model 1 and EM in both directions.
        /// </summary>
        /// <param name="pairs">English and Vietnamese texts that translate each other.</param>
        /// <param name="options">Training options; <see cref="LexiconTrainingOptions.Default"/> when null.</param>
        /// <param name="trainedOn">A note of the corpora, stored in the lexicon.</param>
        /// <param name="progress">Receives a line per stage.</param>
        /// <param name="cancellationToken">Stops a long training run.</param>
        /// <returns>The lexicon; <see cref="Lexicon.Save"/> writes it.</returns>
        /// <exception cref="ArgumentNullException"><paramref name="pairs"/> is null.</exception>
        /// <exception cref="OperationCanceledException">Cancelled.</exception>
        public static Lexicon Train(IEnumerable<(string English, string Vietnamese)> pairs, LexiconTrainingOptions? options = null, string trainedOn = "", IProgress<string>? progress = null, CancellationToken cancellationToken = default) =>
            LexiconTrainer.Train(pairs, options, trainedOn, progress, cancellationToken);
    }

    extension(ScorerModel)
    {
        /// <summary>
        /// Fits a scorer model (what <c>aligner train-scorer</c> does) to line-parallel text: <c>english[i]</c> translates
        /// <c>vietnamese[i]</c>. The length ratio and variance, the unrelated-pair length distribution and how often
        /// anchors are shared by translations and by nearby unrelated sentences.
        /// </summary>
        /// <param name="english">English sentences.</param>
        /// <param name="vietnamese">Their Vietnamese translations, in the same order.</param>
        /// <param name="trainedOn">A note of the corpus, stored in the model.</param>
        /// <param name="lexicon">
        /// When given, a logistic regression is fitted that combines length, anchors and the lexicon's coverage of both
        /// sides (<see cref="ScorerModel.Weights"/>); translation pairs are the positives and neighbours one to three
        /// lines away and lines a fixed stride away the negatives.
        /// </param>
        /// <returns>The model; <see cref="ScorerModel.Save"/> writes it.</returns>
        /// <exception cref="ArgumentNullException">A list is null.</exception>
        /// <exception cref="ArgumentException">The lists differ in length or hold fewer than 20 pairs.</exception>
        public static ScorerModel Train(IReadOnlyList<string> english, IReadOnlyList<string> vietnamese, string trainedOn = "", Lexicon? lexicon = null) =>
            ScorerTrainer.Train(english, vietnamese, trainedOn, lexicon);
    }

    extension(DiacriticRestorer)
    {
        /// <summary>
        /// Trains a restorer (its syllable trigram model, interpolated Kneser–Ney) on accented Vietnamese text, one
        /// paragraph or sentence per line.
        /// </summary>
        /// <param name="lines">The corpus.</param>
        /// <param name="options">Training options; <see cref="RestorerTrainerOptions.Default"/> when null.</param>
        /// <param name="progress">Receives a line now and then: lines read, then the model being built.</param>
        /// <param name="cancellationToken">Stops a long run.</param>
        /// <returns>A restorer with <see cref="DiacriticRestorerOptions.Default"/> and <see cref="LanguageDetector.Default"/>; <see cref="DiacriticRestorer.Save"/> writes its model.</returns>
        /// <exception cref="InvalidDataException">The text has no Vietnamese syllable.</exception>
        /// <exception cref="OperationCanceledException">Cancelled.</exception>
        public static DiacriticRestorer Train(IEnumerable<string> lines, RestorerTrainerOptions? options = null, IProgress<string>? progress = null, CancellationToken cancellationToken = default) =>
            RestorerTrainer.Train(lines, options, progress, cancellationToken);

        /// <summary>
        /// Trains a restorer on the lines of the given files (UTF-8; <c>.gz</c> files are decompressed), what
        /// <c>aligner train-restorer</c> does.
        /// </summary>
        /// <param name="paths">The corpus files.</param>
        /// <param name="options">Training options; <see cref="RestorerTrainerOptions.Default"/> when null.</param>
        /// <param name="progress">Receives a line now and then: lines read, then the model being built.</param>
        /// <param name="cancellationToken">Stops a long run.</param>
        /// <returns>A restorer with <see cref="DiacriticRestorerOptions.Default"/> and <see cref="LanguageDetector.Default"/>.</returns>
        /// <exception cref="InvalidDataException">A file is missing or unreadable, or the text has no Vietnamese syllable.</exception>
        /// <exception cref="OperationCanceledException">Cancelled.</exception>
        public static DiacriticRestorer TrainFiles(IEnumerable<string> paths, RestorerTrainerOptions? options = null, IProgress<string>? progress = null, CancellationToken cancellationToken = default) =>
            RestorerTrainer.TrainFiles(paths, options, progress, cancellationToken);
    }
}
