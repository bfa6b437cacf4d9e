namespace Aligner.Scoring;

/// <summary>
/// Names and acronyms that translate rather than carry over: <c>UN</c> / <c>United Nations</c> ↔ <c>LHQ</c> /
/// <c>Liên hợp quốc</c>, <c>US</c> ↔ <c>Mỹ</c> / <c>Hoa Kỳ</c>. A name group that holds one of these forms also gets
/// the entity's key, so that both sides' groups match as anchors.
/// </summary>
/// <remarks>
/// The forms are folded (no diacritics, lower case) and written without spaces, as the feature extractor keys a
/// single word or two adjacent capitalised words. Vietnamese names whose later syllables are written in lower case
/// (<c>Liên hợp quốc</c>) are listed as phrases and matched on the words that follow the capitalised one.
/// Only unambiguous forms are listed: <c>Anh</c> (Britain) and <c>Nga</c> (Russia) are also given names.
/// </remarks>
internal static class NameAliases
{
    private static readonly (string Entity, string[] Forms)[] Entities =
    [
        ("un", ["un", "unitednations", "lhq"]),
        ("us", ["us", "usa", "unitedstates", "my", "hoaky"]),
        ("eu", ["eu", "europeanunion"]),
        ("unga", ["unga", "generalassembly"]),
        ("who", ["who", "worldhealth"]),
        ("wb", ["worldbank"]),
        ("imf", ["imf"]),
        ("unsc", ["unsc", "securitycouncil"]),
        ("china", ["china", "trungquoc"]),
        ("japan", ["japan", "nhatban"]),
        ("korea", ["korea", "hanquoc"]),
        ("france", ["france", "phap"]),
        ("india", ["india", "ando"]),
        ("australia", ["australia", "uc"]),
        ("laos", ["laos", "lao"]),
        ("cambodia", ["cambodia", "campuchia"]),
        ("thailand", ["thailand", "thailan"]),
        ("singapore", ["singapore"]),
        ("canada", ["canada"]),
        ("italy", ["italy", "italia"]),
        ("spain", ["spain", "taybannha"]),
        ("germany", ["germany"]),
        ("hcmc", ["hcm", "hcmc", "tphcm"]),
    ];

    // Vietnamese names written with one capital: the first word, then the rest in lower case (folded).
    private static readonly (string First, string Remainder, string Entity)[] PhraseTable =
    [
        ("lien", "hop quoc", "un"),
        ("lien", "minh chau au", "eu"),
        ("dai", "hoi dong lien hop quoc", "unga"),
        ("to", "chuc y te the gioi", "who"),
        ("ngan", "hang the gioi", "wb"),
        ("quy", "tien te quoc te", "imf"),
        ("hoi", "dong bao an", "unsc"),
        ("tay", "ban nha", "spain"),
    ];

    // The phrases with their remaining words split once, not at every lookup.
    private static readonly (string First, string[] Words, string Key)[] Phrases =
        [.. PhraseTable.Select(p => (p.First, p.Remainder.Split(' '), "@" + p.Entity))];

    private static readonly Dictionary<string, string> FormToEntity = Entities
        .SelectMany(e => e.Forms.Select(f => (Form: f, e.Entity)))
        .ToDictionary(p => p.Form, p => "@" + p.Entity, StringComparer.Ordinal);

    private static readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> Lookup =
        FormToEntity.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The key (<c>@</c> and the entity) of what a folded word or joined pair of words names, or null.</summary>
    public static string? Entity(ReadOnlySpan<char> foldedKey) => Lookup.TryGetValue(foldedKey, out var entity) ? entity : null;

    /// <summary>
    /// The key of the entity named by a phrase that starts with the folded word <paramref name="first"/> and goes on, in lower
    /// case, with <paramref name="following"/> (the text after the word), or null.
    /// </summary>
    public static string? PhraseEntity(ReadOnlySpan<char> first, ReadOnlySpan<char> following)
    {
        foreach (var (head, words, key) in Phrases)
        {
            if (first.SequenceEqual(head) && FollowsWith(following, words))
            {
                return key;
            }
        }

        return null;
    }

    // True when the text, folded and read word by word from its start, begins with the words of phrase.
    private static bool FollowsWith(ReadOnlySpan<char> text, string[] words)
    {
        var i = 0;
        foreach (var word in words)
        {
            if (i >= text.Length || text[i] != ' ')
            {
                return false;
            }

            i++;
            foreach (var expected in word)
            {
                if (i >= text.Length || char.ToLowerInvariant(Normalization.VietnameseFolding.Fold(text[i])) != expected)
                {
                    return false;
                }

                i++;
            }

            if (i < text.Length && char.IsLetter(text[i]))
            {
                return false;
            }
        }

        return true;
    }
}
