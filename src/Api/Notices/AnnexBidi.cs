namespace AGH.Api.Notices;

/// <summary>
/// The order in which one line of an annex is drawn: a reduced form of the Unicode bidirectional algorithm (UAX #9) that
/// covers the annexes' texts. Arabic-script letters are right-to-left; other letters and all digits are left-to-right (a
/// paragraph cites "§ 84 Abs. 1 SGG" or an e-mail address inside Arabic or Persian text); neutrals (spaces, punctuation,
/// §) take the direction of strong characters on both sides, else the paragraph's (rules N1, N2). Runs are then reversed
/// level by level (rule L2); HarfBuzz shapes each right-to-left run into glyphs in visual order and mirrors its brackets.
/// </summary>
public static class AnnexBidi
{
    public static bool IsRightToLeft(char c) =>
        c is >= '\u0590' and <= '\u08FF' or >= '\uFB1D' and <= '\uFDFF' or >= '\uFE70' and <= '\uFEFE';

    private static bool IsLeftToRight(char c) => char.IsLetterOrDigit(c) && !IsRightToLeft(c);

    /// <summary>The embedding level of each character: even left-to-right, odd right-to-left.</summary>
    public static int[] Levels(string text, bool rightToLeft)
    {
        // 1 = strong right-to-left, 0 = strong left-to-right, -1 = neutral.
        var strong = text.Select(c => IsRightToLeft(c) ? 1 : IsLeftToRight(c) ? 0 : -1).ToArray();
        var paragraph = rightToLeft ? 1 : 0;
        var levels = new int[text.Length];
        for (var i = 0; i < text.Length; i++)
        {
            var direction = strong[i];
            if (direction < 0)
            {
                int before = paragraph, after = paragraph;
                for (var j = i - 1; j >= 0; j--) if (strong[j] >= 0) { before = strong[j]; break; }
                for (var j = i + 1; j < text.Length; j++) if (strong[j] >= 0) { after = strong[j]; break; }
                direction = before == after ? before : paragraph;
            }
            // A left-to-right run inside a right-to-left paragraph sits one level above it (level 2), as UAX #9 puts it.
            levels[i] = rightToLeft ? (direction == 1 ? 1 : 2) : direction;
        }
        return levels;
    }

    /// <summary>Rule L2: from the highest level down to the lowest odd one, reverse every run at that level or above.</summary>
    public static List<T> Visual<T>(IReadOnlyList<T> items, IReadOnlyList<int> levels)
    {
        var list = items.Select((item, i) => (item, level: levels[i])).ToList();
        if (list.Count == 0) return [];
        var lowestOdd = levels.Where(l => l % 2 == 1).DefaultIfEmpty(int.MaxValue).Min();
        for (var level = levels.Max(); level >= lowestOdd; level--)
            for (var i = 0; i < list.Count;)
            {
                if (list[i].level < level) { i++; continue; }
                var end = i;
                while (end < list.Count && list[end].level >= level) end++;
                list.Reverse(i, end - i);
                i = end;
            }
        return list.Select(p => p.item).ToList();
    }
}
