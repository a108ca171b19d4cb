package io.backstory.platform.text;

import java.util.ArrayList;
import java.util.List;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Patch;

/** Line-by-line differences between two texts, for revision history pages. */
public final class TextDiff {

    public enum Kind {
        SAME, ADDED, REMOVED
    }

    public record Line(Kind kind, String text) {
    }

    private TextDiff() {
    }

    public static List<Line> lines(String before, String after) {
        List<String> original = before.isEmpty() ? List.of() : before.lines().toList();
        List<String> revised = after.lines().toList();
        Patch<String> patch = DiffUtils.diff(original, revised);
        List<Line> lines = new ArrayList<>();
        int position = 0;
        for (AbstractDelta<String> delta : patch.getDeltas()) {
            for (; position < delta.getSource().getPosition(); position++) {
                lines.add(new Line(Kind.SAME, original.get(position)));
            }
            delta.getSource().getLines().forEach(l -> lines.add(new Line(Kind.REMOVED, l)));
            delta.getTarget().getLines().forEach(l -> lines.add(new Line(Kind.ADDED, l)));
            position += delta.getSource().size();
        }
        for (; position < original.size(); position++) {
            lines.add(new Line(Kind.SAME, original.get(position)));
        }
        return lines;
    }
}
