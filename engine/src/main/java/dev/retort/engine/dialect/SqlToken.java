package dev.retort.engine.dialect;

/**
 * A token of SQL text as a dialect's lexer reads it: {@code [start, end)} in the text. Whitespace
 * between tokens is not a token. For colouring SQL (the shell maps kinds to theme roles), so
 * that every view of the same SQL agrees with what the statement splitter sees.
 */
public record SqlToken(Kind kind, int start, int end) {

    public enum Kind {
        /** A reserved or common SQL keyword ({@code CREATE}, {@code SELECT}, {@code INTEGER}), any case. */
        KEYWORD,
        /** Any other word: a table, column or function name. */
        WORD,
        /** A numeric literal ({@code 42}, {@code 3.14}, {@code 1e6}). */
        NUMBER,
        /** A string literal: {@code '...'}, {@code E'...'}, {@code $$...$$}, {@code $tag$...$tag$} where the dialect has them. */
        STRING,
        /** A quoted identifier: {@code "..."}, and {@code [...]} or {@code `...`} where the dialect has them. */
        QUOTED_IDENTIFIER,
        /** A line or block comment (nested where the dialect nests them). */
        COMMENT,
        /** The statement delimiter. */
        DELIMITER,
        /** Any other character: operators, parentheses, commas. */
        SYMBOL
    }

    public int length() {
        return end - start;
    }
}
