using Aligner.Alignment;
using FluentAssertions;

namespace Aligner.Tests.Alignment;

[TestFixture]
public sealed class AlignmentOptionsTests
{
    [Test]
    public void Default_IsValidWithDocumentedValues()
    {
        var options = AlignmentOptions.Default;

        var act = options.Validate;

        act.Should().NotThrow();
        options.OneToOne.Should().Be(0.85);
        options.Unmatched.Should().Be(0.05);
        options.OneToTwo.Should().Be(0.04);
        options.TwoToTwo.Should().Be(0.005);
        options.InitialBand.Should().Be(40);
    }

    [TestCase(0.0, 0.05, 0.04, 0.005, 40)] // a prior of 0 would forbid 1-1 beads
    [TestCase(0.85, -0.1, 0.04, 0.005, 40)] // a negative prior
    [TestCase(0.85, 0.05, 1.5, 0.005, 40)] // a prior above 1
    [TestCase(0.85, 0.05, 0.04, double.NaN, 40)] // not a number
    [TestCase(0.85, 0.05, 0.04, 0.005, 1)] // a band narrower than a 2-2 bead
    public void Validate_OutOfRange_ThrowsArgumentOutOfRangeException(double oneToOne, double unmatched, double oneToTwo, double twoToTwo, int band)
    {
        var options = new AlignmentOptions { OneToOne = oneToOne, Unmatched = unmatched, OneToTwo = oneToTwo, TwoToTwo = twoToTwo, InitialBand = band };

        var act = options.Validate;

        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    [TestCase(1.0, 1.0, 1.0, 1.0, 2)] // the upper bounds are allowed
    public void Validate_Boundaries_DoNotThrow(double oneToOne, double unmatched, double oneToTwo, double twoToTwo, int band)
    {
        var act = new AlignmentOptions { OneToOne = oneToOne, Unmatched = unmatched, OneToTwo = oneToTwo, TwoToTwo = twoToTwo, InitialBand = band }.Validate;

        act.Should().NotThrow();
    }

    [TestCase(BeadKind.OneToOne, "1-1", 1, 1)] // a sentence and its translation
    [TestCase(BeadKind.OneToZero, "1-0", 1, 0)] // English without partner
    [TestCase(BeadKind.ZeroToOne, "0-1", 0, 1)] // Vietnamese without partner
    [TestCase(BeadKind.TwoToOne, "2-1", 2, 1)] // two English sentences, one Vietnamese
    [TestCase(BeadKind.OneToTwo, "1-2", 1, 2)] // one English sentence, two Vietnamese
    [TestCase(BeadKind.TwoToTwo, "2-2", 2, 2)] // two and two
    public void Label_Kind_GivesLabelAndCounts(BeadKind kind, string label, int english, int vietnamese)
    {
        kind.Label().Should().Be(label);
        kind.EnglishCount().Should().Be(english);
        kind.VietnameseCount().Should().Be(vietnamese);
        new Bead(kind, 0, 0, 1).EnglishCount.Should().Be(english);
        new Bead(kind, 0, 0, 1).VietnameseCount.Should().Be(vietnamese);
        new Bead(kind, 0, 0, 1).Label.Should().Be(label);
        new Aligner.Matching.MatchedPair(kind, 1, default, default).Label.Should().Be(label);
    }
}
