package io.pgrecord.types;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A PostgreSQL {@code tsvector}: a sorted set of distinct lexemes, each with optional positions
 * and weights.
 *
 * <p>{@link #parse} normalises the text exactly as the server's input function does (lexemes
 * sorted by their UTF-8 bytes, duplicates merged, positions sorted and de-duplicated, keeping the
 * highest weight), so two values are equal when the server would print them the same. It parses
 * text as a literal; it does not stem words the way {@code to_tsvector} does.
 * {@snippet class=io.pgrecord.types.JavadocExamplesTest region=tsvector}
 */
public final class TsVector {

    private static final String TYPE = "tsvector";
    /** A lexeme keeps at most this many positions (MAXNUMPOS). */
    private static final int MAX_POSITIONS = 256;

    private final List<String> lexemes;
    private final String text;

    private TsVector(List<String> lexemes, String text) {
        this.lexemes = lexemes;
        this.text = text;
    }

    public static TsVector parse(String text) {
        Malformed.requireNonNull(text, TYPE);
        TsWords words = new TsWords(TYPE, text, false);
        Map<byte[], TreeMap<Integer, Integer>> entries = new TreeMap<>(Arrays::compareUnsigned);
        List<Integer> positions = new ArrayList<>();
        for (String word = words.next(positions); word != null; positions.clear(), word = words.next(positions)) {
            TreeMap<Integer, Integer> weights = entries.computeIfAbsent(word.getBytes(StandardCharsets.UTF_8), k -> new TreeMap<>());
            for (int p : positions) {
                weights.merge(p >> 2, p & 3, Math::max);
            }
        }
        List<String> lexemes = new ArrayList<>(entries.size());
        StringBuilder out = new StringBuilder();
        entries.forEach((bytes, weights) -> {
            String lexeme = new String(bytes, StandardCharsets.UTF_8);
            lexemes.add(lexeme);
            if (!out.isEmpty()) {
                out.append(' ');
            }
            TsWords.appendQuoted(out, lexeme);
            appendPositions(out, weights);
        });
        return new TsVector(List.copyOf(lexemes), out.toString());
    }

    private static void appendPositions(StringBuilder out, TreeMap<Integer, Integer> weights) {
        int n = 0;
        for (Map.Entry<Integer, Integer> e : weights.entrySet()) {
            if (n == MAX_POSITIONS) {
                break;
            }
            out.append(n++ == 0 ? ':' : ',').append(e.getKey());
            if (e.getValue() > 0) {
                out.append((char) ('A' + 3 - e.getValue()));
            }
        }
    }

    /** The distinct lexemes in the server's order; an unmodifiable list. */
    public List<String> lexemes() {
        return lexemes;
    }

    public boolean isEmpty() {
        return lexemes.isEmpty();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TsVector other && text.equals(other.text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    /** The canonical text, {@code 'a':1,3B 'b':2}; empty for an empty vector. */
    @Override
    public String toString() {
        return text;
    }
}
