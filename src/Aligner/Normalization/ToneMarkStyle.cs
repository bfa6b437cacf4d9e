namespace Aligner.Normalization;

/// <summary>
/// Where the tone mark goes in the open syllables <c>oa</c>, <c>oe</c> and <c>uy</c> (no final consonant). Both
/// styles are correct Vietnamese; Unicode NFC does not unify them (<c>hòa</c> ≠ <c>hoà</c>).
/// </summary>
/// <remarks>
/// Only these three vowel pairs differ. After <c>qu</c> the <c>u</c> belongs to the onset, so <c>quý</c>,
/// <c>quà</c> are the same in both styles; after <c>gi</c> likewise. Syllables with a final consonant
/// (<c>hoàng</c>, <c>khuých</c>) or a third vowel (<c>hoài</c>) are written one way only.
/// </remarks>
public enum ToneMarkStyle
{
    /// <summary>Old (traditional) style: the mark on the first vowel, <c>hòa</c>, <c>khỏe</c>, <c>thủy</c>.</summary>
    Old = 0,

    /// <summary>New style: the mark on the second vowel, <c>hoà</c>, <c>khoẻ</c>, <c>thuỷ</c>.</summary>
    New = 1,
}
