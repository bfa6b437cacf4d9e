namespace Aligner.Text;

/// <summary>
/// Runs an action on items 0 … count − 1 that are each decided on their own (a document's sentences, an alignment's
/// beads): on this thread for a short list, on every core in blocks for a long one. The result does not depend on the
/// cores, since no item reads another's result.
/// </summary>
internal static class ParallelBlocks
{
    // Lists of at least this many items are run on all cores, in blocks of Block items.
    internal const int Threshold = 1024;
    private const int Block = 128;

    public static void For(int count, Action<int> item, CancellationToken cancellationToken)
    {
        if (count < Threshold)
        {
            for (var i = 0; i < count; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                item(i);
            }

            return;
        }

        Parallel.For(0, (count + Block - 1) / Block, new ParallelOptions { CancellationToken = cancellationToken }, block =>
        {
            for (var i = block * Block; i < Math.Min(count, (block + 1) * Block); i++)
            {
                item(i);
            }
        });
    }
}
