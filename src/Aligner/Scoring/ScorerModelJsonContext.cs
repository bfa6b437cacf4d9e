using System.Text.Json.Serialization;

namespace Aligner.Scoring;

/// <summary>
/// The JSON contract of <see cref="ScorerModel"/>, generated at compile time: loading the embedded model then needs no
/// reflection, which made most of the model's loading time at the start of every process.
/// </summary>
[JsonSourceGenerationOptions(WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(ScorerModel))]
internal sealed partial class ScorerModelJsonContext : JsonSerializerContext;
